// The votation's pure rules: its step settings, the default grade scale, reading the admin's
// question form and a voter's ballot form, and the receipt's form. No database.
import type { SettingDecl } from '../../platform/module.ts';
import type { FormErrors } from '../../platform/forms.ts';
import { answerProblem, type Answer, type FileQuestion } from './ballot-file.ts';
import type { Method } from './schema.ts';

/** Wrong access codes one address may enter in 15 minutes: as many as failed logins (a polling
 * place, a town hall's Wi-Fi share one address; a 120-bit code cannot be guessed anyway). */
export const WRONG_CODES_PER_ADDRESS = 50;

export const SETTINGS = {
  // Who may vote: accounts (with the step's requirements for 'vote') or the electoral roll's codes.
  // Fixed once the vote opens: changing it mid-vote would change who may vote.
  electorate: { type: 'enum', default: 'accounts', options: ['accounts', 'roll'], labelKey: 'votation.setting.electorate', fixedOnceOpen: true },
  allow_changes: { type: 'boolean', default: false, labelKey: 'votation.setting.allow_changes' },
} satisfies Record<string, SettingDecl>;

export const METHODS: readonly Method[] = ['single', 'approval', 'majority', 'ranked'];
export const TITLE_MAX = 300;
export const OPTION_MAX = 200;
export const OPTIONS_MAX = 30;
export const GRADES_MAX = 10;
export const QUESTIONS_MAX = 20;
/** The six French mentions of majority judgment, best first (catalogue keys, in the admin's language). */
export const DEFAULT_GRADE_KEYS = [0, 1, 2, 3, 4, 5].map((i) => `votation.grades.default.${i}`);

export type Body = unknown;
const field = (body: Body, name: string): unknown => (body && typeof body === 'object' ? (body as Record<string, unknown>)[name] : undefined);
const str = (body: Body, name: string): string => {
  const v = field(body, name);
  return typeof v === 'string' ? v.trim() : '';
};
const all = (body: Body, name: string): string[] => {
  const v = field(body, name);
  return (Array.isArray(v) ? v : v === undefined ? [] : [v]).filter((x): x is string => typeof x === 'string');
};
const lines = (text: string) => text.split(/\r?\n/).map((l) => l.trim()).filter(Boolean);

export interface QuestionInput {
  title: string;
  method: Method;
  max: number | null;
  blank: boolean;
  options: string[];
  grades: string[] | null;
}

/** The admin's question form (fields named `<prefix><name>`, several forms share a page): its values as typed, the question, and its errors. */
export function parseQuestionForm(body: Body, prefix: string): { values: Record<string, string>; input: QuestionInput | null; errors: FormErrors } {
  const get = (name: string) => str(body, prefix + name);
  const values = { title: get('title'), method: get('method'), max: get('max'), blank: get('blank') === '1' ? '1' : '', options: get('options'), grades: get('grades') };
  const errors: FormErrors = {};
  if (!values.title) errors.title = { key: 'forms.required' };
  else if (values.title.length > TITLE_MAX) errors.title = { key: 'forms.too_long', params: { max: TITLE_MAX } };
  const method = METHODS.find((m) => m === values.method);
  if (!method) errors.method = { key: 'votation.admin.error.method' };
  const options = lines(values.options);
  if (options.length < 2 || options.length > OPTIONS_MAX) errors.options = { key: 'votation.admin.error.options', params: { max: OPTIONS_MAX } };
  else if (options.some((o) => o.length > OPTION_MAX)) errors.options = { key: 'votation.admin.error.option_long', params: { max: OPTION_MAX } };
  else if (new Set(options).size !== options.length) errors.options = { key: 'votation.admin.error.option_twice' };
  let max: number | null = null;
  if (method === 'approval' && values.max) {
    max = /^\d{1,3}$/.test(values.max) ? Number(values.max) : NaN;
    if (!(max >= 1 && max <= Math.max(1, options.length))) errors.max = { key: 'votation.admin.error.max', params: { max: options.length } };
  }
  const grades = method === 'majority' ? lines(values.grades) : null;
  if (grades && (grades.length < 2 || grades.length > GRADES_MAX || new Set(grades).size !== grades.length || grades.some((g) => g.length > OPTION_MAX))) {
    errors.grades = { key: 'votation.admin.error.grades', params: { max: GRADES_MAX } };
  }
  const ok = Object.keys(errors).length === 0 && method;
  return { values, errors, input: ok ? { title: values.title, method, max, blank: values.blank === '1', options, grades } : null };
}

