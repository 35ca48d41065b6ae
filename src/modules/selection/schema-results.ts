// The selection step's results and follow-up tables (migrations 0021 and 0023), and the two
// columns 0021 adds to the skeleton's tables, merged into their types and into the platform's Schema.
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

/** A publication or a withdrawal of a step's results, by whom (null once the account is erased). */
export interface SelectionResultsLogTable {
  id: Generated<number>;
  step_id: number;
  action: 'published' | 'withdrawn';
  /** Why the results were withdrawn; null for a publication. */
  reason: string | null;
  user_id: number | null;
  created_at: string;
}

/** A step of a winner's realisation; dates are YYYY-MM-DD; `position` is 0..n-1 per winner, unique. */
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
  /** Last corrected (migration 0023); null when never edited. */
  edited_at: string | null;
}

declare module '../../db/schema.ts' {
  interface Schema {
    selection_paper_entries: SelectionPaperEntriesTable;
    selection_milestones: SelectionMilestonesTable;
    selection_updates: SelectionUpdatesTable;
    selection_results_log: SelectionResultsLogTable;
  }
}
