// Arguments for or against an opinion or amendment, their deletion by their author, and the
// "useful" marks others give them (htmx swaps the button in place; without JS, 303 back).
import type { FastifyReply, FastifyRequest } from 'fastify';
import { render } from '../../platform/render.ts';
import { HttpError } from '../../platform/http.ts';
import { setFlash } from '../../platform/flash.ts';
import { assertCanParticipate, type StepContext } from '../../platform/gate.ts';
import { assertHuman, checkLinks } from '../../platform/anti-spam.ts';
import { text, checkText, hasErrors, type FormErrors } from '../../platform/forms.ts';
import { loadStep, loadDebateTarget, loadArgument } from './guards.ts';
import { createArgument, deleteArgument as removeArgument, setUsefulMark, type Side } from './extras-queries.ts';
import type { Item } from './item-queries.ts';
import type { ItemParams } from './items.ts';
import { createdFlash } from './moderation.ts';

export const ARGUMENT_MAX = 2000;
type ArgumentParams = { stepId: string; argumentId: string };

/** An argument or source form re-rendered with its errors when JavaScript is off (the item page holds the same form). */
export function debateForm(request: FastifyRequest, reply: FastifyReply, ctx: StepContext, item: Item, form: 'argument' | 'source', values: Record<string, string>, errors: FormErrors) {
  const titleKey = form === 'argument' ? 'consultation.argument.new.title' : 'consultation.source.new.title';
  return render(request, reply, 'consultation/debate-form', { title: request.t(titleKey), titleKey, form, step: ctx.step, item, values, errors }, { status: 422 });
}

export async function postArgument(request: FastifyRequest<{ Params: ItemParams }>, reply: FastifyReply) {
  const ctx = loadStep(request, request.params.stepId);
  const user = assertCanParticipate(request, ctx, 'contribute');
  const item = loadDebateTarget(request, ctx, request.params.itemId, 'allow_arguments');
  assertHuman(request);
  const values = { side: text(request.body, 'side'), body: text(request.body, 'body') };
  const errors: FormErrors = {};
  if (values.side !== 'for' && values.side !== 'against') errors.side = { key: 'forms.invalid_choice' };
  checkText(errors, 'body', values.body, { required: true, max: ARGUMENT_MAX });
  checkLinks(request, errors, 'body', values.body);
  if (hasErrors(errors)) return debateForm(request, reply, ctx, item, 'argument', values, errors);
  const id = createArgument(request.server.db, ctx.step, item.id, user.id, values.side as Side, values.body);
  setFlash(reply, createdFlash(request.server.db, id, 'consultation.argument.flash.created'));
  return reply.redirect(`/consultation/${ctx.step.id}/items/${item.id}#argument-${id}`, 303);
}

export async function deleteArgument(request: FastifyRequest<{ Params: ArgumentParams }>, reply: FastifyReply) {
  const ctx = loadStep(request, request.params.stepId);
  const user = assertCanParticipate(request, ctx, 'contribute');
  const arg = loadArgument(request, ctx, request.params.argumentId);
  if (arg.author_id !== user.id) throw new HttpError(403, 'consultation.argument.refused.not_author');
  removeArgument(request.server.db, ctx.step, arg);
  setFlash(reply, 'consultation.argument.flash.deleted');
  return reply.redirect(`/consultation/${ctx.step.id}/items/${arg.item_id}#arguments`, 303);
}

// The form carries the wanted state (mark=1 or 0), so repeated identical requests agree.
export async function markUseful(request: FastifyRequest<{ Params: ArgumentParams }>, reply: FastifyReply) {
  const ctx = loadStep(request, request.params.stepId);
  const user = assertCanParticipate(request, ctx, 'vote');
  const arg = loadArgument(request, ctx, request.params.argumentId);
  if (arg.author_id === user.id) throw new HttpError(403, 'consultation.argument.useful.own');
  const mark = text(request.body, 'mark');
  if (mark !== '1' && mark !== '0') throw new HttpError(400, 'forms.invalid_choice');
  const count = setUsefulMark(request.server.db, ctx.step, arg.contribution_id, user.id, mark === '1');
  if (!request.wantsFragment) return reply.redirect(`/consultation/${ctx.step.id}/items/${arg.item_id}#argument-${arg.contribution_id}`, 303);
  const argument = { id: arg.contribution_id, useful_count: count, marked: mark === '1', own: false };
  return render(request, reply, 'consultation/_useful', { argument, stepId: ctx.step.id, canVote: true });
}
