// Casting, changing and withdrawing a vote on an item or a section. One synchronous write
// transaction reads the person's current vote, applies the change (the primary key forbids a
// second vote), and moves the counters by the change actually made: 50 identical requests
// leave one vote and exact counts.
import { sql } from 'kysely';
import type { Db } from '../../db/open.ts';
import { write } from '../../db/write.ts';
import { recordParticipation, type Step } from '../../platform/participation.ts';
import type { VoteValue } from '../../db/schema.ts';
import { voteDelta, type VoteChoice } from './rules.ts';

export interface VoteResult {
  mine: VoteValue | null;
  agree: number;
  mitigated: number;
  disagree: number;
}

export function castItemVote(db: Db, step: Step, itemId: number, userId: number, choice: VoteChoice, now = new Date().toISOString()): VoteResult {
  return write(db, (tx) => {
    const before = tx.first(db.selectFrom('consultation_item_votes').select('value').where('item_id', '=', itemId).where('user_id', '=', userId))?.value ?? null;
    const after = choice === 'withdraw' ? null : choice;
    if (after === null) {
      if (before) tx.run(db.deleteFrom('consultation_item_votes').where('item_id', '=', itemId).where('user_id', '=', userId));
    } else if (before === null) {
      tx.run(db.insertInto('consultation_item_votes').values({ item_id: itemId, user_id: userId, value: after, created_at: now }));
    } else if (before !== after) {
      tx.run(db.updateTable('consultation_item_votes').set({ value: after }).where('item_id', '=', itemId).where('user_id', '=', userId));
    }
    const d = voteDelta(before, after);
    const counts = tx.first(
      db
        .updateTable('consultation_items')
        .set((eb) => ({
          votes_agree: eb('votes_agree', '+', d.agree),
          votes_mitigated: eb('votes_mitigated', '+', d.mitigated),
          votes_disagree: eb('votes_disagree', '+', d.disagree),
          votes_total: eb('votes_total', '+', d.total),
          // Raw SQL: SQLite's two-argument min(); the right side sees the values before the update.
          controversy: sql<number>`2 * min(votes_agree + ${d.agree}, votes_disagree + ${d.disagree})`,
        }))
        .where('contribution_id', '=', itemId)
        .returning(['votes_agree', 'votes_mitigated', 'votes_disagree']),
    )!;
    recordParticipation(db, tx, step, userId, { votes: d.total });
    return { mine: after, agree: counts.votes_agree, mitigated: counts.votes_mitigated, disagree: counts.votes_disagree };
  });
}

export function castSectionVote(db: Db, step: Step, sectionId: number, userId: number, choice: VoteChoice, now = new Date().toISOString()): VoteResult {
  return write(db, (tx) => {
    const before = tx.first(db.selectFrom('consultation_section_votes').select('value').where('section_id', '=', sectionId).where('user_id', '=', userId))?.value ?? null;
    const after = choice === 'withdraw' ? null : choice;
    if (after === null) {
      if (before) tx.run(db.deleteFrom('consultation_section_votes').where('section_id', '=', sectionId).where('user_id', '=', userId));
    } else if (before === null) {
      tx.run(db.insertInto('consultation_section_votes').values({ section_id: sectionId, user_id: userId, value: after, created_at: now }));
    } else if (before !== after) {
      tx.run(db.updateTable('consultation_section_votes').set({ value: after }).where('section_id', '=', sectionId).where('user_id', '=', userId));
    }
    const d = voteDelta(before, after);
    const counts = tx.first(
      db
        .updateTable('consultation_sections')
        .set((eb) => ({
          votes_agree: eb('votes_agree', '+', d.agree),
          votes_mitigated: eb('votes_mitigated', '+', d.mitigated),
          votes_disagree: eb('votes_disagree', '+', d.disagree),
        }))
        .where('id', '=', sectionId)
        .returning(['votes_agree', 'votes_mitigated', 'votes_disagree']),
    )!;
    recordParticipation(db, tx, step, userId, { votes: d.total });
    return { mine: after, agree: counts.votes_agree, mitigated: counts.votes_mitigated, disagree: counts.votes_disagree };
  });
}
