// The results page /selection/:stepId/results: per envelope, the ranking with digital and paper
// votes (and points when ranked), costs, the winners and the ones skipped because they did not
// fit. The public sees it once the administrator has published the results; administrators see
// it at any time, as a preview under a banner, with the winners the rules would name now. Results
// withdrawn after their publication read as not published, saying they were withdrawn.
import type { FastifyReply, FastifyRequest } from 'fastify';
import { render } from '../../platform/render.ts';
import { HttpError } from '../../platform/http.ts';
import { setFlash } from '../../platform/flash.ts';
import { loadSelection, type StepParams } from './guards.ts';
import { buildResults, findWithdrawal, type StepResults } from './results-queries.ts';
import { publishResults } from './results-writes.ts';

/** What views/selection/results.eta shows of one envelope (and the admin page's preview). */
export function resultsView(results: StepResults) {
  const published = results.selection.results_published_at !== null;
  return {
    published,
    publishedAt: results.selection.results_published_at,
    ranked: results.settings.ranked,
    single: results.envelopes.length <= 1 && results.settings.envelopes === 'none',
    envelopes: results.envelopes.map((e) => ({
      ...e,
      left: e.budget > 0 ? e.budget - e.spent : null,
      rows: e.rows.map((r) => ({
        ...r,
        // Once published, the flags written then are the results (a budget changed afterwards
        // does not move them); before, the rules' answer now.
        winner: published ? r.storedWinner : r.outcome === 'winner',
        // A row the rules would name now but that was not flagged at publication (votes moved
        // after it, the step's dates being changed): not selected, as published.
        outcome: published && !r.storedWinner && r.outcome === 'winner' ? ('not_selected' as const) : r.outcome,
      })),
    })),
  };
}

export async function showResults(request: FastifyRequest<{ Params: StepParams }>, reply: FastifyReply) {
  const ctx = loadSelection(request, request.params.stepId);
  const results = buildResults(request.server.db, ctx.step);
  const isAdmin = request.user?.role === 'admin';
  const view = resultsView(results);
  return render(request, reply, 'selection/results', {
    title: request.t('selection.results.title', { title: ctx.step.title }),
    ...ctx,
    isAdmin,
    // Before publication only administrators see the numbers.
    results: view.published || isAdmin ? view : null,
    // Withdrawn results: the page says so (not why: the reason is the administrators' record).
    withdrawnAt: view.published ? null : findWithdrawal(request.server.db, ctx.step.id),
  });
}

/** The administrator publishes the results of a closed vote (again after a withdrawal). */
export async function postPublish(request: FastifyRequest<{ Params: StepParams }>, reply: FastifyReply) {
  const ctx = loadSelection(request, request.params.stepId);
  if (ctx.state !== 'closed') throw new HttpError(403, 'selection.results.refused.not_closed');
  if (!publishResults(request.server.db, ctx.step, request.user!.id)) throw new HttpError(403, 'selection.results.refused.published');
  setFlash(reply, 'selection.results.flash.published');
  return reply.redirect(`/selection/${ctx.step.id}/results`, 303);
}
