// Conditional logic as pure functions: whether a condition holds for the answers so far, which
// questions are visible (show-if conditions and jumps to a section), the pages a questionnaire is
// split into at its section headings, and the rule that answers on hidden branches are dropped.
import type { Answer, Answers, Condition, Question } from './types.ts';

const norm = (s: string) => s.trim().toLocaleLowerCase('fr');

/** Whether `c` holds for `answer` (undefined: not answered, or on a hidden branch). */
export function holds(c: Condition, answer: Answer | undefined): boolean {
  if (c.op === 'is_not') return !holds({ ...c, op: 'is' }, answer);
  if (answer === undefined || answer === null) return false;
  if (typeof answer === 'boolean') return c.op === 'is' && (c.value === 'yes') === answer;
  if (typeof answer === 'number') return c.op === 'is' && Number(c.value) === answer && c.value.trim() !== '';
  if (typeof answer === 'string') return c.op === 'is' ? norm(answer) === norm(c.value) : norm(answer).includes(norm(c.value));
  if (Array.isArray(answer)) {
    // A ranking (options in order): "is" names the first, "contains" any ranked option.
    const v = Number(c.value);
    return c.op === 'is' ? answer[0] === v : answer.includes(v);
  }
  if ('choices' in answer) {
    const v = Number(c.value);
    if (c.value === 'other') return answer.other !== '' && (c.op === 'contains' || answer.choices.length === 0);
    return c.op === 'is' ? answer.choices.length === 1 && answer.choices[0] === v && answer.other === '' : answer.choices.includes(v);
  }
  return false;
}

/**
 * The ids of the visible questions, in one pass in order: a question's conditions read only the
 * answers of questions seen (and visible) before it, so an answer on a hidden branch never counts.
 * A jump that holds hides every section after its own up to its target (0: the end).
 */
export function visibleIds(questions: readonly Question[], answers: Answers): Set<number> {
  const visible = new Set<number>();
  const seen: Answers = {};
  let pending: number | null = null; // a jump taken on this page, applied at the next section
  let skipping: number | null = null; // hiding every section until this one (0: to the end)
  let sectionHidden = false; // a section's own conditions hide its questions with it
  for (const q of questions) {
    if (q.type === 'section') {
      if (pending !== null) (skipping = pending), (pending = null);
      if (skipping !== null && q.id === skipping) skipping = null;
      sectionHidden = false;
    }
    if (skipping !== null || sectionHidden) continue;
    if (!q.showIf.every((c) => holds(c, seen[c.question]))) {
      if (q.type === 'section') sectionHidden = true;
      continue;
    }
    visible.add(q.id);
    if (answers[q.id] !== undefined && q.type !== 'section') seen[q.id] = answers[q.id]!;
    if (q.jump && holds(q.jump.when, seen[q.jump.when.question])) pending = q.jump.to;
  }
  return visible;
}

/** The answers to keep at submission: those of visible questions only. */
export function dropHidden(questions: readonly Question[], answers: Answers): Answers {
  const visible = visibleIds(questions, answers);
  return Object.fromEntries(Object.entries(answers).filter(([id]) => visible.has(Number(id))));
}

export interface Page {
  /** The section heading that opens the page; null for questions before the first one. */
  section: Question | null;
  questions: Question[];
}

/** Pages split at section headings (a questionnaire with none is one page). */
export function splitPages(questions: readonly Question[]): Page[] {
  const pages: Page[] = [];
  for (const q of questions) {
    if (q.type === 'section') pages.push({ section: q, questions: [] });
    else if (pages.length === 0) pages.push({ section: null, questions: [q] });
    else pages[pages.length - 1]!.questions.push(q);
  }
  return pages;
}

/**
 * Indexes of the pages shown, given the ids of the visible questions (visibleIds): a page is
 * hidden with its heading, or when all its questions are. A plain loop: this runs on every page
 * of a long questionnaire, and rebuilding the flat list of questions cost several times more.
 */
export function visiblePages(pages: readonly Page[], visible: ReadonlySet<number>): number[] {
  const shown: number[] = [];
  pages.forEach((p, i) => {
    if (p.section && !visible.has(p.section.id)) return;
    if (p.questions.length === 0 ? p.section !== null : p.questions.some((q) => visible.has(q.id))) shown.push(i);
  });
  return shown;
}

/** Checks a question's rules before they are saved: conditions read earlier questions, jumps lead to later sections. */
export function ruleErrors(questions: readonly Question[], q: Pick<Question, 'showIf' | 'jump' | 'position'>): string | null {
  const answerable = (c: { question: number }, self: boolean) => questions.some((o) => o.id === c.question && o.type !== 'section' && (o.position < q.position || (self && o.position === q.position)));
  // A jump may read the question it sits on (its answer is known when its page is left).
  if (!q.showIf.every((c) => answerable(c, false)) || (q.jump && !answerable(q.jump.when, true))) return 'questions.rules.errors.earlier';
  if (q.jump && q.jump.to !== 0 && !questions.some((o) => o.id === q.jump!.to && o.type === 'section' && o.position > q.position)) return 'questions.rules.errors.later_section';
  return null;
}
