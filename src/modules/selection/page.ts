// The selection step's page: its presentation, what is left of the person's ballot, the filter
// form (category, district, status, words) and the proposals in the vote as a grid or a list,
// sorted and paginated (htmx swaps the results and updates the address), each with its vote
// button. A fixed number of queries whatever the page shows.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { render } from '../../platform/render.ts';
import { loadSelection, type StepContext, type StepParams } from './guards.ts';
import { findSelection, listDistricts, listLabels, listProposals, nextCountsPublicAt } from './queries.ts';
import { countsShown, listHref, matchAll, newSeed, parseFilterId, parsePage, parseSeed, parseSort, parseView, parseWords, sortsFor, type ListState, type Sort, type View } from './list-rules.ts';
import { voteSettings } from './rules.ts';
import { ballotOf } from './page-ballot.ts';
import { registerRefusalPage, type ShownRefusal } from './vote-refusals.ts';

export type ListQuery = { q?: string; category?: string; district?: string; status?: string; sort?: string; page?: string; view?: string };
const SEED_COOKIE = 'selection_seed';

/** The random order's seed: one per visit (a session cookie), so pages do not reshuffle. */
function randomSeed(request: FastifyRequest, reply: FastifyReply): number {
  const seed = parseSeed(request.cookies[SEED_COOKIE]);
  if (seed) return seed;
  const fresh = newSeed();
  reply.setCookie(SEED_COOKIE, String(fresh), { path: '/selection', httpOnly: true, sameSite: 'lax', secure: request.server.config.secure });
  return fresh;
}

/** Cached pages expire when a step's counts become public, so the public sees them on that date, never before. */
export function announceCounts(app: FastifyInstance): void {
  app.pageCache.changesAt((after) => {
    const due = nextCountsPublicAt(app.db, new Date(after));
    return due === undefined ? null : Date.parse(due);
  });
}

export async function showSelection(request: FastifyRequest<{ Params: StepParams; Querystring: ListQuery }>, reply: FastifyReply) {
  return renderList(request, reply, loadSelection(request, request.params.stepId), request.query);
}

// A vote refused without JavaScript comes back to the list it was cast from, with its filters.
registerRefusalPage(/^\/selection\/\d+$/, (request, reply, ctx, refusal, status, back) =>
  renderList(request, reply, ctx, Object.fromEntries(new URLSearchParams(back.split('?')[1] ?? '')), refusal, status),
);

/** The page, or for htmx its list; also the answer of a vote refused without JavaScript (with its status). */
async function renderList(request: FastifyRequest, reply: FastifyReply, ctx: StepContext, query: ListQuery, refusal: ShownRefusal | null = null, status = 200) {
  const db = request.server.db;
  const selection = findSelection(db, ctx.step.id);
  const shown = countsShown(selection.counts_public_at, new Date(), request.user?.role === 'admin');
  const sorts = sortsFor(shown);
  const state: ListState = {
    words: parseWords(query.q),
    categoryId: parseFilterId(query.category),
    districtId: parseFilterId(query.district),
    statusId: parseFilterId(query.status),
    sort: parseSort(query.sort, sorts),
    view: parseView(query.view),
    page: parsePage(query.page),
  };
  const seed = state.sort === 'random' ? randomSeed(request, reply) : 1;
  const filters = { categoryId: state.categoryId, districtId: state.districtId, statusId: state.statusId, match: matchAll(state.words) };
  const { cards, hasNext } = listProposals(db, { stepId: ctx.step.id, ...filters, sort: state.sort, page: state.page, seed });
  const settings = voteSettings(ctx.step);
  const base = `/selection/${ctx.step.id}`;
  // An htmx change of filter, sort or page needs only the results: skip the filters' choices.
  const fragment = request.wantsFragment;
  return render(
    request,
    reply,
    'selection/index',
    {
      title: ctx.step.title,
      ...ctx,
      settings,
      shown,
      categories: fragment ? [] : listLabels(db, ctx.project.id, 'collect_categories'),
      statuses: fragment ? [] : listLabels(db, ctx.project.id, 'collect_statuses'),
      districts: fragment ? [] : listDistricts(db, ctx.project.id),
      cards,
      hasNext,
      sorts,
      list: state,
      filtered: !!(state.words || state.categoryId || state.districtId || state.statusId),
      listUrl: (change: { sort?: Sort; view?: View; page?: number }) => listHref(base, state, change),
      ...ballotOf(request, ctx, settings, cards, true, refusal),
      adminPath: request.user?.role === 'admin' ? `${base}/admin` : null,
      // The results page is public once published (administrators see it before).
      resultsLink: selection.results_published_at !== null || request.user?.role === 'admin',
    },
    // A random order is the visitor's own (its seed is in their cookie): never shared.
    { status, fragment: 'selection/_list', cache: state.sort !== 'random' },
  );
}
