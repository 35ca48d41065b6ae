// An answer as one line of text, for review pages and spreadsheets: options by their labels,
// several joined with " | ", rankings in order, grids as "row: column".
import type { Translate } from '../i18n.ts';
import { DEFAULT_GRADE_KEYS, type Answer, type Question } from './types.ts';

export const JOIN = ' | ';

/** The grades of a majority judgment question, best first, in the reader's language by default. */
export const gradeLabels = (q: Question, t: Translate): string[] => (q.config.grades?.length ? q.config.grades : DEFAULT_GRADE_KEYS.map((k) => t(k)));

export function answerText(q: Question, a: Answer | null | undefined, t: Translate): string {
  if (a === null || a === undefined) return '';
  const c = q.config;
  const option = (i: number) => c.options?.[i] ?? String(i);
  switch (q.type) {
    case 'yes_no':
      return t(a ? 'questions.yes' : 'questions.no');
    case 'single':
      return option(a as number);
    case 'scale':
      return c.labels?.length ? (c.labels[(a as number) - (c.min ?? 0)] ?? String(a)) : String(a);
    case 'multiple': {
      const m = a as { choices: number[]; other: string };
      return [...m.choices.map(option), ...(m.other ? [`${t('questions.other')} : ${m.other}`] : [])].join(JOIN);
    }
    case 'ranking':
      return (a as number[]).map((o, pos) => `${pos + 1}. ${option(o)}`).join(JOIN);
    case 'grid':
      return (a as (number | null)[]).flatMap((v, r) => (v === null ? [] : [`${c.rows?.[r] ?? r} : ${c.columns?.[v] ?? v}`])).join(JOIN);
    case 'majority': {
      const grades = gradeLabels(q, t);
      return (a as number[]).map((g, o) => `${option(o)} : ${grades[g] ?? g}`).join(JOIN);
    }
    case 'file':
      return typeof a === 'object' && 'kind' in a ? t('questions.file_kind.' + a.kind) : '';
    default:
      return String(a);
  }
}
