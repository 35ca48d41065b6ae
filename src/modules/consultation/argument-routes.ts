// Arguments for or against an opinion or amendment, their deletion by their author, and the
// "useful" marks others give them (htmx swaps the button in place; without JS, 303 back).
import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify';
import { render } from '../../platform/render.ts';
import { HttpError, notFound } from '../../platform/http.ts';
import { setFlash } from '../../platform/flash.ts';
import { text, checkText, hasErrors, type FormErrors, parseId } from '../../platform/forms.ts';
import { assertCanParticipate, loadStep, type StepContext } from './guards.ts';
import { createArgument, deleteArgument, findArgumentTarget, setUsefulMark, type ArgumentTarget, type Side } from './extras-queries.ts';
import { loadItem, assertPublished } from './item-routes.ts';
import type { Item } from './item-queries.ts';
import { participationLimits } from '../../platform/rate-limits.ts';

export const ARGUMENT_MAX = 2000;

/** A published item of this step whose section allows `flag`, or a refusal. */
export function debateTarget(request: FastifyRequest, ctx: StepContext, rawId: string, flag: 'allow_arguments' | 'allow_sources', refusedKey: string): Item {
  const item = loadItem(request, ctx, rawId);
  assertPublished(item);
  if (!item[flag]) throw new HttpError(403, refusedKey);
  return item;
}

/** Re-rendered with its errors when JavaScript is off (the item page holds the same form). */
export function debateForm(request: FastifyRequest, reply: FastifyReply, ctx: StepContext, item: Item, form: 'argument' | 'source', values: Record<string, string>, errors: FormErrors) {
  const titleKey = form === 'argument' ? 'consultation.argument.new.title' : 'consultation.source.new.title';
  return render(request, reply, 'consultation/debate-form', { title: request.t(titleKey), titleKey, form, step: ctx.step, item, values, errors }, { status: 422 });
}

function visibleArgument(request: FastifyRequest, ctx: StepContext, rawId: string): ArgumentTarget {
  const id = parseId(rawId);
  const arg = id === null ? undefined : findArgumentTarget(request.server.db, ctx.step.id, id);
  if (!arg || arg.status !== 'published' || arg.item_published !== 1 || arg.item_status !== 'published') throw notFound();
  return arg;
}

export const argumentRoutes: FastifyPluginAsync = async (app) => {
  app.post<{ Params: { stepId: string; itemId: string } }>('/:stepId/items/:itemId/arguments', { config: participationLimits.contribute }, async (request, reply) => {
    const ctx = loadStep(request, request.params.stepId);
    const user = assertCanParticipate(request, ctx);
    const item = debateTarget(request, ctx, request.params.itemId, 'allow_arguments', 'consultation.argument.refused.not_allowed');
    const values = { side: text(request.body, 'side'), body: text(request.body, 'body') };
    const errors: FormErrors = {};
    if (values.side !== 'for' && values.side !== 'against') errors.side = { key: 'forms.invalid_choice' };
    checkText(errors, 'body', values.body, { required: true, max: ARGUMENT_MAX });
    if (hasErrors(errors)) return debateForm(request, reply, ctx, item, 'argument', values, errors);
    const id = createArgument(app.db, ctx.step, item.id, user.id, values.side as Side, values.body);
    setFlash(reply, 'consultation.argument.flash.created');
    return reply.redirect(`/consultation/${ctx.step.id}/items/${item.id}#argument-${id}`, 303);
  });

  app.post<{ Params: { stepId: string; argumentId: string } }>('/:stepId/arguments/:argumentId/delete', async (request, reply) => {
    const ctx = loadStep(request, request.params.stepId);
    const user = assertCanParticipate(request, ctx);
    const arg = visibleArgument(request, ctx, request.params.argumentId);
    if (arg.author_id !== user.id) throw new HttpError(403, 'consultation.argument.refused.not_author');
    deleteArgument(app.db, ctx.step, arg);
    setFlash(reply, 'consultation.argument.flash.deleted');
    return reply.redirect(`/consultation/${ctx.step.id}/items/${arg.item_id}#arguments`, 303);
  });

  // The form carries the wanted state (mark=1 or 0), so repeated identical requests agree.
  app.post<{ Params: { stepId: string; argumentId: string } }>('/:stepId/arguments/:argumentId/useful', { config: participationLimits.vote }, async (request, reply) => {
    const ctx = loadStep(request, request.params.stepId);
    const user = assertCanParticipate(request, ctx);
    const arg = visibleArgument(request, ctx, request.params.argumentId);
    if (arg.author_id === user.id) throw new HttpError(403, 'consultation.argument.useful.own');
    const mark = text(request.body, 'mark');
    if (mark !== '1' && mark !== '0') throw new HttpError(400, 'forms.invalid_choice');
    const count = setUsefulMark(app.db, ctx.step, arg.contribution_id, user.id, mark === '1');
    if (!request.wantsFragment) return reply.redirect(`/consultation/${ctx.step.id}/items/${arg.item_id}#argument-${arg.contribution_id}`, 303);
    const argument = { id: arg.contribution_id, useful_count: count, marked: mark === '1', own: false };
    return render(request, reply, 'consultation/_useful', { argument, stepId: ctx.step.id, canParticipate: true });
  });
};
