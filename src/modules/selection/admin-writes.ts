// Writes of the selection admin page, each one synchronous transaction: a proposal taken out of
// the vote (only while nobody voted for it), the envelopes' budgets, the counts' date.
import { sql } from 'kysely';
import type { Db } from '../../db/open.ts';
import { write } from '../../db/write.ts';

/** Takes the proposal out of the vote: 'removed', 'voted' (refused: somebody voted for it) or 'missing'. */
export function removeFromVote(db: Db, stepId: number, proposalId: number): 'removed' | 'voted' | 'missing' {
  return write(db, (tx) => {
    const voted = tx.first(db.selectFrom('selection_votes').select('user_id').where('step_id', '=', stepId).where('proposal_id', '=', proposalId).limit(sql.lit(1)));
    if (voted) return 'voted';
    const changes = tx.run(db.deleteFrom('selection_proposals').where('step_id', '=', stepId).where('proposal_id', '=', proposalId)).changes;
    return changes ? 'removed' : 'missing';
  });
}

/** The budget of each envelope (district id, or null for city-wide); null budget: the step's. */
export function saveEnvelopes(db: Db, stepId: number, budgets: { districtId: number | null; budget: number | null }[]): void {
  write(db, (tx) => {
    tx.run(db.deleteFrom('selection_envelopes').where('step_id', '=', stepId));
    for (const b of budgets) if (b.budget !== null) tx.run(db.insertInto('selection_envelopes').values({ step_id: stepId, district_id: b.districtId, budget: b.budget }));
  });
}

/** The date from which the public sees the counts; null: always. */
export function saveCountsDate(db: Db, stepId: number, at: string | null): void {
  write(db, (tx) =>
    tx.run(
      db
        .insertInto('selection_steps')
        .values({ step_id: stepId, counts_public_at: at, results_published_at: null })
        .onConflict((oc) => oc.column('step_id').doUpdateSet({ counts_public_at: at })),
    ),
  );
}