/** Form field names: one per question, `q<index>`, and per option `q<index>_o<option>`. */
export const fieldOf = (qi: number, option?: number) => (option === undefined ? `q${qi}` : `q${qi}_o${option}`);

const index = (v: string, n: number): number | null => (/^\d{1,3}$/.test(v) && Number(v) < n ? Number(v) : null);

/**
 * A voter's ballot form: every question's answer, or the errors (keyed by `q<index>`, in the
 * person's language through the catalogue). `bad` is true for a value no form sends (400).
 */
export function parseBallotForm(questions: readonly FileQuestion[], body: Body): { answers: Answer[]; errors: FormErrors; bad: boolean; values: Record<string, string | string[]> } {
  const errors: FormErrors = {};
  const values: Record<string, string | string[]> = {};
  let bad = false;
  const answers = questions.map((q, qi): Answer => {
    const name = fieldOf(qi);
    const n = q.options.length;
    if (q.blank && str(body, `${name}_blank`) === '1') {
      values[`${name}_blank`] = '1';
      return null;
    }
    if (q.method === 'single') {
      const v = str(body, name);
      values[name] = v;
      if (v === '') return void (errors[name] = { key: 'votation.ballot.error.single' }), null;
      const o = index(v, n);
      if (o === null) bad = true;
      return o;
    }
    if (q.method === 'approval') {
      const chosen = all(body, name);
      values[name] = chosen;
      const picked = chosen.map((v) => index(v, n));
      if (picked.some((o) => o === null)) bad = true;
      const set = [...new Set(picked.filter((o): o is number => o !== null))].sort((a, b) => a - b);
      if (set.length === 0 && !q.blank) errors[name] = { key: 'votation.ballot.error.approval_none' };
      else if (q.max !== null && set.length > q.max) errors[name] = { key: 'votation.ballot.error.approval_max', params: { max: q.max } };
      return set.length === 0 ? null : set;
    }
    const perOption = q.options.map((_, o) => {
      const v = str(body, fieldOf(qi, o));
      values[fieldOf(qi, o)] = v;
      return v;
    });
    if (q.method === 'majority') {
      const grades = perOption.map((v) => (v === '' ? null : index(v, q.grades!.length)));
      if (perOption.some((v, o) => v !== '' && grades[o] === null)) bad = true;
      if (grades.some((g) => g === null)) errors[name] = { key: 'votation.ballot.error.majority' };
      return grades as number[];
    }
    // Ranked: a rank 1..n per option, or nothing (unranked); two options cannot share a rank.
    const ranks = perOption.map((v) => (v === '' ? null : /^\d{1,3}$/.test(v) && Number(v) >= 1 && Number(v) <= n ? Number(v) : NaN));
    if (ranks.some((r) => Number.isNaN(r))) bad = true;
    const given = ranks.filter((r): r is number => r !== null && !Number.isNaN(r));
    if (given.length === 0 && !q.blank) errors[name] = { key: 'votation.ballot.error.ranked_none' };
    else if (new Set(given).size !== given.length) errors[name] = { key: 'votation.ballot.error.ranked_twice' };
    const order = ranks.map((r, o) => ({ r, o })).filter((x) => x.r !== null && !Number.isNaN(x.r)).sort((a, b) => a.r! - b.r!).map((x) => x.o);
    return order.length === 0 ? null : order;
  });
  if (!bad && Object.keys(errors).length === 0) {
    answers.forEach((a, i) => {
      if (a !== null && answerProblem(questions[i]!, a)) bad = true;
    });
  }
  return { answers, errors, bad, values };
}

/** A receipt as typed: 32 hex digits, spaces and dashes ignored. */
export function normalizeReceipt(typed: unknown): string | null {
  if (typeof typed !== 'string' || typed.length > 100) return null;
  const plain = typed.toLowerCase().replace(/[\s-]/g, '');
  return /^[0-9a-f]{32}$/.test(plain) ? plain : null;
}

/** A receipt as shown: eight groups of four, easier to copy by hand. */
export const formatReceipt = (id: string) => id.match(/.{4}/g)!.join('-');
