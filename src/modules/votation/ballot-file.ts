// The published ballot file and the results computed from it, shared by the server (at the seal)
// and `palabre recount`. Pure: no database; the caller feeds ballots in primary-key order.
//
// The canonical ballot file (what /votation/<id>/ballots.json serves and what its published
// SHA-256 covers) is UTF-8 text, exactly:
//   line 1: JSON.stringify({ format: 'palabre-ballots/1', step: { id, title }, questions }),
//           without its closing brace, followed by `,"ballots":[`
//   then one line per ballot, in ascending order of ballot id (32 lowercase hex digits):
//           JSON.stringify({ id, answers }), followed by `,` except on the last ballot
//   last line: `]}` and a final newline.
// Lines end with "\n". `questions` are in their order on the ballot, each
// { id, title, method, max, blank, options: [labels], grades: [labels best first] | null }.
// `answers` has one entry per question, in the same order: null for a blank vote; for 'single'
// the chosen option's index; for 'approval' the approved indices, ascending; for 'majority' the
// grade index (0 = best) given to each option, in option order; for 'ranked' the indices of the
// ranked options, best first (options left out tie below them).
import { createHash } from 'node:crypto';
import { majorityJudgment, type MjResult } from '../../platform/tallies/majority-judgment.ts';
import { singleChoiceFromCounts, type SingleChoiceResult } from '../../platform/tallies/single-choice.ts';
import { approvalFromCounts, type ApprovalResult } from '../../platform/tallies/approval.ts';
import { rankedFromPairwise, type RankedResult } from '../../platform/tallies/condorcet-schulze.ts';
import type { Method } from './schema.ts';

export const FORMAT = 'palabre-ballots/1';

export interface FileQuestion {
  id: number;
  title: string;
  method: Method;
  max: number | null;
  blank: boolean;
  options: string[];
  grades: string[] | null;
}

export type Answer = null | number | number[];

export interface FileHead {
  step: { id: number; title: string };
  questions: FileQuestion[];
}

export type QuestionResult =
  | { method: 'single'; result: SingleChoiceResult }
  | { method: 'approval'; result: ApprovalResult }
  | { method: 'majority'; result: MjResult[]; blank: number; total: number }
  | { method: 'ranked'; result: RankedResult };

export interface Results {
  ballots: number;
  questions: QuestionResult[];
}

export function headLine(head: FileHead): string {
  const json = JSON.stringify({ format: FORMAT, step: { id: head.step.id, title: head.step.title }, questions: head.questions.map(canonicalQuestion) });
  return `${json.slice(0, -1)},"ballots":[\n`;
}

function canonicalQuestion(q: FileQuestion): FileQuestion {
  return { id: q.id, title: q.title, method: q.method, max: q.max, blank: q.blank, options: q.options, grades: q.grades };
}

/**
 * The ballot's line; `last` leaves out the comma. `answersJson` is JSON.stringify(answers): the
 * box stores exactly that string, so the line is JSON.stringify({ id, answers }) without
 * parsing and writing the answers again (the seal of 200,000 ballots spent a third of its time so).
 */
export const ballotLine = (id: string, answersJson: string, last: boolean) => `{"id":"${id}","answers":${answersJson}}${last ? '' : ','}\n`;
export const TAIL = ']}\n';

/** Counts answers question by question, in one pass and constant memory per question. */
export class Tally {
  private counts: { blank: number; total: number; single?: number[]; approvals?: number[]; grades?: number[][]; pairwise?: number[][] }[];
  ballots = 0;
  constructor(private readonly questions: readonly FileQuestion[]) {
    this.counts = questions.map((q) => {
      const n = q.options.length;
      const zeros = () => new Array<number>(n).fill(0);
      if (q.method === 'single') return { blank: 0, total: 0, single: zeros() };
      if (q.method === 'approval') return { blank: 0, total: 0, approvals: zeros() };
      if (q.method === 'majority') return { blank: 0, total: 0, grades: Array.from({ length: n }, () => new Array<number>(q.grades!.length).fill(0)) };
      return { blank: 0, total: 0, pairwise: Array.from({ length: n }, zeros) };
    });
  }

