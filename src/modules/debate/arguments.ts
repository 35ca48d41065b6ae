// Arguments: posting one (at most one per person and side, the database says so), its own page
// (the permalink, whatever the sort and page of the columns), its deletion by its author (which
// frees the side), and the "useful" marks others give it (htmx swaps the button in place; without
// JavaScript, 303 back to the list).
import type { FastifyReply, FastifyRequest } from 'fastify';
import { render } from '../../platform/render.ts';
import { HttpError, safeNext } from '../../platform/http.ts';
import { setFlash } from '../../platform/flash.ts';
import { assertCanParticipate } from '../../platform/gate.ts';
import { assertHuman, checkLinks } from '../../platform/anti-spam.ts';
import { text, checkText, hasErrors, type FormErrors } from '../../platform/forms.ts';
import { loadArgument, loadArgumentPage, loadDebate, participationOf, type ArgumentParams, type StepParams } from './guards.ts';
import { createArgument, deleteArgument as removeArgument, setUsefulMark } from './writes.ts';
import { renderDebate } from './page.ts';
import { parseSide, ARGUMENT_MAX } from './rules.ts';

export async function postArgument(request: FastifyRequest<{ Params: StepParams }>, reply: FastifyReply) {
  const ctx = loadDebate(request, request.params.stepId);
  const user = assertCanParticipate(request, ctx, 'contribute');
  assertHuman(request);
  const values = { side: text(request.body, 'side'), body: text(request.body, 'body') };
  const errors: FormErrors = {};
  const side = parseSide(values.side);
  if (!side) errors.side = { key: 'forms.invalid_choice' };
  checkText(errors, 'body', values.body, { required: true, max: ARGUMENT_MAX });
  checkLinks(request, errors, 'body', values.body);
  if (hasErrors(errors)) return renderDebate(request, reply, ctx, {}, { values, errors }, 422);
  const created = createArgument(request.server.db, ctx.step, user.id, side!, values.body);
  if (created === null) return renderDebate(request, reply, ctx, {}, { values, errors: { side: { key: `debate.argument.side_taken.${side}` } } }, 422);
  // A pre-moderated argument waits for a moderator: its own page shows it to its author, marked so.
  if (created.status === 'pending') {
    setFlash(reply, 'debate.flash.argument_pending');
    return reply.redirect(`/debate/${ctx.step.id}/arguments/${created.id}`, 303);
  }
  setFlash(reply, 'debate.flash.argument_created');
  // Newest first, the new argument heads its column on the first page.
  return reply.redirect(`/debate/${ctx.step.id}?sort=newest#argument-${created.id}`, 303);
}

export async function showArgument(request: FastifyRequest<{ Params: ArgumentParams }>, reply: FastifyReply) {
  const ctx = loadDebate(request, request.params.stepId);
  const { argument, visibility } = loadArgumentPage(request, ctx, request.params.argumentId);
  const p = participationOf(request, ctx);
  // Marks and deletion are for published arguments only (their routes answer 404 otherwise).
  const published = argument.status === 'published';
  return render(request, reply, 'debate/argument', { title: request.t(`debate.argument.title.${argument.side}`), ...ctx, ...p, argument, published, textShown: visibility === 'show', back: request.url });
}

export async function deleteArgument(request: FastifyRequest<{ Params: ArgumentParams }>, reply: FastifyReply) {
  const ctx = loadDebate(request, request.params.stepId);
  const user = assertCanParticipate(request, ctx, 'contribute');
  const argument = loadArgument(request, ctx, request.params.argumentId);
  if (argument.author_id !== user.id) throw new HttpError(403, 'debate.argument.refused.not_author');
  removeArgument(request.server.db, ctx.step, argument.id, user.id);
  setFlash(reply, 'debate.flash.argument_deleted');
  return reply.redirect(`/debate/${ctx.step.id}#debate-arguments`, 303);
}

// The form carries the wanted state (mark=1 or 0), so repeated identical requests agree.
export async function markUseful(request: FastifyRequest<{ Params: ArgumentParams }>, reply: FastifyReply) {
  const ctx = loadDebate(request, request.params.stepId);
  const user = assertCanParticipate(request, ctx, 'vote');
  const argument = loadArgument(request, ctx, request.params.argumentId);
  if (argument.own) throw new HttpError(403, 'debate.useful.own');
  const mark = text(request.body, 'mark');
  if (mark !== '1' && mark !== '0') throw new HttpError(400, 'debate.useful.bad_mark');
  const count = setUsefulMark(request.server.db, ctx.step, argument.id, user.id, mark === '1');
  const back = safeNext(text(request.body, 'back'), `/debate/${ctx.step.id}`).split('#')[0];
  if (!request.wantsFragment) return reply.redirect(`${back}#argument-${argument.id}`, 303);
  return render(request, reply, 'debate/_useful', { argument: { ...argument, useful_count: count, marked: mark === '1' }, stepId: ctx.step.id, canVote: true, back });
}
