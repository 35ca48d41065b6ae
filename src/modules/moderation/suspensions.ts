// Suspending a participant from a contribution's moderation page, for administrators only: the
// account is suspended, its sessions end (so it can no longer post anything), and the log keeps
// who did it, when and why; reactivating is logged the same way. A refused form comes back with
// 422, an account that cannot be suspended (one's own, an erased one, already done) gives 409.
import type { FastifyReply, FastifyRequest } from 'fastify';
import { setFlash } from '../../platform/flash.ts';
import { text, checkText, hasErrors, type FormErrors } from '../../platform/forms.ts';
import { setSuspended } from '../../platform/suspensions.ts';
import { loadContribution, type IdParams } from './guards.ts';
import { itemPage, notApplicable } from './items.ts';
import { MOTIVE_MAX } from './rules.ts';

function suspensionHandler(suspend: boolean) {
  return async function suspension(request: FastifyRequest<{ Params: IdParams }>, reply: FastifyReply) {
    const c = loadContribution(request, request.params.id);
    if (c.author_id === request.user!.id) return notApplicable(request, reply, c.id, 'moderation.suspend.errors.self');
    const reason = text(request.body, 'suspend_reason');
    const errors: FormErrors = {};
    checkText(errors, 'suspend_reason', reason, { required: suspend, max: MOTIVE_MAX });
    if (errors.suspend_reason?.key === 'forms.required') errors.suspend_reason = { key: 'moderation.suspend.errors.reason_required' };
    if (hasErrors(errors)) return itemPage(request, reply, c, { action: 'suspend', values: { suspend_reason: reason }, errors }, 422);
    if (!setSuspended(request.server.db, { adminId: request.user!.id, userId: c.author_id, suspend, reason })) return notApplicable(request, reply, c.id);
    setFlash(reply, suspend ? 'moderation.flash.suspend' : 'moderation.flash.unsuspend');
    return reply.redirect(`/moderation/items/${c.id}`, 303);
  };
}

export const suspendAuthor = suspensionHandler(true);
export const unsuspendAuthor = suspensionHandler(false);
