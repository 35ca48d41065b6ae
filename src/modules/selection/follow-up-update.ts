// A winner's news post after its publication (administrators, checked by the route list): its
// edit page at /selection/:stepId/proposals/:proposalId/follow-up/updates/:itemId (title and
// Markdown text, refused with 422 and the values sent when wrong) and its removal, asked on a
// page of its own first so that a stray click removes nothing, without JavaScript.
import type { FastifyReply, FastifyRequest } from 'fastify';
import { render } from '../../platform/render.ts';
import { notFound } from '../../platform/http.ts';
import { setFlash } from '../../platform/flash.ts';
import { hasErrors, parseId, type FormErrors } from '../../platform/forms.ts';
import { loadWinner, type ItemParams } from './guards.ts';
import { findUpdate } from './follow-up-queries.ts';
import { parseUpdate, BODY_MAX, TITLE_MAX } from './follow-up-rules.ts';
import { deleteUpdate, editUpdate } from './follow-up-writes.ts';

/** The step, its winner and the news post of the URL, or a 404. */
function loadUpdate(request: FastifyRequest<{ Params: ItemParams }>) {
  const w = loadWinner(request);
  const id = parseId(request.params.itemId);
  const update = id === null ? undefined : findUpdate(request.server.db, w.ctx.step.id, w.winner.proposal_id, id);
  if (!update) throw notFound();
  return { ...w, update };
}

function editPage(request: FastifyRequest, reply: FastifyReply, u: ReturnType<typeof loadUpdate>, form: { values: Record<string, string>; errors: FormErrors }, status = 200) {
  return render(
    request,
    reply,
    'selection/follow-up-update',
    { title: request.t('selection.follow_up.update.edit_title', { title: u.update.title }), ...u.ctx, base: u.base, update: u.update, form, limits: { title: TITLE_MAX, body: BODY_MAX } },
    { status },
  );
}

export async function showUpdateEdit(request: FastifyRequest<{ Params: ItemParams }>, reply: FastifyReply) {
  const u = loadUpdate(request);
  return editPage(request, reply, u, { values: { update_title: u.update.title, body: u.update.body_md }, errors: {} });
}

export async function postUpdateEdit(request: FastifyRequest<{ Params: ItemParams }>, reply: FastifyReply) {
  const u = loadUpdate(request);
  const { values, errors } = parseUpdate(request.body);
  if (hasErrors(errors)) return editPage(request, reply, u, { values, errors }, 422);
  // Removed meanwhile by another administrator: nothing to save.
  if (!editUpdate(request.server.db, u.ctx.step.id, u.winner.proposal_id, u.update.id, { title: values.update_title, body: values.body })) throw notFound();
  setFlash(reply, 'selection.follow_up.flash.update_saved');
  return reply.redirect(u.base, 303);
}

/** The question before the removal: the post's title and date, a button to remove, a way back. */
export async function showUpdateDelete(request: FastifyRequest<{ Params: ItemParams }>, reply: FastifyReply) {
  const u = loadUpdate(request);
  return render(request, reply, 'selection/follow-up-update-delete', { title: request.t('selection.follow_up.update.delete_title', { title: u.update.title }), ...u.ctx, base: u.base, update: u.update });
}

export async function postUpdateDelete(request: FastifyRequest<{ Params: ItemParams }>, reply: FastifyReply) {
  const u = loadUpdate(request);
  if (!deleteUpdate(request.server.db, u.ctx.step.id, u.winner.proposal_id, u.update.id)) throw notFound();
  setFlash(reply, 'selection.follow_up.flash.update_deleted');
  return reply.redirect(u.base, 303);
}
