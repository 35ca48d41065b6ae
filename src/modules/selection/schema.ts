// The selection step's tables (migration 0019), keeping the column names. Declaration merging adds
// them to the platform's Schema (src/db/schema.ts), so Kysely knows them and src/db/ names no module.
import type { Generated } from 'kysely';

export interface SelectionStepsTable {
  step_id: number;
  /** ISO instant from which the public sees the counts; null: always. */
  counts_public_at: string | null;
  results_published_at: string | null;
}

/** A budget for one envelope: a district, or the city-wide envelope (district_id null). */
export interface SelectionEnvelopesTable {
  step_id: number;
  district_id: number | null;
  budget: number;
}

export interface SelectionProposalsTable {
  step_id: number;
  /** collect_proposals.contribution_id (the contributions core's id). */
  proposal_id: number;
  /** The envelope: a district, or null for city-wide. */
  district_id: number | null;
  /** Whole euros, as imported (the revised cost of an analysis when there is one). */
  cost: Generated<number>;
  /** Counted digital votes (ballots that reach the minimum, validated when asked). */
  votes_count: Generated<number>;
  /** Ranked votes: the sum of (maximum votes − position) over counted votes. */
  points: Generated<number>;
  paper_votes: Generated<number>;
  winner: Generated<number>;
  progress: Generated<number>;
  added_at: string;
  /** Copies of the collect row's random key and comment counter (triggers of migration 0022), for the list's indexes. */
  shuffle: Generated<number>;
  comments_count: Generated<number>;
  /** Copies of the collect row's published flag, category and status (triggers of migration 0026), for the list's filters. */
  published: Generated<number>;
  category_id: Generated<number | null>;
  status_id: Generated<number | null>;
}

export interface SelectionBallotsTable {
  step_id: number;
  user_id: number;
  /** The district envelope this person votes in; null until chosen (or without envelopes). */
  district_id: number | null;
  votes: Generated<number>;
  /** 1 when the ballot's votes are in the counters. */
  counted: Generated<number>;
  validated_at: string | null;
  created_at: string;
  updated_at: string;
}

export interface SelectionVotesTable {
  step_id: number;
  proposal_id: number;
  user_id: number;
  /** Order in a ranked ballot, 0 first. */
  position: Generated<number>;
  created_at: string;
}

declare module '../../db/schema.ts' {
  interface Schema {
    selection_steps: SelectionStepsTable;
    selection_envelopes: SelectionEnvelopesTable;
    selection_proposals: SelectionProposalsTable;
    selection_ballots: SelectionBallotsTable;
    selection_votes: SelectionVotesTable;
  }
}
