// GET /moderation/log: every moderation action, newest first, for administrators only; keyset
// pages (an "older" link carrying the last id), never a count.
import type { FastifyReply, FastifyRequest } from 'fastify';
import { render } from '../../platform/render.ts';
import { listLog } from './queries.ts';
import { parseCursor } from './rules.ts';

export async function showLog(request: FastifyRequest<{ Querystring: { before?: string } }>, reply: FastifyReply) {
  const before = parseCursor(request.query.before);
  const { entries, next } = listLog(request.server.db, before);
  return render(request, reply, 'moderation/log', {
    title: request.t('moderation.log.title'),
    entries,
    nextUrl: next === null ? null : `/moderation/log?before=${next}`,
    firstUrl: before === null ? null : '/moderation/log',
  });
}
