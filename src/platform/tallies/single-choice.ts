// Single choice: one option per ballot, or a blank vote (null). Pure; the counts can also come
// from counters (singleChoiceFromCounts).
import { rankByScore } from './ranking.ts';

export interface SingleChoiceResult {
  /** Votes per option, index = option. */
  counts: number[];
  blank: number;
  /** Every ballot, blank ones included. */
  total: number;
  /** Options best first with their votes and competition rank (1, 1, 3). */
  ranking: { option: number; votes: number; rank: number }[];
  /** The options ranked first when at least one vote was cast for an option. */
  winners: number[];
}

export function singleChoiceFromCounts(counts: readonly number[], blank: number): SingleChoiceResult {
  const ranking = rankByScore(counts).map(({ option, rank }) => ({ option, votes: counts[option]!, rank }));
  const cast = counts.reduce((a, b) => a + b, 0);
  return { counts: [...counts], blank, total: cast + blank, ranking, winners: cast === 0 ? [] : ranking.filter((r) => r.rank === 1).map((r) => r.option) };
}

/** Ballots: an option index, or null for a blank vote. An index outside 0..options-1 throws. */
export function singleChoice(options: number, ballots: Iterable<number | null>): SingleChoiceResult {
  const counts = new Array<number>(options).fill(0);
  let blank = 0;
  for (const choice of ballots) {
    if (choice === null) blank++;
    else if (Number.isInteger(choice) && choice >= 0 && choice < options) counts[choice]!++;
    else throw new RangeError(`option ${choice} outside 0..${options - 1}`);
  }
  return singleChoiceFromCounts(counts, blank);
}
