// The person's notification list at /notifications (newest first, a page by cursor, no COUNT),
// opening one (marked read, then on to what it is about) and marking them all read.
import type { FastifyReply, FastifyRequest } from 'fastify';
import { render } from '../../platform/render.ts';
import { notFound, requireUser } from '../../platform/http.ts';
import { setFlash } from '../../platform/flash.ts';
import { parseId } from '../../platform/forms.ts';
import type { SessionUser } from '../../platform/sessions.ts';
import { findNotification, listNotifications } from './queries.ts';
import { markAllRead, markRead } from './writes.ts';
import { describe, parseCursor, type Reader } from './rules.ts';

const readerOf = (user: SessionUser): Reader => ({ id: user.id, official: user.role === 'admin' || user.role === 'moderator' });

export async function showList(request: FastifyRequest<{ Querystring: { before?: string } }>, reply: FastifyReply) {
  const user = requireUser(request, reply);
  if (!user) return reply;
  const before = parseCursor(request.query.before);
  const { rows, next } = listNotifications(request.server.db, user, before);
  const reader = readerOf(user);
  const items = rows.map((r) => describe(request.t, request.server.manifests, reader, r));
  return render(request, reply, 'notifications/index', { title: request.t('notifications.list.title'), items, next, first: before === null }, { cache: false });
}

/** A notification's link: read from now on, then its target (another's id: 404). */
export async function openNotification(request: FastifyRequest<{ Params: { id: string } }>, reply: FastifyReply) {
  const user = requireUser(request, reply);
  if (!user) return reply;
  const id = parseId(request.params.id);
  const row = id === null ? undefined : findNotification(request.server.db, user, id);
  if (!row) throw notFound();
  markRead(request.server.db, user.id, row.id);
  return reply.redirect(describe(request.t, request.server.manifests, readerOf(user), row).href, 303);
}

export async function readAll(request: FastifyRequest, reply: FastifyReply) {
  const user = requireUser(request, reply);
  if (!user) return reply;
  markAllRead(request.server.db, user.id);
  setFlash(reply, 'notifications.flash.all_read');
  return reply.redirect('/notifications', 303);
}
