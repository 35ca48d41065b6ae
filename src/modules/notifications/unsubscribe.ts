// One-click unsubscribe at /unsubscribe/<key>/<list>, without logging in: the GET shows a page
// with a button (mail scanners follow links, so a GET never unsubscribes by itself); the POST
// unsubscribes, from that button or from a mail client's List-Unsubscribe-Post (RFC 8058,
// body `List-Unsubscribe=One-Click`). The key proves the caller: the route has no CSRF check.
import type { FastifyReply, FastifyRequest } from 'fastify';
import { render } from '../../platform/render.ts';
import { HttpError } from '../../platform/http.ts';
import { LISTS, type List } from '../../platform/unsubscribe.ts';
import { findByUnsubscribeKey } from './queries.ts';
import { unsubscribe } from './writes.ts';

type Params = { key: string; list: string };

/** The person the key names, and the list; an unknown key or list: 404. */
function load(request: FastifyRequest<{ Params: Params }>): { userId: number; list: List } {
  const list = (LISTS as readonly string[]).includes(request.params.list) ? (request.params.list as List) : null;
  const person = list ? findByUnsubscribeKey(request.server.db, request.params.key) : undefined;
  if (!list || !person) throw new HttpError(404, 'notifications.unsubscribe.not_found');
  return { userId: person.id, list };
}

export async function confirmUnsubscribe(request: FastifyRequest<{ Params: Params }>, reply: FastifyReply) {
  const { list } = load(request);
  // The address holds a secret: no page cache, and no referrer to other sites.
  reply.header('referrer-policy', 'no-referrer');
  return render(request, reply, 'notifications/unsubscribe', { title: request.t('notifications.unsubscribe.title'), list, action: request.url.split('?')[0], done: false }, { cache: false });
}

export async function postUnsubscribe(request: FastifyRequest<{ Params: Params }>, reply: FastifyReply) {
  const { userId, list } = load(request);
  unsubscribe(request.server.db, userId, list);
  reply.header('referrer-policy', 'no-referrer');
  return render(request, reply, 'notifications/unsubscribe', { title: request.t('notifications.unsubscribe.done_title'), list, action: '', done: true }, { cache: false });
}
