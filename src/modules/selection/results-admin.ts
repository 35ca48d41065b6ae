// The results' administration page /selection/:stepId/results/admin (administrators, checked by
// the route list): the number of winners per envelope, the paper counts of every proposal with
// the log of their changes, the preview and the publication (withdrawn with a reason when an
// error is found, then corrected and published again, each kept in the results log), the CSV
// export and the winners' follow-up. Paper counts are taken while the vote is open or closed,
// never before it opens (no ballot exists) nor while the results are published.
import { sql } from 'kysely';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { render } from '../../platform/render.ts';
import { HttpError } from '../../platform/http.ts';
import { setFlash } from '../../platform/flash.ts';
import { checkText, hasErrors, raw, text, type FormErrors } from '../../platform/forms.ts';
import type { Db } from '../../db/open.ts';
import { readSync } from '../../db/write.ts';
import { loadSelection, type StepContext, type StepParams } from './guards.ts';
import { buildResults, listResultsLog } from './results-queries.ts';
import { resultsView } from './results.ts';
import { AlreadyPublished, saveWinnersMax, savePaperCounts, withdrawResults, type PaperCount } from './results-writes.ts';
import { parseCount, PAPER_MAX, WINNERS_MAX } from './paper-rules.ts';

type Values = Record<string, string>;
interface Forms {
  winners?: { values: Values; errors: FormErrors };
  paper?: { values: Values; errors: FormErrors };
  withdraw?: { values: Values; errors: FormErrors };
}

/** The longest reason for a withdrawal: a paragraph for the record. */
export const WITHDRAW_REASON_MAX = 2000;

/** The last changes of paper counts, newest first, with who made them. */
export function listPaperEntries(db: Db, stepId: number, limit = 30) {
  return readSync(db).all(
    db
      .selectFrom('selection_paper_entries as e')
      .innerJoin('contributions as c', 'c.id', 'e.proposal_id')
      .leftJoin('users as u', 'u.id', 'e.user_id')
      .select(['e.id', 'c.title', 'e.votes_before', 'e.votes_after', 'e.points_before', 'e.points_after', 'e.created_at', 'u.display_name', 'u.deleted_at'])
      .where('e.step_id', '=', stepId)
      .orderBy('e.id', 'desc')
      .limit(sql.lit(limit)),
  );
}

function adminPage(request: FastifyRequest, reply: FastifyReply, ctx: StepContext, forms: Forms = {}, status = 200) {
  const db = request.server.db;
  const results = buildResults(db, ctx.step);
  const view = resultsView(results);
  const stored: Values = {};
  for (const e of results.envelopes) for (const r of e.rows) Object.assign(stored, { [`votes_${r.proposalId}`]: String(r.paperVotes), [`points_${r.proposalId}`]: String(r.paperPoints) });
  return render(
    request,
    reply,
    'selection/results-admin',
    {
      title: request.t('selection.results.admin.title', { title: ctx.step.title }),
      ...ctx,
      results: view,
      paperOpen: !view.published && ctx.state !== 'upcoming',
      winners: forms.winners ?? { values: { winners_max: String(results.selection.winners_max) }, errors: {} },
      paper: forms.paper ?? { values: stored, errors: {} },
      entries: listPaperEntries(db, ctx.step.id),
      withdraw: forms.withdraw ?? { values: {}, errors: {} },
      log: listResultsLog(db, ctx.step.id),
      limits: { paper: PAPER_MAX, winners: WINNERS_MAX, reason: WITHDRAW_REASON_MAX },
    },
    { status },
  );
}

export async function showResultsAdmin(request: FastifyRequest<{ Params: StepParams }>, reply: FastifyReply) {
  return adminPage(request, reply, loadSelection(request, request.params.stepId));
}

export async function postWinnersMax(request: FastifyRequest<{ Params: StepParams }>, reply: FastifyReply) {
  const ctx = loadSelection(request, request.params.stepId);
  const values = { winners_max: text(request.body, 'winners_max') };
  const errors: FormErrors = {};
  const n = parseCount(values.winners_max, WINNERS_MAX);
  if (typeof n !== 'number') errors.winners_max = n;
  if (hasErrors(errors)) return adminPage(request, reply, ctx, { winners: { values, errors } }, 422);
  try {
    saveWinnersMax(request.server.db, ctx.step.id, n as number);
  } catch (error) {
    if (error instanceof AlreadyPublished) throw new HttpError(403, 'selection.results.refused.published');
    throw error;
  }
  setFlash(reply, 'selection.results.flash.winners_saved');
  return reply.redirect(`/selection/${ctx.step.id}/results/admin`, 303);
}

/** Every proposal's paper counts in one form: each whole and at least 0; nothing is saved unless all are. */
export async function postPaperCounts(request: FastifyRequest<{ Params: StepParams }>, reply: FastifyReply) {
  const ctx = loadSelection(request, request.params.stepId);
  if (ctx.state === 'upcoming') throw new HttpError(403, 'selection.results.refused.upcoming');
  const db = request.server.db;
  const results = buildResults(db, ctx.step);
  const ranked = results.settings.ranked;
  const values: Values = {};
  const errors: FormErrors = {};
  const counts: PaperCount[] = [];
  for (const e of results.envelopes) {
    for (const r of e.rows) {
      const votesField = `votes_${r.proposalId}`;
      const pointsField = `points_${r.proposalId}`;
      values[votesField] = text(request.body, votesField);
      const votes = parseCount(values[votesField], PAPER_MAX);
      if (typeof votes !== 'number') errors[votesField] = votes;
      let points: number | FormErrors[string] = r.paperPoints;
      if (ranked) {
        values[pointsField] = text(request.body, pointsField);
        points = parseCount(values[pointsField], PAPER_MAX);
        if (typeof points !== 'number') errors[pointsField] = points;
      }
      if (typeof votes === 'number' && typeof points === 'number') counts.push({ proposalId: r.proposalId, votes, points });
    }
  }
  if (hasErrors(errors)) return adminPage(request, reply, ctx, { paper: { values, errors } }, 422);
  try {
    savePaperCounts(db, ctx.step.id, request.user!.id, counts);
  } catch (error) {
    if (error instanceof AlreadyPublished) throw new HttpError(403, 'selection.results.refused.published');
    throw error;
  }
  setFlash(reply, 'selection.results.flash.paper_saved');
  return reply.redirect(`/selection/${ctx.step.id}/results/admin`, 303);
}

/** Withdraws published results; the reason, required, goes to the results log. */
export async function postWithdraw(request: FastifyRequest<{ Params: StepParams }>, reply: FastifyReply) {
  const ctx = loadSelection(request, request.params.stepId);
  const values = { reason: raw(request.body, 'reason').trim() };
  const errors: FormErrors = {};
  checkText(errors, 'reason', values.reason, { required: true, max: WITHDRAW_REASON_MAX });
  if (hasErrors(errors)) return adminPage(request, reply, ctx, { withdraw: { values, errors } }, 422);
  if (!withdrawResults(request.server.db, ctx.step.id, request.user!.id, values.reason)) throw new HttpError(403, 'selection.results.refused.not_published');
  setFlash(reply, 'selection.results.flash.withdrawn');
  return reply.redirect(`/selection/${ctx.step.id}/results/admin`, 303);
}
