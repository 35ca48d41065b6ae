// A question's definition as an administrator writes it (the builder's form) or a file brings it
// (an imported questionnaire): checked here once, with errors as catalogue keys per field.
import type { FormErrors } from '../forms.ts';
import { CONDITION_OPS, FILE_KINDS, QUESTION_TYPES, WITH_OPTIONS, type Condition, type ConditionOp, type FileKind, type FormValues, type Jump, type Question, type QuestionConfig, type QuestionType } from './types.ts';

export const LIMITS = { title: 500, help: 2000, option: 200, options: 60, rows: 40, labels: 11, fileMb: 20 } as const;

/** What is saved for a question, before it has an id and a position. */
export interface Definition {
  type: QuestionType;
  title: string;
  help: string;
  required: boolean;
  private: boolean;
  config: QuestionConfig;
  showIf: Condition[];
  jump: Jump | null;
}

const str = (v: unknown) => (typeof v === 'string' ? v.trim() : typeof v === 'number' ? String(v) : '');
const int = (v: unknown): number | null | 'bad' => {
  const s = str(v);
  if (s === '') return null;
  return /^-?\d{1,9}$/.test(s) ? Number(s) : 'bad';
};
const lines = (v: unknown): string[] => (Array.isArray(v) ? v.map(str) : str(v).split(/\r?\n/)).map((s) => s.trim()).filter((s) => s !== '');

/**
 * Checks a definition given as plain values (the form's, turned by `fromForm`, or a file's JSON):
 * each type keeps only its own settings. `errors` names the form's fields.
 */
export function checkDefinition(input: Record<string, unknown>, errors: FormErrors): Definition {
  const type = QUESTION_TYPES.includes(input.type as QuestionType) ? (input.type as QuestionType) : null;
  if (!type) errors.type = { key: 'forms.invalid_choice' };
  const title = str(input.title);
  const help = str(input.help);
  if (title === '') errors.title = { key: 'forms.required' };
  else if ([...title].length > LIMITS.title) errors.title = { key: 'forms.too_long', params: { max: LIMITS.title } };
  if ([...help].length > LIMITS.help) errors.help = { key: 'forms.too_long', params: { max: LIMITS.help } };
  const raw = (input.config ?? {}) as Record<string, unknown>;
  const config = type ? checkConfig(type, raw, errors) : {};
  const showIf = (Array.isArray(input.showIf) ? input.showIf : []).map((c) => checkCondition(c, errors, 'show_if')).filter((c): c is Condition => c !== null);
  const j = input.jump as { when?: unknown; to?: unknown } | null | undefined;
  const when = j ? checkCondition(j.when, errors, 'jump') : null;
  const to = j ? int(j.to) : null;
  if (j && (typeof to !== 'number' || to < 0)) errors.jump_to = { key: 'forms.invalid_choice' };
  const isSection = type === 'section';
  return { type: type ?? 'short_text', title, help, required: !isSection && input.required === true, private: !isSection && input.private === true, config, showIf, jump: when && typeof to === 'number' ? { when, to } : null };
}

function checkCondition(raw: unknown, errors: FormErrors, field: string): Condition | null {
  const c = (raw ?? {}) as Record<string, unknown>;
  const question = int(c.question);
  const op = CONDITION_OPS.find((o) => o === c.op);
  const value = str(c.value);
  if (typeof question !== 'number' || question <= 0 || !op) {
    errors[`${field}_question`] = { key: 'questions.rules.errors.incomplete' };
    return null;
  }
  if ([...value].length > LIMITS.option) errors[`${field}_value`] = { key: 'forms.too_long', params: { max: LIMITS.option } };
  return { question, op, value };
}

function checkList(errors: FormErrors, field: string, values: string[], o: { min: number; max: number }): string[] {
  if (values.length < o.min) errors[field] = { key: 'questions.builder.errors.too_few', params: { count: o.min } };
  else if (values.length > o.max) errors[field] = { key: 'questions.builder.errors.too_many', params: { count: o.max } };
  else if (values.some((v) => [...v].length > LIMITS.option)) errors[field] = { key: 'forms.too_long', params: { max: LIMITS.option } };
  return values;
}

