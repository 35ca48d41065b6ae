// Approval: each ballot approves a set of options (at most `max` when the question limits it);
// an empty set is a blank vote. Options rank by their approvals. Pure.
import { rankByScore } from './ranking.ts';

export interface ApprovalResult {
  /** Approvals per option, index = option. */
  counts: number[];
  blank: number;
  total: number;
  ranking: { option: number; approvals: number; share: number; rank: number }[];
  winners: number[];
}

export function approvalFromCounts(counts: readonly number[], blank: number, total: number): ApprovalResult {
  const ranking = rankByScore(counts).map(({ option, rank }) => ({ option, approvals: counts[option]!, share: total === 0 ? 0 : counts[option]! / total, rank }));
  const any = counts.some((c) => c > 0);
  return { counts: [...counts], blank, total, ranking, winners: any ? ranking.filter((r) => r.rank === 1).map((r) => r.option) : [] };
}

/** Ballots: the approved option indices; duplicates or an index outside the options throw. */
export function approval(options: number, ballots: Iterable<readonly number[]>): ApprovalResult {
  const counts = new Array<number>(options).fill(0);
  let blank = 0;
  let total = 0;
  for (const ballot of ballots) {
    total++;
    if (ballot.length === 0) blank++;
    if (new Set(ballot).size !== ballot.length) throw new RangeError('an option approved twice');
    for (const o of ballot) {
      if (!Number.isInteger(o) || o < 0 || o >= options) throw new RangeError(`option ${o} outside 0..${options - 1}`);
      counts[o]!++;
    }
  }
  return approvalFromCounts(counts, blank, total);
}
