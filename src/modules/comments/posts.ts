// Writing in a thread: a comment, a reply to a top-level comment, its author's edit and
// deletion while the step is open, and the "useful" marks of others (htmx swaps the button in
// place; without JavaScript, 303 back). Every post passes the gate for the action 'comment',
// the honeypot and the limit on links; a refused form comes back with its text and the reason.
import type { FastifyReply, FastifyRequest } from 'fastify';
import { render } from '../../platform/render.ts';
import { HttpError, safeNext } from '../../platform/http.ts';
import { setFlash } from '../../platform/flash.ts';
import { assertCanParticipate } from '../../platform/gate.ts';
import { assertHuman, checkLinks } from '../../platform/anti-spam.ts';
import { raw, text, checkText, hasErrors, type FormErrors } from '../../platform/forms.ts';
import { loadComment, loadThread, type CommentParams, type Thread, type ThreadParams } from './guards.ts';
import { createComment, deleteComment, editComment, setUseful } from './writes.ts';
import { renderComment, renderThread } from './thread.ts';
import { COMMENT_MAX, isOfficial } from './rules.ts';

/** The text of the form, checked; errors name the field `comment`. */
function readComment(request: FastifyRequest): { values: Record<string, string>; errors: FormErrors } {
  assertHuman(request);
  const values = { comment: text(request.body, 'comment') };
  const errors: FormErrors = {};
  checkText(errors, 'comment', values.comment, { required: true, max: COMMENT_MAX });
  checkLinks(request, errors, 'comment', values.comment);
  return { values, errors };
}

/** Back to the page the form was on, at the comment. */
function backTo(request: FastifyRequest, thread: Thread, anchor: string): string {
  return `${safeNext(raw(request.body, 'back'), `/comments/${thread.target.id}`).split('#')[0]}#${anchor}`;
}

function posted(reply: FastifyReply, status: 'published' | 'pending'): void {
  setFlash(reply, status === 'pending' ? 'comments.flash.pending' : 'comments.flash.created');
}

export async function postComment(request: FastifyRequest<{ Params: ThreadParams }>, reply: FastifyReply) {
  const thread = loadThread(request, request.params.targetId);
  const user = assertCanParticipate(request, thread, 'comment');
  const form = readComment(request);
  if (hasErrors(form.errors)) return renderThread(request, reply, thread, {}, form, 422);
  const { id, status } = createComment(request.server.db, thread.step, { target: thread.target, replyTo: null, authorId: user.id, body: form.values.comment! });
  posted(reply, status);
  // Newest first, the new comment heads the first page.
  return reply.redirect(backTo(request, thread, `comment-${id}`), 303);
}

export async function postReply(request: FastifyRequest<{ Params: CommentParams }>, reply: FastifyReply) {
  const thread = loadThread(request, request.params.targetId);
  const user = assertCanParticipate(request, thread, 'comment');
  const parent = loadComment(request, thread, request.params.commentId);
  // One level of replies: a reply answers a published top-level comment.
  if (parent.reply_to !== null || parent.status !== 'published') throw new HttpError(404, 'errors.404.text');
  const form = readComment(request);
  if (hasErrors(form.errors)) return renderComment(request, reply, thread, parent.id, {}, form, 422);
  const { id, status } = createComment(request.server.db, thread.step, { target: thread.target, replyTo: parent.id, authorId: user.id, body: form.values.comment! });
  posted(reply, status);
  return reply.redirect(`/comments/${thread.target.id}/${parent.id}#comment-${id}`, 303);
}

/** The author's own comment, while the step is open; a hidden one may be deleted, not edited. */
function ownComment(request: FastifyRequest<{ Params: CommentParams }>, forEdit: boolean) {
  const thread = loadThread(request, request.params.targetId);
  const user = assertCanParticipate(request, thread, 'comment');
  const comment = loadComment(request, thread, request.params.commentId);
  if (comment.author_id !== user.id) throw new HttpError(403, 'comments.refused.not_author');
  if (forEdit && comment.status === 'hidden') throw new HttpError(403, 'comments.refused.hidden');
  return { thread, user, comment };
}

function editPage(request: FastifyRequest, reply: FastifyReply, thread: Thread, commentId: number, form: { values: Record<string, string>; errors: FormErrors }, status = 200) {
  return render(request, reply, 'comments/edit', { title: request.t('comments.edit_page.title'), ...thread, commentId, ...form, commentMax: COMMENT_MAX }, { status });
}

export async function editForm(request: FastifyRequest<{ Params: CommentParams }>, reply: FastifyReply) {
  const { thread, comment } = ownComment(request, true);
  return editPage(request, reply, thread, comment.id, { values: { comment: comment.body_md }, errors: {} });
}

export async function saveEdit(request: FastifyRequest<{ Params: CommentParams }>, reply: FastifyReply) {
  const { thread, user, comment } = ownComment(request, true);
  const form = readComment(request);
  if (hasErrors(form.errors)) return editPage(request, reply, thread, comment.id, form, 422);
  editComment(request.server.db, comment.id, user.id, form.values.comment!);
  setFlash(reply, 'comments.flash.edited');
  return reply.redirect(`/comments/${thread.target.id}/${comment.id}#comment-${comment.id}`, 303);
}

export async function removeComment(request: FastifyRequest<{ Params: CommentParams }>, reply: FastifyReply) {
  const { thread, user, comment } = ownComment(request, false);
  deleteComment(request.server.db, thread.step, comment.id, user.id);
  setFlash(reply, 'comments.flash.deleted');
  return reply.redirect(`/comments/${thread.target.id}`, 303);
}

// The form carries the wanted state (mark=1 or 0), so repeated identical requests agree.
export async function markUseful(request: FastifyRequest<{ Params: CommentParams }>, reply: FastifyReply) {
  const thread = loadThread(request, request.params.targetId);
  const user = assertCanParticipate(request, thread, 'comment');
  const comment = loadComment(request, thread, request.params.commentId);
  if (comment.status !== 'published') throw new HttpError(404, 'errors.404.text');
  if (comment.author_id === user.id) throw new HttpError(403, 'comments.useful.own');
  const mark = text(request.body, 'mark');
  if (mark !== '1' && mark !== '0') throw new HttpError(400, 'comments.useful.bad_mark');
  const count = setUseful(request.server.db, thread.step, comment.id, user.id, mark === '1');
  if (!request.wantsFragment) return reply.redirect(backTo(request, thread, `comment-${comment.id}`), 303);
  const card = { ...comment, useful_count: count, marked: mark === '1', own: false, official: isOfficial(comment.author_role) };
  return render(request, reply, 'comments/_useful', { c: card, targetId: thread.target.id, canComment: true, back: safeNext(raw(request.body, 'back'), `/comments/${thread.target.id}`) });
}
