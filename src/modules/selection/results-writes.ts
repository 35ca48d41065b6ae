// Writes of the results: the number of winners, the paper counts (with their log), the
// publication (date, winner flags, the announcement and a line in the results log, in one
// transaction) and its withdrawal (with its reason in the results log). Each runs in one
// synchronous transaction and reads the state it depends on inside it.
import type { Db } from '../../db/open.ts';
import { write, type Tx } from '../../db/write.ts';
import { announceResults, resultsWithdrawn } from '../../platform/notifications.ts';
import type { Step } from '../../platform/participation.ts';
import { buildResults } from './results-queries.ts';
import './schema-results.ts';

/** The step's row is made by its first write (steps are created by the projects admin). */
export function ensureSelectionStep(db: Db, tx: Tx, stepId: number): void {
  tx.run(db.insertInto('selection_steps').values({ step_id: stepId }).onConflict((oc) => oc.doNothing()));
}

const published = (db: Db, tx: Tx, stepId: number) => !!tx.first(db.selectFrom('selection_steps').select('step_id').where('step_id', '=', stepId).where('results_published_at', 'is not', null));

/** Thrown inside a write when the results were published meanwhile: nothing is written. */
export class AlreadyPublished extends Error {}

export function saveWinnersMax(db: Db, stepId: number, winnersMax: number): void {
  write(db, (tx) => {
    if (published(db, tx, stepId)) throw new AlreadyPublished();
    ensureSelectionStep(db, tx, stepId);
    tx.run(db.updateTable('selection_steps').set({ winners_max: winnersMax }).where('step_id', '=', stepId));
  });
}

export interface PaperCount {
  proposalId: number;
  votes: number;
  points: number;
}

/** Stores the counts that changed, each with a line in the log; returns how many changed. */
export function savePaperCounts(db: Db, stepId: number, userId: number, counts: PaperCount[], now = new Date().toISOString()): number {
  return write(db, (tx) => {
    if (published(db, tx, stepId)) throw new AlreadyPublished();
    let changed = 0;
    for (const c of counts) {
      const before = tx.first(db.selectFrom('selection_proposals').select(['paper_votes', 'paper_points']).where('step_id', '=', stepId).where('proposal_id', '=', c.proposalId));
      if (!before || (before.paper_votes === c.votes && before.paper_points === c.points)) continue;
      tx.run(db.updateTable('selection_proposals').set({ paper_votes: c.votes, paper_points: c.points }).where('step_id', '=', stepId).where('proposal_id', '=', c.proposalId));
      tx.run(
        db.insertInto('selection_paper_entries').values({
          step_id: stepId,
          proposal_id: c.proposalId,
          user_id: userId,
          votes_before: before.paper_votes,
          votes_after: c.votes,
          points_before: before.paper_points,
          points_after: c.points,
          created_at: now,
        }),
      );
      changed++;
    }
    return changed;
  });
}

/**
 * Publishes the results: the winners as the rules name them now are flagged, the others
 * cleared, the date set, and the step's followers and the project's participants told (once per
 * step). Returns false when they were published already.
 */
export function publishResults(db: Db, step: Pick<Step, 'id' | 'settings'>, userId: number | null = null, now = new Date().toISOString()): boolean {
  return write(db, (tx) => {
    if (published(db, tx, step.id)) return false;
    ensureSelectionStep(db, tx, step.id);
    // Read inside the transaction: no paper count can change between the ranking and the flags.
    const winners = buildResults(db, step).envelopes.flatMap((e) => e.rows.filter((r) => r.outcome === 'winner').map((r) => r.proposalId));
    tx.run(db.updateTable('selection_proposals').set({ winner: 0 }).where('step_id', '=', step.id));
    if (winners.length) tx.run(db.updateTable('selection_proposals').set({ winner: 1 }).where('step_id', '=', step.id).where('proposal_id', 'in', winners));
    tx.run(db.updateTable('selection_steps').set({ results_published_at: now }).where('step_id', '=', step.id));
    tx.run(db.insertInto('selection_results_log').values({ step_id: step.id, action: 'published', reason: null, user_id: userId, created_at: now }));
    announceResults(db, tx, step.id, now);
    return true;
  });
}

/**
 * Withdraws published results (an error found in the paper ballots): the public no longer sees
 * them, the winners are no longer flagged (their follow-up is hidden, kept for a new
 * publication), paper counts and the number of winners can be corrected, and the reason goes
 * to the results log. False when they were not published (nothing written).
 *
 * The next publication tells the step's followers and the project's participants again: the
 * results they were told about changed, and some may have passed on winners that were wrong.
 * The platform announces results once per publication: the withdrawal tells it so
 * (resultsWithdrawn); a publication withdrawn is the one case where a second announcement is news.
 */
export function withdrawResults(db: Db, stepId: number, userId: number, reason: string, now = new Date().toISOString()): boolean {
  return write(db, (tx) => {
    if (!published(db, tx, stepId)) return false;
    tx.run(db.updateTable('selection_steps').set({ results_published_at: null }).where('step_id', '=', stepId));
    tx.run(db.updateTable('selection_proposals').set({ winner: 0 }).where('step_id', '=', stepId));
    tx.run(db.insertInto('selection_results_log').values({ step_id: stepId, action: 'withdrawn', reason, user_id: userId, created_at: now }));
    resultsWithdrawn(db, tx, stepId);
    return true;
  });
}
