// The debate's tables (migration 0005), keeping the column names. Declaration merging adds them
// to the platform's Schema (src/db/schema.ts), so Kysely knows them and src/db/ names no module.
import type { Generated } from 'kysely';

export type Side = 'for' | 'against';

export interface DebateStepsTable {
  step_id: number;
  votes_for: Generated<number>;
  votes_against: Generated<number>;
  arguments_for: Generated<number>;
  arguments_against: Generated<number>;
  conclusion_md: string | null;
  conclusion_at: string | null;
}

export interface DebateOpinionsTable {
  step_id: number;
  side: Side;
  author_name: string;
  author_role: string;
  body_md: string;
  updated_at: string;
}

export interface DebateVotesTable {
  step_id: number;
  user_id: number;
  side: Side;
  created_at: string;
}

export interface DebateArgumentsTable {
  contribution_id: number;
  step_id: number;
  author_id: number;
  side: Side;
  useful_count: Generated<number>;
}

export interface DebateUsefulMarksTable {
  argument_id: number;
  user_id: number;
  created_at: string;
}

declare module '../../db/schema.ts' {
  interface Schema {
    debate_steps: DebateStepsTable;
    debate_opinions: DebateOpinionsTable;
    debate_votes: DebateVotesTable;
    debate_arguments: DebateArgumentsTable;
    debate_useful_marks: DebateUsefulMarksTable;
  }
}
