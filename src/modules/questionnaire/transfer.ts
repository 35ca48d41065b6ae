// Questionnaires as files (docs/questionnaire-format.md): the export of a step's questions, and
// the reading of a file (or a shipped template) into definitions, every question checked by the
// form engine and every rule against the file's own ids.
import type { FieldError, FormErrors } from '../../platform/forms.ts';
import { checkDefinition, type Definition } from '../../platform/questions/definition.ts';
import { ruleErrors } from '../../platform/questions/logic.ts';
import type { Condition, Jump, Question, QuestionConfig } from '../../platform/questions/types.ts';
import { QUESTIONS_MAX } from './rules.ts';

export const FORMAT = 'palabre-questionnaire';
export const VERSION = 1;

export interface QuestionnaireFile {
  format: typeof FORMAT;
  version: number;
  title: string;
  description?: string;
  questions: { id: number; type: string; title: string; help?: string; required?: boolean; private?: boolean; config?: QuestionConfig; showIf?: Condition[]; jump?: Jump | null }[];
}

/** The step's questions as a file; ids are the questions' own, which rules refer to. */
export function exportFile(title: string, questions: readonly Question[]): QuestionnaireFile {
  return {
    format: FORMAT,
    version: VERSION,
    title,
    questions: questions.map((q) => ({ id: q.id, type: q.type, title: q.title, help: q.help, required: q.required, private: q.private, config: q.config, showIf: q.showIf, jump: q.jump })),
  };
}

export interface ReadError {
  key: string;
  params?: Record<string, string | number>;
  /** The form engine's own message about the question's field. */
  detail?: FieldError;
}
export type ReadResult = { ok: true; items: { ref: number; def: Definition }[] } | { ok: false; error: ReadError };

/** A file's questions, or the first problem found (with the question's number). */
export function readFile(data: unknown): ReadResult {
  const file = data as Partial<QuestionnaireFile> | null;
  if (!file || typeof file !== 'object' || file.format !== FORMAT || file.version !== VERSION || !Array.isArray(file.questions)) return { ok: false, error: { key: 'questionnaire.import.errors.format' } };
  if (file.questions.length === 0 || file.questions.length > QUESTIONS_MAX) return { ok: false, error: { key: 'questionnaire.import.errors.count', params: { max: QUESTIONS_MAX } } };
  const items: { ref: number; def: Definition }[] = [];
  const seen = new Set<number>();
  for (const [i, raw] of file.questions.entries()) {
    const errors: FormErrors = {};
    const def = checkDefinition(raw as Record<string, unknown>, errors);
    const ref = (raw as { id?: unknown }).id;
    const [field, e] = Object.entries(errors)[0] ?? [];
    if (e) return { ok: false, error: { key: 'questionnaire.import.errors.question', params: { n: i + 1, field: field! }, detail: e } };
    if (typeof ref !== 'number' || !Number.isInteger(ref) || ref <= 0 || seen.has(ref)) return { ok: false, error: { key: 'questionnaire.import.errors.id', params: { n: i + 1 } } };
    seen.add(ref);
    items.push({ ref, def });
  }
  const all: Question[] = items.map((it, k) => ({ id: it.ref, position: k + 1, ...it.def }));
  for (const q of all) if (ruleErrors(all, q)) return { ok: false, error: { key: 'questionnaire.import.errors.rule', params: { n: q.position } } };
  return { ok: true, items };
}
