// How a module stores the questions it asks (the questionnaire's, a proposal form's custom
// ones): the same columns in its own table, read back into the engine's Question and written
// from the builder's Definition here once.
import type { Definition } from './definition.ts';
import type { Question, QuestionType } from './types.ts';

/** A stored question's row: booleans as 0/1, the config, conditions and jump as JSON. */
export interface StoredQuestion {
  id: number;
  type: string;
  title: string;
  help: string;
  required: number;
  private: number;
  position: number;
  config: string;
  show_if: string;
  jump: string | null;
}

export const questionFromRow = (r: StoredQuestion): Question => ({
  id: r.id,
  type: r.type as QuestionType,
  title: r.title,
  help: r.help,
  required: r.required === 1,
  private: r.private === 1,
  position: r.position,
  config: JSON.parse(r.config),
  showIf: JSON.parse(r.show_if),
  jump: r.jump ? JSON.parse(r.jump) : null,
});

/** The columns a Definition sets (the position and the owner are the module's). */
export const questionColumns = (d: Definition) => ({
  type: d.type,
  title: d.title,
  help: d.help,
  required: d.required ? 1 : 0,
  private: d.private ? 1 : 0,
  config: JSON.stringify(d.config),
  show_if: JSON.stringify(d.showIf),
  jump: d.jump ? JSON.stringify(d.jump) : null,
});
