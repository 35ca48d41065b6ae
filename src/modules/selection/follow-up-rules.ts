// Pure rules of the winners' follow-up forms: a milestone (title, optional dates in order), a
// news post (title and Markdown text), the progress (a whole percentage).
import { checkText, text, type FormErrors } from '../../platform/forms.ts';
import { parseCount } from './paper-rules.ts';

export const TITLE_MAX = 200;
export const BODY_MAX = 20_000;

export interface MilestoneInput {
  title: string;
  startsOn: string | null;
  endsOn: string | null;
}

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** A calendar date written YYYY-MM-DD (what <input type="date"> sends), real (no 31 February). */
export function isDate(value: string): boolean {
  const m = DATE.exec(value);
  if (!m) return false;
  const d = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  return d.getUTCFullYear() === Number(m[1]) && d.getUTCMonth() === Number(m[2]) - 1 && d.getUTCDate() === Number(m[3]);
}

export function parseMilestone(body: unknown): { values: Record<string, string>; errors: FormErrors; input: MilestoneInput } {
  const values = { milestone_title: text(body, 'milestone_title'), starts_on: text(body, 'starts_on'), ends_on: text(body, 'ends_on') };
  const errors: FormErrors = {};
  checkText(errors, 'milestone_title', values.milestone_title, { required: true, max: TITLE_MAX });
  for (const name of ['starts_on', 'ends_on'] as const) if (values[name] && !isDate(values[name])) errors[name] = { key: 'selection.follow_up.error.date' };
  if (!errors.starts_on && !errors.ends_on && values.starts_on && values.ends_on && values.ends_on < values.starts_on) errors.ends_on = { key: 'selection.follow_up.error.order' };
  return { values, errors, input: { title: values.milestone_title, startsOn: values.starts_on || null, endsOn: values.ends_on || null } };
}

export function parseUpdate(body: unknown): { values: { update_title: string; body: string }; errors: FormErrors } {
  const values = { update_title: text(body, 'update_title'), body: text(body, 'body') };
  const errors: FormErrors = {};
  checkText(errors, 'update_title', values.update_title, { required: true, max: TITLE_MAX });
  checkText(errors, 'body', values.body, { required: true, max: BODY_MAX });
  return { values, errors };
}

export function parseProgress(body: unknown): { values: Record<string, string>; errors: FormErrors; progress: number } {
  const values = { progress: text(body, 'progress').replace(/\s*%$/, '') };
  const n = parseCount(values.progress, 100);
  const errors: FormErrors = typeof n === 'number' ? {} : { progress: n.key === 'forms.required' ? n : { key: 'selection.follow_up.error.progress' } };
  return { values, errors, progress: typeof n === 'number' ? n : 0 };
}
