// The questionnaire's tables (migration 0014), keeping the column names, merged into the
// platform's Schema by declaration merging so that src/db/ names no module.
import type { Generated } from 'kysely';

export interface QuestionnaireStepsTable {
  step_id: number;
  responses_count: Generated<number>;
  questions_count: Generated<number>;
}

export interface QuestionnaireQuestionsTable {
  id: Generated<number>;
  step_id: number;
  position: number;
  type: string;
  title: string;
  help: string;
  required: number;
  private: number;
  /** JSON: the form engine's QuestionConfig. */
  config: string;
  /** JSON: Condition[]. */
  show_if: string;
  /** JSON: Jump, or null. */
  jump: string | null;
}

export type ResponseStatus = 'draft' | 'submitted';

export interface QuestionnaireResponsesTable {
  id: Generated<number>;
  step_id: number;
  user_id: number | null;
  token: string | null;
  status: ResponseStatus;
  single: number;
  /** JSON: Answers (question id → answer). */
  answers: string;
  page: number;
  segment: Generated<string>;
  replaces: number | null;
  created_at: string;
  updated_at: string;
  submitted_at: string | null;
}

export interface QuestionnaireTextsTable {
  response_id: number;
  question_id: number;
  segment: string;
  body: string;
}

export interface QuestionnaireCountsTable {
  step_id: number;
  segment: string;
  question_id: number;
  slot: string;
  n: number;
}

declare module '../../db/schema.ts' {
  interface Schema {
    questionnaire_steps: QuestionnaireStepsTable;
    questionnaire_questions: QuestionnaireQuestionsTable;
    questionnaire_responses: QuestionnaireResponsesTable;
    questionnaire_texts: QuestionnaireTextsTable;
    questionnaire_counts: QuestionnaireCountsTable;
  }
}
