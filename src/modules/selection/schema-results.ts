// The selection step's results and follow-up tables (migration 0021), and the two columns that
// migration adds to the skeleton's tables, merged into their types and into the platform's Schema.
import type { Generated } from 'kysely';

declare module './schema.ts' {
  interface SelectionProposalsTable {
    /** Ranked steps: the points of the paper ballots, entered by staff. */
    paper_points: Generated<number>;
  }
  interface SelectionStepsTable {
    /** At most this many winners per envelope; 0: no number. */
    winners_max: Generated<number>;
  }
}

/** One change of a proposal's paper counts, by whom (null once the account is erased). */
export interface SelectionPaperEntriesTable {
  id: Generated<number>;
  step_id: number;
  proposal_id: number;
  user_id: number | null;
  votes_before: number;
  votes_after: number;
  points_before: number;
  points_after: number;
  created_at: string;
}

/** A step of a winner's realisation; dates are YYYY-MM-DD. */
export interface SelectionMilestonesTable {
  id: Generated<number>;
  step_id: number;
  proposal_id: number;
  position: Generated<number>;
  title: string;
  starts_on: string | null;
  ends_on: string | null;
  done: Generated<number>;
  created_at: string;
}

/** News of a winner's realisation (Markdown). */
export interface SelectionUpdatesTable {
  id: Generated<number>;
  step_id: number;
  proposal_id: number;
  title: string;
  body_md: string;
  author_id: number | null;
  published_at: string;
}

declare module '../../db/schema.ts' {
  interface Schema {
    selection_paper_entries: SelectionPaperEntriesTable;
    selection_milestones: SelectionMilestonesTable;
    selection_updates: SelectionUpdatesTable;
  }
}
