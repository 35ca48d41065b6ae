// The answering flow's pure parts: the page a request names among the visible pages, a page's
// answers read from the form (with the page's own conditions applied as they are answered), and
// the first page still missing a required answer before submission.
import type { FormErrors } from '../../platform/forms.ts';
import { parseAnswer, type SentFile } from '../../platform/questions/answers.ts';
import { dropHidden, splitPages, visibleIds, visiblePages, type Page } from '../../platform/questions/logic.ts';
import { fieldName, type Answers, type FormValues, type Question } from '../../platform/questions/types.ts';

export interface Flow {
  pages: Page[];
  /** Indexes of the pages this person sees with these answers, in order. */
  visible: number[];
  /** Ids of the questions this person sees with these answers. */
  shown: Set<number>;
}

export function flowOf(questions: readonly Question[], answers: Answers): Flow {
  const pages = splitPages(questions);
  const shown = visibleIds(questions, answers);
  return { pages, visible: visiblePages(pages, shown), shown };
}

/** A page index from a query or form value, when it is a visible page; else null. */
export function pageIndex(flow: Flow, raw: unknown): number | null {
  const n = typeof raw === 'string' && /^\d{1,4}$/.test(raw) ? Number(raw) : null;
  return n !== null && flow.visible.includes(n) ? n : null;
}

export const nextPage = (flow: Flow, n: number) => flow.visible.find((i) => i > n) ?? null;
export const previousPage = (flow: Flow, n: number) => [...flow.visible].reverse().find((i) => i < n) ?? null;

/**
 * This page's answers from the form over the earlier ones: conditions between questions of the
 * same page are applied to what was just answered, and questions hidden by them lose their answer
 * and raise no error. `file` goes to the page's file question (one per page).
 */
export function readPage(questions: readonly Question[], page: Page, before: Answers, body: FormValues, file?: SentFile): { answers: Answers; errors: FormErrors } {
  const answers: Answers = { ...before };
  const errors: FormErrors = {};
  const parsed = new Map(page.questions.map((q) => [q.id, parseAnswer(q, body, q.type === 'file' ? file : undefined, before[q.id])]));
  for (const q of page.questions) {
    const p = parsed.get(q.id)!;
    if (p.answer === null) delete answers[q.id];
    else answers[q.id] = p.answer;
  }
  const visible = visibleIds(questions, answers);
  for (const q of page.questions) {
    const p = parsed.get(q.id)!;
    if (!visible.has(q.id)) delete answers[q.id];
    else if (p.error) errors[fieldName(q)] = p.error;
  }
  return { answers: dropHidden(questions, answers), errors };
}

/** The first visible page with a required question left unanswered, and its errors. */
export function firstIncomplete(questions: readonly Question[], answers: Answers): { page: number; errors: FormErrors } | null {
  const flow = flowOf(questions, answers);
  for (const i of flow.visible) {
    const errors: FormErrors = {};
    for (const q of flow.pages[i]!.questions) if (q.required && flow.shown.has(q.id) && answers[q.id] === undefined) errors[fieldName(q)] = { key: 'questions.errors.required' };
    if (Object.keys(errors).length) return { page: i, errors };
  }
  return null;
}
