// The votation's tables (migration 0015), keeping the column names. Declaration merging adds them
// to the platform's Schema. Ballots and voters are two tables with nothing to join them on.
import type { Generated } from 'kysely';

export type Method = 'single' | 'approval' | 'majority' | 'ranked';

export interface VotationStepsTable {
  step_id: number;
  voters_count: Generated<number>;
  sealed_at: string | null;
  ballots_sha256: string | null;
  ballots_count: number | null;
  results_json: string | null;
}

export interface VotationQuestionsTable {
  id: Generated<number>;
  step_id: number;
  position: number;
  title: string;
  method: Method;
  max_choices: number | null;
  blank_allowed: number;
  options_json: string;
  grades_json: string | null;
}

export interface VotationRollTable {
  id: Generated<number>;
  step_id: number;
  identifier: string;
  name: string | null;
  email: string | null;
  code_hash: Uint8Array | null;
}

export interface VotationVotersTable {
  step_id: number;
  user_id: number | null;
  roll_id: number | null;
}

export interface VotationBallotsTable {
  step_id: number;
  id: string;
  answers: string;
}

declare module '../../db/schema.ts' {
  interface Schema {
    votation_steps: VotationStepsTable;
    votation_questions: VotationQuestionsTable;
    votation_roll: VotationRollTable;
    votation_voters: VotationVotersTable;
    votation_ballots: VotationBallotsTable;
  }
}
