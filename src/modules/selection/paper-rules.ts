// Pure rules of the numbers administrators type on the results' page: paper counts and the
// number of winners are whole numbers from 0 to a ceiling, written with digits only (spaces as
// thousands separators are accepted, as French people write them).
import type { FieldError } from '../../platform/forms.ts';

/** More paper ballots than any French commune has voters. */
export const PAPER_MAX = 10_000_000;
export const WINNERS_MAX = 1000;

/** The number, or the error to show beside the field. */
export function parseCount(value: string, max: number): number | FieldError {
  const compact = value.replace(/[\s\u00a0\u202f]/g, '');
  if (compact === '') return { key: 'forms.required' };
  if (!/^\d+$/.test(compact)) return { key: 'selection.results.error.whole', params: { max } };
  const n = Number(compact);
  if (n > max) return { key: 'selection.results.error.whole', params: { max } };
  return n;
}