  /** Adds one ballot; throws on an answer that does not fit its question (a corrupt file). */
  add(answers: readonly Answer[]): void {
    if (answers.length !== this.questions.length) throw new Error('a ballot does not answer every question');
    this.ballots++;
    answers.forEach((a, i) => {
      const c = this.counts[i]!;
      const q = this.questions[i]!;
      c.total++;
      if (a === null) { c.blank++; return; }
      const problem = answerProblem(q, a);
      if (problem) throw new Error(`ballot answer to question ${q.id}: ${problem}`);
      if (c.single) c.single[a as number]!++;
      else if (c.approvals) for (const o of a as number[]) c.approvals[o]!++;
      else if (c.grades) (a as number[]).forEach((g, o) => c.grades![o]![g]!++);
      else {
        const n = q.options.length;
        const position = new Array<number>(n).fill(n);
        (a as number[]).forEach((o, rank) => (position[o] = rank));
        for (let x = 0; x < n; x++) for (let y = 0; y < n; y++) if (position[x]! < position[y]!) c.pairwise![x]![y]!++;
      }
    });
  }

  results(): Results {
    return {
      ballots: this.ballots,
      questions: this.questions.map((q, i): QuestionResult => {
        const c = this.counts[i]!;
        if (c.single) return { method: 'single', result: singleChoiceFromCounts(c.single, c.blank) };
        if (c.approvals) return { method: 'approval', result: approvalFromCounts(c.approvals, c.blank, c.total) };
        if (c.grades) return { method: 'majority', result: majorityJudgment(c.grades), blank: c.blank, total: c.total };
        return { method: 'ranked', result: rankedFromPairwise(c.pairwise!, c.blank, c.total) };
      }),
    };
  }
}

const isIndex = (v: unknown, n: number) => Number.isInteger(v) && (v as number) >= 0 && (v as number) < n;

/** Why a (non-blank) answer does not fit its question, or null. Used for the file and the forms. */
export function answerProblem(q: FileQuestion, a: Answer): string | null {
  const n = q.options.length;
  if (q.method === 'single') return isIndex(a, n) ? null : 'not an option';
  if (!Array.isArray(a)) return 'not a list';
  if (q.method === 'majority') return a.length === n && a.every((g) => isIndex(g, q.grades!.length)) ? null : 'not a grade for every option';
  if (new Set(a).size !== a.length) return 'an option twice';
  if (!a.every((o) => isIndex(o, n))) return 'not an option';
  if (q.method === 'approval') {
    if (q.max !== null && a.length > q.max) return 'too many options';
    for (let i = 1; i < a.length; i++) if (a[i - 1]! >= a[i]!) return 'not in ascending order';
  }
  return null;
}

/** Reads a whole ballot file (recount): checks its form, hashes it, and tallies it. */
export function recountFile(content: Buffer | string): { sha256: string; head: FileHead; results: Results } {
  const bytes = typeof content === 'string' ? Buffer.from(content, 'utf8') : content;
  const sha256 = createHash('sha256').update(bytes).digest('hex');
  const parsed = JSON.parse(bytes.toString('utf8')) as { format?: string; step: FileHead['step']; questions: FileQuestion[]; ballots: { id: string; answers: Answer[] }[] };
  if (parsed.format !== FORMAT) throw new Error(`not a ${FORMAT} file`);
  const tally = new Tally(parsed.questions);
  let previous = '';
  for (const b of parsed.ballots) {
    if (!/^[0-9a-f]{32}$/.test(b.id) || b.id <= previous) throw new Error(`ballot ids must be 32 hex digits in ascending order (at ${b.id})`);
    previous = b.id;
    tally.add(b.answers);
  }
  return { sha256, head: { step: parsed.step, questions: parsed.questions }, results: tally.results() };
}
