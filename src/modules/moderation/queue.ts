// GET /moderation: the queue, for moderators and administrators. Two tabs: reported items (most
// reported, then newest report) and contributions waiting for approval (oldest first). A page
// is two queries whatever its length: the rows, then the open reasons of those rows.
import type { FastifyReply, FastifyRequest } from 'fastify';
import { render } from '../../platform/render.ts';
import { excerpt } from '../../platform/text.ts';
import { describe } from './guards.ts';
import { listPending, listReported, openReasonsOf } from './queries.ts';
import { parsePage, parseTab, TABS, type Tab } from './rules.ts';

type QueueQuery = { tab?: string; page?: string };

export const queueUrl = (tab: Tab, page = 1) => {
  const params = new URLSearchParams();
  if (tab !== 'reported') params.set('tab', tab);
  if (page > 1) params.set('page', String(page));
  const query = params.toString();
  return `/moderation${query ? `?${query}` : ''}`;
};

export async function showQueue(request: FastifyRequest<{ Querystring: QueueQuery }>, reply: FastifyReply) {
  const db = request.server.db;
  const tab = parseTab(request.query.tab);
  const page = parsePage(request.query.page);
  const { rows, hasNext } = tab === 'pending' ? listPending(db, page) : listReported(db, page);
  const reasons = openReasonsOf(db, rows.map((r) => r.id));
  const items = rows.map((r) => ({
    ...r,
    ...describe(request, r),
    excerpt: excerpt((r.title ? `${r.title} — ${r.body_md}` : r.body_md).replace(/\s+/g, ' ').trim(), 200),
    reasons: reasons.get(r.id) ?? [],
  }));
  return render(request, reply, 'moderation/queue', {
    title: request.t('moderation.queue.title'),
    tab,
    tabs: TABS.map((name) => ({ name, href: queueUrl(name) })),
    items,
    page,
    previousUrl: page > 1 ? queueUrl(tab, page - 1) : null,
    nextUrl: hasNext ? queueUrl(tab, page + 1) : null,
  });
}
