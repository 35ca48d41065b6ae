// Pure rules of the debate: input limits, sides and sorts, pages, what a change of vote does to
// the counters, and the split of the votes shown as a bar with its numbers.
import type { SettingDecl } from '../../platform/module.ts';
import type { Side } from './schema.ts';

export const SIDES = ['for', 'against'] as const satisfies readonly Side[];
export const SORTS = ['useful', 'newest'] as const;
export type Sort = (typeof SORTS)[number];
export type VoteChoice = Side | 'withdraw';

/**
 * The step's settings (manifest step.settings), set on the step form of the projects admin. An
 * enum's options are labelled by `<labelKey>.<option>`: here the page's own sort labels.
 */
export const SETTINGS = {
  default_sort: { type: 'enum', default: 'useful', options: SORTS, labelKey: 'debate.sort' },
} satisfies Record<string, SettingDecl>;

export const ARGUMENT_MAX = 2000;
export const NAME_MAX = 100;
export const ROLE_MAX = 150;
export const OPINION_MAX = 10000;
export const CONCLUSION_MAX = 20000;
/** Arguments per column and page: the two columns of a page show up to twice this. */
export const PAGE_SIZE = 10;
/** Deeper pages are not served: an OFFSET costs a scan, and nobody reads page 5000. */
export const PAGE_MAX = 5000;

export function parseSide(value: unknown): Side | null {
  return value === 'for' || value === 'against' ? value : null;
}

export function parseVoteChoice(value: unknown): VoteChoice | null {
  return value === 'withdraw' ? 'withdraw' : parseSide(value);
}

export function parseSort(value: unknown, fallback: Sort): Sort {
  return (SORTS as readonly string[]).includes(value as string) ? (value as Sort) : fallback;
}

/** 1-based page number; anything unreadable is page 1, anything too deep the last allowed. */
export function parsePage(value: unknown): number {
  const n = typeof value === 'string' && /^\d{1,6}$/.test(value) ? Number(value) : 1;
  return Math.min(Math.max(n, 1), PAGE_MAX);
}

export interface VoteDelta {
  for: number;
  against: number;
  total: number;
}

/** What changing a vote from `before` to `after` (none: null) does to the counters. */
export function voteDelta(before: Side | null, after: Side | null): VoteDelta {
  const d: VoteDelta = { for: 0, against: 0, total: 0 };
  if (before === after) return d;
  if (before) (d[before] -= 1), (d.total -= 1);
  if (after) (d[after] += 1), (d.total += 1);
  return d;
}

export interface Split {
  for: number;
  against: number;
  total: number;
  /** Rounded percentages that add up to 100 (or both 0): the legend and the bar's widths. */
  pct: { for: number; against: number };
}

export function split(votesFor: number, votesAgainst: number): Split {
  const total = votesFor + votesAgainst;
  const pctFor = total === 0 ? 0 : Math.round((100 * votesFor) / total);
  return { for: votesFor, against: votesAgainst, total, pct: { for: pctFor, against: total === 0 ? 0 : 100 - pctFor } };
}

/** What views/debate/_vote.eta shows, for the page and for the htmx answer of a vote. */
export interface VoteWidget {
  action: string;
  question: string;
  split: Split;
  mine: Side | null;
  canVote: boolean;
}

export function voteWidget(stepId: number, o: { question: string; votesFor: number; votesAgainst: number; mine: Side | null; canVote: boolean }): VoteWidget {
  return { action: `/debate/${stepId}/vote`, question: o.question, split: split(o.votesFor, o.votesAgainst), mine: o.mine, canVote: o.canVote };
}
