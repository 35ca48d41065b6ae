// The form engine's vocabulary: question types, their settings, conditions and answers. Shared by
// every module that asks questions (questionnaires, proposal forms); no module's table here.

export const QUESTION_TYPES = ['section', 'short_text', 'long_text', 'number', 'date', 'email', 'single', 'multiple', 'ranking', 'scale', 'grid', 'yes_no', 'majority', 'file'] as const;
export type QuestionType = (typeof QUESTION_TYPES)[number];

/** Types whose settings hold a list of options (answers refer to them by index). */
export const WITH_OPTIONS: readonly QuestionType[] = ['single', 'multiple', 'ranking', 'majority'];
/** File kinds a file question may accept, recognised by their first bytes (not the name). */
export const FILE_KINDS = ['pdf', 'png', 'jpeg', 'webp', 'office'] as const;
export type FileKind = (typeof FILE_KINDS)[number];

/** Every setting of every type; each type reads the ones it needs (see definition.ts). */
export interface QuestionConfig {
  /** single, multiple, ranking, majority: the options; grid: the columns are `columns`. */
  options?: string[];
  /** single: radio buttons or a drop-down. */
  display?: 'radio' | 'select';
  /** multiple: bounds on the number of selections; an "other" box with free text. */
  minSelect?: number;
  maxSelect?: number;
  other?: boolean;
  /** ranking: how many options must be ranked (all when absent). */
  rankCount?: number;
  /** number and scale bounds. */
  min?: number;
  max?: number;
  /** scale: a label per point (Likert), from min upwards; absent for a plain numeric scale. */
  labels?: string[];
  /** grid: its rows and columns. */
  rows?: string[];
  columns?: string[];
  /** majority: the grades, best first; absent: the six mentions of the catalogue. */
  grades?: string[];
  /** short and long text: the longest answer. */
  maxLength?: number;
  /** file: accepted kinds and size. */
  accept?: FileKind[];
  maxBytes?: number;
}

export const CONDITION_OPS = ['is', 'is_not', 'contains'] as const;
export type ConditionOp = (typeof CONDITION_OPS)[number];

/** A test on an earlier question's answer. `value`: an option index, 'yes' / 'no', a number or a text. */
export interface Condition {
  question: number;
  op: ConditionOp;
  value: string;
}

/** "After this question's page, when `when` holds, go to section `to`" (0: the end). */
export interface Jump {
  when: Condition;
  to: number;
}

export interface Question {
  id: number;
  type: QuestionType;
  title: string;
  help: string;
  required: boolean;
  /** Kept out of public results. */
  private: boolean;
  position: number;
  config: QuestionConfig;
  /** Shown only when every condition holds (conditions refer to earlier questions). */
  showIf: Condition[];
  jump: Jump | null;
}

export interface FileAnswer {
  kind: FileKind;
  size: number;
  /** Where the platform stored it (questions/files.ts). */
  stored: string;
}

/**
 * An answer as stored (JSON): text, date and email: string; number, scale, single (option index):
 * number; yes_no: boolean; ranking: option indexes, best first; grid: a column per row (null:
 * none); majority: a grade index per option (0 best); multiple: the chosen indexes and "other".
 */
export type Answer = string | number | boolean | number[] | (number | null)[] | { choices: number[]; other: string } | FileAnswer;
export type Answers = Record<number, Answer>;

/** The default grades of a majority judgment, catalogue keys, best first. */
export const DEFAULT_GRADE_KEYS = ['questions.mj.grade.0', 'questions.mj.grade.1', 'questions.mj.grade.2', 'questions.mj.grade.3', 'questions.mj.grade.4', 'questions.mj.grade.5'] as const;

/** Form values as the body has them, and as templates show them again. */
export type FormValues = Record<string, string | string[]>;

/** The field name of a question's input (and the anchor of its error). */
export const fieldName = (q: Pick<Question, 'id'>) => `q${q.id}`;

/** Catalogue keys naming a type and an operator, for builders. */
export const typeLabelKey = (type: QuestionType) => `questions.type.${type}`;
export const opLabelKey = (op: ConditionOp) => `questions.op.${op}`;
