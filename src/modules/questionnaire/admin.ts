// The questionnaire's admin page (administrators only, checked by the route list): the builder's
// list of questions, the step's settings at a glance, import and export as a file, the shipped
// templates, and the exports of the responses.
import type { FastifyReply, FastifyRequest } from 'fastify';
import { render } from '../../platform/render.ts';
import { HttpError } from '../../platform/http.ts';
import { setFlash } from '../../platform/flash.ts';
import { text } from '../../platform/forms.ts';
import { QUESTION_TYPES, typeLabelKey } from '../../platform/questions/types.ts';
import { loadQuestionnaire, settingsOf, type StepContext, type StepParams } from './guards.ts';
import { findQuestionnaire, listQuestions } from './queries.ts';
import { replaceQuestions } from './writes.ts';
import { exportFile, readFile, type ReadError } from './transfer.ts';
import { TEMPLATES } from './templates/index.ts';
import { SETTINGS } from './rules.ts';

function adminPage(request: FastifyRequest, reply: FastifyReply, ctx: StepContext, importError: ReadError | null = null, status = 200) {
  const db = request.server.db;
  const t = request.t;
  return render(
    request,
    reply,
    'questionnaire/admin',
    {
      title: t('questionnaire.admin.title', { title: ctx.step.title }),
      ...ctx,
      base: `/questionnaire/${ctx.step.id}`,
      questions: listQuestions(db, ctx.step.id),
      responses: findQuestionnaire(db, ctx.step.id).responses_count,
      types: QUESTION_TYPES.map((type) => ({ type, label: t(typeLabelKey(type)) })),
      typeLabel: Object.fromEntries(QUESTION_TYPES.map((type) => [type, t(typeLabelKey(type))])),
      settings: Object.entries(settingsOf(ctx)).map(([name, on]) => ({ label: t(SETTINGS[name as keyof typeof SETTINGS].labelKey), on })),
      settingsPath: `/admin/projects/${ctx.project.id}/steps/${ctx.step.id}/edit`,
      templates: TEMPLATES.map((tpl) => ({ name: tpl.name, label: tpl.file.title, count: tpl.file.questions.length })),
      importError,
    },
    { status },
  );
}

export async function adminHome(request: FastifyRequest<{ Params: StepParams }>, reply: FastifyReply) {
  return adminPage(request, reply, loadQuestionnaire(request, request.params.stepId));
}

export async function exportDefinition(request: FastifyRequest<{ Params: StepParams }>, reply: FastifyReply) {
  const ctx = loadQuestionnaire(request, request.params.stepId);
  const file = exportFile(ctx.step.title, listQuestions(request.server.db, ctx.step.id));
  return reply
    .type('application/json; charset=utf-8')
    .header('content-disposition', `attachment; filename="questionnaire-${ctx.step.id}.json"`)
    .header('cache-control', 'no-store')
    .send(JSON.stringify(file, null, 2));
}

/** Replacing the questions would orphan the counters of the answers: only before the first response. */
function replace(request: FastifyRequest, reply: FastifyReply, ctx: StepContext, data: unknown) {
  if (findQuestionnaire(request.server.db, ctx.step.id).responses_count > 0) return adminPage(request, reply, ctx, { key: 'questionnaire.import.errors.answered' }, 422);
  const read = readFile(data);
  if (!read.ok) return adminPage(request, reply, ctx, read.error, 422);
  replaceQuestions(request.server.db, ctx.step.id, read.items);
  setFlash(reply, 'questionnaire.flash.imported');
  return reply.redirect(`/questionnaire/${ctx.step.id}/admin#questionnaire-questions`, 303);
}

export async function importDefinition(request: FastifyRequest<{ Params: StepParams }>, reply: FastifyReply) {
  const ctx = loadQuestionnaire(request, request.params.stepId);
  if (request.upload?.tooBig) return adminPage(request, reply, ctx, { key: 'questionnaire.import.errors.size' }, 422);
  if (!request.upload?.file) return adminPage(request, reply, ctx, { key: 'questionnaire.import.errors.no_file' }, 422);
  let data: unknown;
  try {
    data = JSON.parse(request.upload.file.toString('utf8'));
  } catch {
    return adminPage(request, reply, ctx, { key: 'questionnaire.import.errors.json' }, 422);
  }
  return replace(request, reply, ctx, data);
}

export async function applyTemplate(request: FastifyRequest<{ Params: StepParams }>, reply: FastifyReply) {
  const ctx = loadQuestionnaire(request, request.params.stepId);
  const tpl = TEMPLATES.find((x) => x.name === text(request.body, 'template'));
  if (!tpl) throw new HttpError(400, 'errors.400.text');
  return replace(request, reply, ctx, tpl.file);
}