function checkInt(errors: FormErrors, field: string, value: unknown, lo: number, hi: number): number | undefined {
  const n = int(value);
  if (n === null) return undefined;
  if (n === 'bad' || n < lo || n > hi) {
    errors[field] = { key: 'settings.errors.range', params: { min: lo, max: hi } };
    return undefined;
  }
  return n;
}

function checkConfig(type: QuestionType, raw: Record<string, unknown>, errors: FormErrors): QuestionConfig {
  const c: QuestionConfig = {};
  if (WITH_OPTIONS.includes(type)) c.options = checkList(errors, 'options', lines(raw.options), { min: type === 'majority' ? 2 : 2, max: LIMITS.options });
  switch (type) {
    case 'short_text':
    case 'long_text': {
      const m = checkInt(errors, 'max_length', raw.maxLength, 1, type === 'short_text' ? 300 : 5000);
      if (m !== undefined) c.maxLength = m;
      break;
    }
    case 'number': {
      const min = checkInt(errors, 'min', raw.min, -1e9, 1e9);
      const max = checkInt(errors, 'max', raw.max, -1e9, 1e9);
      if (min !== undefined) c.min = min;
      if (max !== undefined) c.max = max;
      if (min !== undefined && max !== undefined && min > max) errors.max = { key: 'questions.builder.errors.min_max' };
      break;
    }
    case 'single':
      c.display = raw.display === 'select' ? 'select' : 'radio';
      break;
    case 'multiple': {
      const n = c.options?.length ?? 0;
      c.other = raw.other === true || raw.other === 'on' || raw.other === '1';
      const min = checkInt(errors, 'min_select', raw.minSelect, 0, n + 1);
      const max = checkInt(errors, 'max_select', raw.maxSelect, 1, n + 1);
      if (min) c.minSelect = min;
      if (max) c.maxSelect = max;
      if (min && max && min > max) errors.max_select = { key: 'questions.builder.errors.min_max' };
      break;
    }
    case 'ranking': {
      const r = checkInt(errors, 'rank_count', raw.rankCount, 1, c.options?.length || 1);
      if (r !== undefined) c.rankCount = r;
      break;
    }
    case 'scale': {
      const labels = lines(raw.labels);
      if (labels.length) c.labels = checkList(errors, 'labels', labels, { min: 2, max: LIMITS.labels });
      c.min = checkInt(errors, 'min', raw.min, -10, 10) ?? (labels.length ? 1 : 0);
      if (!labels.length) c.max = checkInt(errors, 'max', raw.max, c.min + 1, c.min + 20) ?? 10;
      break;
    }
    case 'grid':
      c.rows = checkList(errors, 'rows', lines(raw.rows), { min: 1, max: LIMITS.rows });
      c.columns = checkList(errors, 'columns', lines(raw.columns), { min: 2, max: LIMITS.labels });
      break;
    case 'majority': {
      const grades = lines(raw.grades);
      if (grades.length) c.grades = checkList(errors, 'grades', grades, { min: 2, max: 7 });
      break;
    }
    case 'file': {
      const accept = (Array.isArray(raw.accept) ? raw.accept : [raw.accept]).filter((k): k is FileKind => FILE_KINDS.includes(k as FileKind));
      if (accept.length === 0) errors.accept = { key: 'questions.builder.errors.accept' };
      c.accept = accept;
      const mb = checkInt(errors, 'max_mb', raw.maxMb ?? (raw.maxBytes ? Math.round(Number(raw.maxBytes) / 1_000_000) : undefined), 1, LIMITS.fileMb);
      c.maxBytes = (mb ?? 5) * 1_000_000;
      break;
    }
    default:
      break;
  }
  return c;
}

