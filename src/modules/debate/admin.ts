// The debate's admin page (administrators only, checked by the route list), at
// /debate/:stepId/admin: the two invited opinions, for and against, each with its author's name,
// role and text; after the close, the conclusion; and the CSV export.
import type { FastifyReply, FastifyRequest } from 'fastify';
import { render } from '../../platform/render.ts';
import { HttpError } from '../../platform/http.ts';
import { setFlash } from '../../platform/flash.ts';
import { text, checkText, hasErrors, type FormErrors } from '../../platform/forms.ts';
import { loadDebate, type StepContext, type StepParams } from './guards.ts';
import { findDebate, listOpinions } from './queries.ts';
import { saveConclusion, saveOpinions, type OpinionInput } from './writes.ts';
import { CONCLUSION_MAX, NAME_MAX, OPINION_MAX, ROLE_MAX, SIDES } from './rules.ts';
import type { Side } from './schema.ts';

type Values = Record<string, string>;
interface Forms {
  opinions?: { values: Values; errors: FormErrors };
  conclusion?: { values: Values; errors: FormErrors };
}

function adminPage(request: FastifyRequest, reply: FastifyReply, ctx: StepContext, forms: Forms = {}, status = 200) {
  const db = request.server.db;
  const stored: Values = {};
  for (const o of listOpinions(db, ctx.step.id)) Object.assign(stored, { [`${o.side}_name`]: o.author_name, [`${o.side}_role`]: o.author_role, [`${o.side}_body`]: o.body_md });
  const debate = findDebate(db, ctx.step.id);
  return render(
    request,
    reply,
    'debate/admin',
    {
      title: request.t('debate.admin.title', { title: ctx.step.title }),
      ...ctx,
      opinions: forms.opinions ?? { values: stored, errors: {} },
      conclusion: forms.conclusion ?? { values: { conclusion: debate.conclusion_md ?? '' }, errors: {} },
      limits: { name: NAME_MAX, role: ROLE_MAX, opinion: OPINION_MAX, conclusion: CONCLUSION_MAX },
    },
    { status },
  );
}

export async function adminHome(request: FastifyRequest<{ Params: StepParams }>, reply: FastifyReply) {
  return adminPage(request, reply, loadDebate(request, request.params.stepId));
}

/** Both opinions in one form: a side left entirely empty has no invited opinion. */
export async function postOpinions(request: FastifyRequest<{ Params: StepParams }>, reply: FastifyReply) {
  const ctx = loadDebate(request, request.params.stepId);
  const values: Values = {};
  const errors: FormErrors = {};
  const opinions = {} as Record<Side, OpinionInput | null>;
  for (const side of SIDES) {
    const o = { name: text(request.body, `${side}_name`), role: text(request.body, `${side}_role`), body: text(request.body, `${side}_body`) };
    Object.assign(values, { [`${side}_name`]: o.name, [`${side}_role`]: o.role, [`${side}_body`]: o.body });
    const empty = !o.name && !o.role && !o.body;
    opinions[side] = empty ? null : o;
    checkText(errors, `${side}_name`, o.name, { required: !empty, max: NAME_MAX });
    checkText(errors, `${side}_role`, o.role, { required: !empty, max: ROLE_MAX });
    checkText(errors, `${side}_body`, o.body, { required: !empty, max: OPINION_MAX });
  }
  if (hasErrors(errors)) return adminPage(request, reply, ctx, { opinions: { values, errors } }, 422);
  saveOpinions(request.server.db, ctx.step.id, opinions);
  setFlash(reply, 'debate.flash.opinions_saved');
  return reply.redirect(`/debate/${ctx.step.id}/admin`, 303);
}

/** The conclusion sums up a finished debate: refused while the step is upcoming or open. */
export async function postConclusion(request: FastifyRequest<{ Params: StepParams }>, reply: FastifyReply) {
  const ctx = loadDebate(request, request.params.stepId);
  if (ctx.state !== 'closed') throw new HttpError(403, 'debate.conclusion.refused.not_closed');
  const values = { conclusion: text(request.body, 'conclusion') };
  const errors: FormErrors = {};
  checkText(errors, 'conclusion', values.conclusion, { max: CONCLUSION_MAX });
  if (hasErrors(errors)) return adminPage(request, reply, ctx, { conclusion: { values, errors } }, 422);
  saveConclusion(request.server.db, ctx.step.id, values.conclusion);
  setFlash(reply, values.conclusion ? 'debate.flash.conclusion_saved' : 'debate.flash.conclusion_removed');
  return reply.redirect(`/debate/${ctx.step.id}/admin`, 303);
}
