// Pure rules of the analysis by officials: opinions and decisions as forms send them, the
// filters of the analysis list, what each role may do, and the limits of the texts.
import type { Decision, Opinion } from './schema-analysis.ts';

export const OPINIONS = ['favourable', 'unfavourable'] as const satisfies readonly Opinion[];
export const DECISIONS = ['retained', 'not_retained'] as const satisfies readonly Decision[];
/** The analysis list's filter on the decision: every proposal, the retained, the not retained, the undecided. */
export const DECISION_FILTERS = ['all', 'retained', 'not_retained', 'undecided'] as const;
export type DecisionFilter = (typeof DECISION_FILTERS)[number];

export const COMMENT_MAX = 5000;
export const REASON_MAX = 5000;
export const ANALYSIS_PAGE_SIZE = 50;
export const EMAIL_FIELD_MAX = 254;

export function parseOpinion(value: unknown): Opinion | null {
  return (OPINIONS as readonly string[]).includes(value as string) ? (value as Opinion) : null;
}

export function parseDecision(value: unknown): Decision | null {
  return (DECISIONS as readonly string[]).includes(value as string) ? (value as Decision) : null;
}

export function parseDecisionFilter(value: unknown): DecisionFilter {
  return (DECISION_FILTERS as readonly string[]).includes(value as string) ? (value as DecisionFilter) : 'all';
}

/**
 * What a person may do on a step's analysis: an administrator or a decision maker of the step
 * sees every proposal, names analysts, sets statuses and decides; an analyst sees and gives an
 * opinion on the proposals assigned to them; anyone else nothing.
 */
export interface AnalysisRole {
  decides: boolean;
  /** Assigned to at least one proposal of the step. */
  analyses: boolean;
}

export const mayOpenAnalysis = (r: AnalysisRole) => r.decides || r.analyses;

/** On one proposal: deciders see it all; an analyst only what is assigned to them. */
export function mayReadProposalAnalysis(r: AnalysisRole, assigned: boolean): boolean {
  return r.decides || assigned;
}

/**
 * The decision as people will read it: "not retained" needs its public reason; "retained" may
 * have one. Returns the catalogue key of the error, or null.
 */
export function decisionError(decision: Decision | null, reason: string): string | null {
  if (decision === null) return 'collect.analysis.errors.decision';
  if (reason.length > REASON_MAX) return 'collect.analysis.errors.reason_long';
  if (decision === 'not_retained' && reason.trim() === '') return 'collect.analysis.errors.reason_required';
  return null;
}

/**
 * Whether posting this decision tells the author and followers: the first answer does, and so
 * does a change of the decision itself; a corrected reason does not (they were told already).
 */
export function decisionTells(before: Decision | null, after: Decision): boolean {
  return before !== after;
}

/** An unordered pair of proposals as the table stores it: smaller id first. */
export function pairOf(a: number, b: number): [number, number] {
  return a < b ? [a, b] : [b, a];
}

/** Proposal references typed by an administrator: "12, 15 17" or "n° 12"; null when any is unreadable. */
export function parseReferences(text: string): number[] | null {
  const parts = text.replace(/n\s*°/gi, ' ').split(/[\s,;]+/).filter(Boolean);
  if (parts.length === 0 || parts.length > 50) return null;
  const refs = parts.map((p) => (/^\d{1,9}$/.test(p) ? Number(p) : NaN));
  if (refs.some((r) => !Number.isInteger(r) || r < 1)) return null;
  return [...new Set(refs)];
}
