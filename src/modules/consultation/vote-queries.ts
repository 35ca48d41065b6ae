// Casting, changing and withdrawing a vote on a section or an item: one synchronous write
// transaction reads the person's current vote, applies the change (the primary key forbids a
// second vote), and moves the counters by the change actually made, so 50 identical requests
// leave one vote and exact counts. Sections and items differ only in their tables.
import { sql } from 'kysely';
import type { Db } from '../../db/open.ts';
import { writeSoon } from '../../db/write.ts';
import { recordParticipation, type Step } from '../../platform/participation.ts';
import type { VoteValue } from './schema.ts';
import { voteDelta, type VoteChoice } from './rules.ts';

export type VoteTarget = { kind: 'section' | 'item'; id: number };

export interface VoteResult {
  mine: VoteValue | null;
  agree: number;
  mitigated: number;
  disagree: number;
}

/** The queries on the target's vote table (both have value, user_id and created_at). */
function votesOf(db: Db, target: VoteTarget) {
  const table = target.kind === 'item' ? ('consultation_item_votes' as const) : ('consultation_section_votes' as const);
  const key = target.kind === 'item' ? 'item_id' : 'section_id';
  // Raw SQL: the target's column as a dynamic reference, so one query serves both tables.
  const mine = sql.ref<number>(key);
  return {
    find: (userId: number) => db.selectFrom(table).select('value').where(mine, '=', target.id).where('user_id', '=', userId),
    insert: (userId: number, value: VoteValue, now: string) => db.insertInto(table).values({ [key]: target.id, user_id: userId, value, created_at: now } as { item_id: number; section_id: number; user_id: number; value: VoteValue; created_at: string }),
    update: (userId: number, value: VoteValue) => db.updateTable(table).set({ value }).where(mine, '=', target.id).where('user_id', '=', userId),
    remove: (userId: number) => db.deleteFrom(table).where(mine, '=', target.id).where('user_id', '=', userId),
  };
}

/** The counter update of the target's row, returning the new counts. */
function countersOf(db: Db, target: VoteTarget, d: ReturnType<typeof voteDelta>) {
  if (target.kind === 'section') {
    return db
      .updateTable('consultation_sections')
      .set((eb) => ({ votes_agree: eb('votes_agree', '+', d.agree), votes_mitigated: eb('votes_mitigated', '+', d.mitigated), votes_disagree: eb('votes_disagree', '+', d.disagree) }))
      .where('id', '=', target.id)
      .returning(['votes_agree', 'votes_mitigated', 'votes_disagree']);
  }
  return db
    .updateTable('consultation_items')
    .set((eb) => ({
      votes_agree: eb('votes_agree', '+', d.agree),
      votes_mitigated: eb('votes_mitigated', '+', d.mitigated),
      votes_disagree: eb('votes_disagree', '+', d.disagree),
      votes_total: eb('votes_total', '+', d.total),
      // Raw SQL: SQLite's two-argument min(); the right side sees the values before the update.
      controversy: sql<number>`2 * min(votes_agree + ${d.agree}, votes_disagree + ${d.disagree})`,
    }))
    .where('contribution_id', '=', target.id)
    .returning(['votes_agree', 'votes_mitigated', 'votes_disagree']);
}

/** Durable once the promise resolves; votes arriving together share one commit (writeSoon). */
export function castVote(db: Db, step: Step, target: VoteTarget, userId: number, choice: VoteChoice, now = new Date().toISOString()): Promise<VoteResult> {
  const votes = votesOf(db, target);
  return writeSoon(db, (tx) => {
    const before = tx.first(votes.find(userId))?.value ?? null;
    const after = choice === 'withdraw' ? null : choice;
    if (after === null) {
      if (before) tx.run(votes.remove(userId));
    } else if (before === null) {
      tx.run(votes.insert(userId, after, now));
    } else if (before !== after) {
      tx.run(votes.update(userId, after));
    }
    const d = voteDelta(before, after);
    const counts = tx.first(countersOf(db, target, d))!;
    recordParticipation(db, tx, step, userId, { votes: d.total });
    return { mine: after, agree: counts.votes_agree, mitigated: counts.votes_mitigated, disagree: counts.votes_disagree };
  });
}
