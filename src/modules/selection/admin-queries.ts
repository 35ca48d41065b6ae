// Reads of the selection admin page: one page of the proposals in the vote (with their counters,
// and whether anybody voted for them: only those can be removed), the envelopes' budgets and
// the date from which the public sees the counts.
import { sql } from 'kysely';
import type { Db } from '../../db/open.ts';
import { readSync } from '../../db/write.ts';

export const ADMIN_PAGE_SIZE = 100;

export interface AdminProposal {
  proposal_id: number;
  reference: number;
  title: string | null;
  district: string | null;
  district_id: number | null;
  cost: number;
  votes_count: number;
  points: number;
  voted: number;
}

/** One page (0-based) of the proposals in the vote by envelope and reference; `more` when another page follows. */
export function listVoteProposals(db: Db, stepId: number, page: number): { rows: AdminProposal[]; more: boolean } {
  const rows = readSync(db).all(
    db
      .selectFrom('selection_proposals as s')
      .innerJoin('collect_proposals as p', 'p.contribution_id', 's.proposal_id')
      .innerJoin('contributions as c', 'c.id', 's.proposal_id')
      .leftJoin('districts as d', 'd.id', 's.district_id')
      .select((eb) => [
        's.proposal_id',
        'p.reference',
        'c.title',
        'd.name as district',
        's.district_id',
        's.cost',
        's.votes_count',
        's.points',
        eb.exists(eb.selectFrom('selection_votes as v').select('v.user_id').whereRef('v.step_id', '=', 's.step_id').whereRef('v.proposal_id', '=', 's.proposal_id')).as('voted'),
      ])
      .where('s.step_id', '=', stepId)
      .orderBy('s.district_id')
      .orderBy('p.reference')
      .limit(sql.lit(ADMIN_PAGE_SIZE + 1))
      .offset(page * ADMIN_PAGE_SIZE),
  ) as AdminProposal[];
  return { rows: rows.slice(0, ADMIN_PAGE_SIZE), more: rows.length > ADMIN_PAGE_SIZE };
}

/** The date from which the public sees the counts (null: always). */
export function findCountsDate(db: Db, stepId: number): string | null {
  return readSync(db).first(db.selectFrom('selection_steps').select('counts_public_at').where('step_id', '=', stepId))?.counts_public_at ?? null;
}

/** Whether some proposal in the vote is city-wide (with district envelopes only, nobody can vote for it). */
export function hasCityWide(db: Db, stepId: number): boolean {
  return readSync(db).first(db.selectFrom('selection_proposals').select('proposal_id').where('step_id', '=', stepId).where('district_id', 'is', null).limit(sql.lit(1))) !== undefined;
}
