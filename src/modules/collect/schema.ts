// The collect step's tables (migration 0016), keeping the column names. Declaration merging adds
// them to the platform's Schema (src/db/schema.ts), so Kysely knows them and src/db/ names no module.
import type { Generated } from 'kysely';

export interface CollectStepsTable {
  step_id: number;
  /** JSON: rules.ts FormConfig. */
  form: Generated<string>;
  next_reference: Generated<number>;
  proposals_count: Generated<number>;
}

/** Categories and statuses: a name and a colour, per step, in the administrator's order. */
export interface CollectLabelTable {
  id: Generated<number>;
  step_id: number;
  name: string;
  colour: string;
  position: number;
}

/** The form engine's definition of a question, as the questionnaire stores it. */
export interface CollectQuestionsTable {
  id: Generated<number>;
  step_id: number;
  position: number;
  type: string;
  title: string;
  help: Generated<string>;
  required: Generated<number>;
  private: Generated<number>;
  config: Generated<string>;
  show_if: Generated<string>;
  jump: string | null;
}

export interface CollectProposalsTable {
  contribution_id: number;
  step_id: number;
  author_id: number;
  reference: number;
  summary: Generated<string>;
  category_id: number | null;
  district_id: number | null;
  address: Generated<string>;
  lat: number | null;
  lng: number | null;
  cost: number | null;
  cost_missing: Generated<number>;
  status_id: number | null;
  published: Generated<number>;
  answers: Generated<string>;
  comments_count: Generated<number>;
  followers_count: Generated<number>;
  /** The proposal's place in the one stored random order (migration 0022), drawn at creation. */
  shuffle: Generated<number>;
}

export interface CollectDraftsTable {
  id: Generated<number>;
  step_id: number;
  author_id: number;
  title: Generated<string>;
  /** JSON: the form's values as sent. */
  fields: Generated<string>;
  created_at: string;
  updated_at: string;
}

declare module '../../db/schema.ts' {
  interface Schema {
    collect_steps: CollectStepsTable;
    collect_categories: CollectLabelTable;
    collect_statuses: CollectLabelTable;
    collect_questions: CollectQuestionsTable;
    collect_proposals: CollectProposalsTable;
    collect_drafts: CollectDraftsTable;
  }
}
