// Reading one question's answer from a form body, with its error as a catalogue key, and the
// reverse: a stored answer as the form values that show it again (a draft, a page revisited).
import type { FieldError } from '../forms.ts';
import { checkEmail } from '../forms.ts';
import { sniffFile } from './files.ts';
import { fieldName, type Answer, type FileAnswer, type FormValues, type Question } from './types.ts';

export const TEXT_MAX = { short_text: 300, long_text: 5000 } as const;
export const OTHER_MAX = 300;

export interface Parsed {
  /** null: not answered. */
  answer: Answer | null;
  error?: FieldError;
}

/** A file sent with the page, as the platform's multipart parser reads it (multipart.ts Upload). */
export interface SentFile {
  file: Buffer | null;
  tooBig: boolean;
}

const str = (body: FormValues, name: string): string => {
  const v = body[name];
  return typeof v === 'string' ? v.trim() : '';
};
const list = (body: FormValues, name: string): string[] => {
  const v = body[name];
  return (Array.isArray(v) ? v : typeof v === 'string' ? [v] : []).map((s) => s.trim()).filter((s) => s !== '');
};
/** A whole number 0 <= n < count from a form value, else null. */
const index = (value: string, count: number): number | null => (/^\d{1,4}$/.test(value) && Number(value) < count ? Number(value) : null);
const fail = (key: string, params?: FieldError['params']): Parsed => ({ answer: null, error: params ? { key, params } : { key } });
const none = (q: Question): Parsed => (q.required ? fail('questions.errors.required') : { answer: null });

/** Reads a number written the French way too ("12,5"). */
export function parseNumber(value: string): number | null {
  const v = value.replace(/\s/g, '').replace(',', '.');
  return /^-?\d{1,12}(\.\d{1,6})?$/.test(v) ? Number(v) : null;
}

/** A real calendar date written YYYY-MM-DD (what date inputs send). */
export function isDate(value: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
  const d = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().startsWith(value);
}

/** The answer to `q` in `body`; `file` for a file question, `previous` keeps a file already sent. */
export function parseAnswer(q: Question, body: FormValues, file?: SentFile, previous?: Answer | null): Parsed {
  const name = fieldName(q);
  const c = q.config;
  switch (q.type) {
    case 'section':
      return { answer: null };
    case 'short_text':
    case 'long_text':
    case 'email':
    case 'date': {
      const v = str(body, name);
      if (v === '') return none(q);
      if (q.type === 'email') {
        const errors: Record<string, FieldError> = {};
        checkEmail(errors, name, v);
        return errors[name] ? { answer: null, error: errors[name] } : { answer: v.toLowerCase() };
      }
      if (q.type === 'date') return isDate(v) ? { answer: v } : fail('questions.errors.date');
      const max = c.maxLength ?? TEXT_MAX[q.type];
      return [...v].length > max ? fail('forms.too_long', { max }) : { answer: v };
    }
    case 'number':
    case 'scale': {
      const v = str(body, name);
      if (v === '') return none(q);
      const n = parseNumber(v);
      if (n === null || (q.type === 'scale' && !Number.isInteger(n))) return fail(q.type === 'scale' ? 'forms.invalid_choice' : 'questions.errors.number');
      const [min, max] = q.type === 'scale' ? scaleBounds(q) : [c.min ?? null, c.max ?? null];
      if ((min !== null && n < min) || (max !== null && n > max)) return fail('questions.errors.range', { min: min ?? '−∞', max: max ?? '∞' });
      return { answer: n };
    }
    case 'yes_no': {
      const v = str(body, name);
      if (v === '') return none(q);
      return v === 'yes' || v === 'no' ? { answer: v === 'yes' } : fail('forms.invalid_choice');
    }
    case 'single': {
      const v = str(body, name);
      if (v === '') return none(q);
      const i = index(v, c.options?.length ?? 0);
      return i === null ? fail('forms.invalid_choice') : { answer: i };
    }
    case 'multiple':
      return parseMultiple(q, body, name);
    case 'ranking':
      return parseRanking(q, body, name);
    case 'grid':
    case 'majority': {
      const rows = q.type === 'grid' ? (c.rows ?? []) : (c.options ?? []);
      const columns = q.type === 'grid' ? (c.columns?.length ?? 0) : gradeCount(q);
      const picked = rows.map((_, r) => str(body, `${name}_${r}`));
      if (picked.every((v) => v === '')) return none(q);
      const values = picked.map((v) => (v === '' ? null : index(v, columns)));
      if (values.some((v, r) => v === null && picked[r] !== '')) return fail('forms.invalid_choice');
      // A majority judgment grades every option; a required grid answers every row.
      if (values.includes(null) && (q.type === 'majority' || q.required)) return fail(q.type === 'majority' ? 'questions.errors.grade_all' : 'questions.errors.grid_incomplete');
      return { answer: values };
    }
    case 'file':
      return parseFile(q, file, previous);
  }
}

