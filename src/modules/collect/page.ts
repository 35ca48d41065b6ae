// The collect step's page: its presentation, the button to submit a proposal, the person's
// drafts, the filter form (category, district, status, words) and the results as a grid or a
// list, sorted and paginated (htmx swaps the results and updates the address). A fixed number
// of queries whatever the page shows.
import type { FastifyReply, FastifyRequest } from 'fastify';
import { render } from '../../platform/render.ts';
import { followWidget } from '../../platform/notifications.ts';
import { loadCollect, participationOf, type StepParams } from './guards.ts';
import { findCollect, listCategories, listDistricts, listProposals, listStatuses } from './queries.ts';
import { ownDrafts } from './proposals.ts';
import { listCardMedia } from './media-queries.ts';
import { mapOf } from './map.ts';
import { analysisLinksOf } from './analysis-queries.ts';
import { matchAll, newSeed, parseFilterId, parsePage, parseSeed, parseSort, parseView, stepSettings, SEARCH_MAX, SORTS, type Sort, type View } from './rules.ts';

export type ListQuery = { q?: string; category?: string; district?: string; status?: string; sort?: string; page?: string; view?: string };
const SEED_COOKIE = 'collect_seed';

/** The random order's seed: one per visit (a session cookie), so pages do not reshuffle. */
function randomSeed(request: FastifyRequest, reply: FastifyReply): number {
  const seed = parseSeed(request.cookies[SEED_COOKIE]);
  if (seed) return seed;
  const fresh = newSeed();
  reply.setCookie(SEED_COOKIE, String(fresh), { path: '/collect', httpOnly: true, sameSite: 'lax', secure: request.server.config.secure });
  return fresh;
}

export async function showCollect(request: FastifyRequest<{ Params: StepParams; Querystring: ListQuery }>, reply: FastifyReply) {
  const db = request.server.db;
  const ctx = loadCollect(request, request.params.stepId);
  const query = request.query;
  const collect = findCollect(db, ctx.step.id);
  const sort = parseSort(query.sort, stepSettings(ctx.step).defaultSort);
  const page = parsePage(query.page);
  const view = parseView(query.view);
  const words = typeof query.q === 'string' ? query.q.trim().slice(0, SEARCH_MAX) : '';
  const filters = { categoryId: parseFilterId(query.category), districtId: parseFilterId(query.district), statusId: parseFilterId(query.status), match: matchAll(words) };
  const seed = sort === 'random' ? randomSeed(request, reply) : 1;
  const { cards, hasNext } = listProposals(db, { stepId: ctx.step.id, ...filters, sort, page, seed });
  const base = `/collect/${ctx.step.id}`;
  const listUrl = (o: { sort?: Sort; page?: number; view?: View }) => {
    const params = new URLSearchParams();
    if (words) params.set('q', words);
    if (filters.categoryId) params.set('category', String(filters.categoryId));
    if (filters.districtId) params.set('district', String(filters.districtId));
    if (filters.statusId) params.set('status', String(filters.statusId));
    params.set('sort', o.sort ?? sort);
    if ((o.view ?? view) !== 'grid') params.set('view', o.view ?? view);
    if ((o.page ?? 1) > 1) params.set('page', String(o.page));
    return `${base}?${params.toString()}`;
  };
  const filtered = !!(words || filters.categoryId || filters.districtId || filters.statusId);
  return render(
    request,
    reply,
    'collect/index',
    {
      title: ctx.step.title,
      ...ctx,
      ...participationOf(request, ctx),
      form: collect.form,
      count: collect.proposalsCount,
      categories: listCategories(db, ctx.step.id),
      districts: collect.form.fields.district.mode === 'off' ? [] : listDistricts(db, ctx.project.id),
      statuses: listStatuses(db, ctx.step.id),
      drafts: ownDrafts(request, ctx.step.id),
      cards,
      media: listCardMedia(db, cards.map((c) => c.id)),
      map: mapOf(request),
      hasNext,
      sort,
      sorts: SORTS.filter((s) => collect.form.fields.cost.mode !== 'off' || (s !== 'cheapest' && s !== 'expensive')),
      page,
      view,
      words,
      filters,
      filtered,
      listUrl,
      adminPath: request.user?.role === 'admin' ? `${base}/admin` : null,
      analysisLinks: analysisLinksOf(db, request.user, ctx.step.id),
      follow: followWidget(db, request.user, { kind: 'step', id: ctx.step.id }),
    },
    // A random order is the visitor's own (its seed is in their cookie): never shared.
    { fragment: 'collect/_results', cache: sort !== 'random' },
  );
}
