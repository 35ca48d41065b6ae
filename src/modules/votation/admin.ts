// The votation's admin page (administrators only, checked by the route list): its questions,
// added, edited and deleted while the step has not opened; the electoral roll and its codes
// (admin-roll.ts); the turnout.
import type { FastifyReply, FastifyRequest } from 'fastify';
import { render } from '../../platform/render.ts';
import { HttpError, notFound } from '../../platform/http.ts';
import { setFlash } from '../../platform/flash.ts';
import { parseId, type FormErrors } from '../../platform/forms.ts';
import { loadVotation, settingsOf, votationOf, type StepContext, type StepParams } from './guards.ts';
import { listQuestions, rollStats } from './queries.ts';
import { DEFAULT_GRADE_KEYS, GRADES_MAX, METHODS, OPTIONS_MAX, QUESTIONS_MAX, parseQuestionForm } from './rules.ts';
import { deleteQuestion, saveQuestion } from './writes.ts';

type QuestionParams = StepParams & { questionId: string };
export interface AdminForms {
  question?: { id: number | null; values: Record<string, string>; errors: FormErrors };
  roll?: { errors: FormErrors; problems: { line: number; key: string }[] };
}

export function adminPage(request: FastifyRequest, reply: FastifyReply, ctx: StepContext, forms: AdminForms = {}, status = 200) {
  const db = request.server.db;
  const questions = listQuestions(db, ctx.step.id);
  const fresh = { title: '', method: 'single', max: '', blank: '', options: '', grades: DEFAULT_GRADE_KEYS.map((k) => request.t(k)).join('\n') };
  const asValues = (q: (typeof questions)[number]) => ({ title: q.title, method: q.method, max: q.max === null ? '' : String(q.max), blank: q.blank ? '1' : '', options: q.options.join('\n'), grades: (q.grades ?? []).join('\n') || fresh.grades });
  return render(
    request,
    reply,
    'votation/admin',
    {
      title: request.t('votation.admin.title', { title: ctx.step.title }),
      ...ctx,
      settings: settingsOf(ctx),
      votation: votationOf(request, ctx),
      editable: ctx.state === 'upcoming',
      questions: questions.map((q) => ({ q, form: forms.question?.id === q.id ? forms.question : { id: q.id, values: asValues(q), errors: {} } })),
      newQuestion: forms.question && forms.question.id === null ? forms.question : { id: null, values: fresh, errors: {} },
      canAdd: questions.length < QUESTIONS_MAX,
      methods: METHODS,
      limits: { options: OPTIONS_MAX, grades: GRADES_MAX },
      roll: settingsOf(ctx).electorate === 'roll' ? rollStats(db, ctx.step.id) : null,
      rollForm: forms.roll ?? { errors: {}, problems: [] },
      base: `/votation/${ctx.step.id}`,
    },
    { status },
  );
}

export async function adminHome(request: FastifyRequest<{ Params: StepParams }>, reply: FastifyReply) {
  return adminPage(request, reply, loadVotation(request, request.params.stepId));
}

/** Questions change only before the opening: a ballot cast must mean what the voter read. */
function loadEditable(request: FastifyRequest<{ Params: StepParams }>): StepContext {
  const ctx = loadVotation(request, request.params.stepId);
  if (ctx.state !== 'upcoming') throw new HttpError(403, 'votation.admin.refused.opened');
  return ctx;
}

function questionIdOf(request: FastifyRequest<{ Params: QuestionParams }>, ctx: StepContext): number {
  const id = parseId(request.params.questionId);
  if (id === null || !listQuestions(request.server.db, ctx.step.id).some((q) => q.id === id)) throw notFound();
  return id;
}

async function save(request: FastifyRequest<{ Params: StepParams }>, reply: FastifyReply, ctx: StepContext, id: number | null) {
  const { values, input, errors } = parseQuestionForm(request.body, id === null ? 'new-' : `q${id}-`);
  if (!input) return adminPage(request, reply, ctx, { question: { id, values, errors } }, 422);
  saveQuestion(request.server.db, ctx.step.id, id, input);
  setFlash(reply, 'votation.flash.question_saved');
  return reply.redirect(`/votation/${ctx.step.id}/admin#questions`, 303);
}

export async function postQuestion(request: FastifyRequest<{ Params: StepParams }>, reply: FastifyReply) {
  const ctx = loadEditable(request);
  if (listQuestions(request.server.db, ctx.step.id).length >= QUESTIONS_MAX) throw new HttpError(422, 'votation.admin.error.too_many');
  return save(request, reply, ctx, null);
}

export async function editQuestion(request: FastifyRequest<{ Params: QuestionParams }>, reply: FastifyReply) {
  const ctx = loadEditable(request);
  return save(request, reply, ctx, questionIdOf(request, ctx));
}

export async function removeQuestion(request: FastifyRequest<{ Params: QuestionParams }>, reply: FastifyReply) {
  const ctx = loadEditable(request);
  deleteQuestion(request.server.db, ctx.step.id, questionIdOf(request, ctx));
  setFlash(reply, 'votation.flash.question_deleted');
  return reply.redirect(`/votation/${ctx.step.id}/admin#questions`, 303);
}