function parseMultiple(q: Question, body: FormValues, name: string): Parsed {
  const c = q.config;
  const sent = list(body, name);
  const count = c.options?.length ?? 0;
  const wantsOther = c.other === true && sent.includes('other');
  const other = wantsOther ? str(body, `${name}_other`) : '';
  const choices = [...new Set(sent.filter((v) => v !== 'other').map((v) => index(v, count)))];
  if (choices.includes(null) || (sent.includes('other') && !c.other)) return fail('forms.invalid_choice');
  if (wantsOther && other === '') return fail('questions.errors.other_required');
  if ([...other].length > OTHER_MAX) return fail('forms.too_long', { max: OTHER_MAX });
  const n = choices.length + (wantsOther ? 1 : 0);
  if (n === 0) return none(q);
  if (c.minSelect && n < c.minSelect) return fail('questions.errors.min_select', { count: c.minSelect });
  if (c.maxSelect && n > c.maxSelect) return fail('questions.errors.max_select', { count: c.maxSelect });
  return { answer: { choices: (choices as number[]).sort((a, b) => a - b), other } };
}

function parseRanking(q: Question, body: FormValues, name: string): Parsed {
  const options = q.config.options ?? [];
  const wanted = rankCount(q);
  const positions = options.map((_, i) => str(body, `${name}_${i}`));
  if (positions.every((p) => p === '')) return none(q);
  const ranked: number[] = [];
  for (const [i, p] of positions.entries()) {
    if (p === '') continue;
    const pos = index(String(Number(p) - 1), wanted);
    if (!/^\d+$/.test(p) || pos === null) return fail('forms.invalid_choice');
    if (ranked[pos] !== undefined) return fail('questions.errors.rank_duplicate');
    ranked[pos] = i;
  }
  const filled = ranked.filter((v) => v !== undefined).length;
  if (filled !== wanted || ranked.length !== wanted) return fail('questions.errors.rank_count', { count: wanted });
  return { answer: ranked };
}

function parseFile(q: Question, file: SentFile | undefined, previous: Answer | null | undefined): Parsed {
  const keep = previous && typeof previous === 'object' && 'stored' in previous ? previous : null;
  if (file?.tooBig) return fail('questions.errors.file_size', { mb: Math.round((q.config.maxBytes ?? 0) / 100_000) / 10 });
  if (!file?.file) return keep ? { answer: keep } : none(q);
  if (file.file.length > (q.config.maxBytes ?? Infinity)) return fail('questions.errors.file_size', { mb: Math.round((q.config.maxBytes ?? 0) / 100_000) / 10 });
  const kind = sniffFile(file.file);
  if (!kind || !(q.config.accept ?? []).includes(kind)) return fail('questions.errors.file_kind', { kinds: (q.config.accept ?? []).join(', ') });
  // Stored by the caller (it knows where); the answer says what was checked.
  return { answer: { kind, size: file.file.length, stored: '' } satisfies FileAnswer };
}

/** The points of a scale: min..max (labels, when given, name them from min upwards). */
export function scaleBounds(q: Question): [number, number] {
  const min = q.config.min ?? 0;
  return [min, q.config.labels?.length ? min + q.config.labels.length - 1 : (q.config.max ?? 10)];
}
export const gradeCount = (q: Question) => q.config.grades?.length || 6;
export const rankCount = (q: Question) => Math.min(q.config.rankCount ?? q.config.options?.length ?? 0, q.config.options?.length ?? 0);

/** The form values that show a stored answer again (drafts, pages revisited, the review). */
export function answerValues(q: Question, answer: Answer | null | undefined): FormValues {
  const name = fieldName(q);
  if (answer === null || answer === undefined) return {};
  switch (q.type) {
    case 'yes_no':
      return { [name]: answer ? 'yes' : 'no' };
    case 'multiple': {
      const a = answer as { choices: number[]; other: string };
      return { [name]: [...a.choices.map(String), ...(a.other ? ['other'] : [])], [`${name}_other`]: a.other };
    }
    case 'ranking':
      return Object.fromEntries((answer as number[]).map((option, pos) => [`${name}_${option}`, String(pos + 1)]));
    case 'grid':
    case 'majority':
      return Object.fromEntries((answer as (number | null)[]).flatMap((v, r) => (v === null ? [] : [[`${name}_${r}`, String(v)]])));
    case 'file':
      return {};
    default:
      return { [name]: String(answer) };
  }
}