/** The builder form's fields as plain values for checkDefinition. */
export function fromForm(body: FormValues): Record<string, unknown> {
  const s = (name: string) => (typeof body[name] === 'string' ? (body[name] as string) : '');
  const condition = (prefix: string) => ({ question: s(`${prefix}_question`), op: s(`${prefix}_op`), value: s(`${prefix}_value`) });
  return {
    type: s('type'),
    title: s('title'),
    help: s('help'),
    required: s('required') !== '',
    private: s('private') !== '',
    config: {
      options: s('options'), display: s('display'), other: s('other'), minSelect: s('min_select'), maxSelect: s('max_select'), rankCount: s('rank_count'),
      min: s('min'), max: s('max'), labels: s('labels'), rows: s('rows'), columns: s('columns'), grades: s('grades'), maxLength: s('max_length'),
      accept: body.accept, maxMb: s('max_mb'),
    },
    showIf: s('show_if_question') ? [condition('show_if')] : [],
    jump: s('jump_question') ? { when: condition('jump'), to: s('jump_to') } : null,
  };
}

/** A definition as the builder's form shows it again. */
export function toForm(d: Definition): FormValues {
  const c = d.config;
  const v: FormValues = { type: d.type, title: d.title, help: d.help };
  if (d.required) v.required = '1';
  if (d.private) v.private = '1';
  const set = (name: string, value: unknown) => value !== undefined && value !== null && (v[name] = Array.isArray(value) ? value.join('\n') : String(value));
  set('options', c.options), set('display', c.display), set('min_select', c.minSelect), set('max_select', c.maxSelect), set('rank_count', c.rankCount);
  set('min', c.min), set('max', c.max), set('labels', c.labels), set('rows', c.rows), set('columns', c.columns), set('grades', c.grades), set('max_length', c.maxLength);
  if (c.other) v.other = '1';
  if (c.accept) v.accept = c.accept;
  if (c.maxBytes) v.max_mb = String(Math.round(c.maxBytes / 1_000_000));
  const cond = d.showIf[0];
  if (cond) Object.assign(v, { show_if_question: String(cond.question), show_if_op: cond.op, show_if_value: cond.value });
  if (d.jump) Object.assign(v, { jump_question: String(d.jump.when.question), jump_op: d.jump.when.op, jump_value: d.jump.when.value, jump_to: String(d.jump.to) });
  return v;
}

const YES = new Set(['yes', 'oui', 'true', '1']);
const NO = new Set(['no', 'non', 'false', '0']);

/**
 * A condition's value as an administrator types it (an option's label or number from 1, oui /
 * non) turned into what answers are compared with (an option index, 'yes' / 'no'); null when it
 * names no option of that question.
 */
export function conditionValueIn(ref: Pick<Question, 'type' | 'config'>, raw: string, op: ConditionOp): string | null {
  const v = raw.trim();
  if (ref.type === 'yes_no') return YES.has(v.toLowerCase()) ? 'yes' : NO.has(v.toLowerCase()) ? 'no' : null;
  const options = ref.type === 'multiple' || ref.type === 'single' || ref.type === 'ranking' ? (ref.config.options ?? []) : null;
  if (!options) return v;
  if (ref.type === 'multiple' && (v.toLowerCase() === 'other' || v.toLowerCase() === 'autre') && ref.config.other) return 'other';
  const byLabel = options.findIndex((o) => o.toLocaleLowerCase('fr') === v.toLocaleLowerCase('fr'));
  if (byLabel >= 0) return String(byLabel);
  const n = /^\d{1,3}$/.test(v) ? Number(v) - 1 : -1;
  return n >= 0 && n < options.length && op !== undefined ? String(n) : null;
}

/** The stored value as the builder shows it again: the option's label, oui / non. */
export function conditionValueOut(ref: Pick<Question, 'type' | 'config'> | undefined, value: string): string {
  if (!ref) return value;
  if (ref.type === 'yes_no') return value === 'yes' ? 'oui' : 'non';
  if (value === 'other') return 'autre';
  const options = ref.config.options;
  return options && /^\d+$/.test(value) ? (options[Number(value)] ?? value) : value;
}
