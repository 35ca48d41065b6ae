// Ranked ballots: the Condorcet winner (beats every other option in one-to-one comparisons) when
// there is one, and Schulze's method for the full ranking (it always puts that winner first).
// A ballot lists option indices best first; options it leaves out tie below those it lists, and
// an empty list is a blank vote. Pure.

export interface RankedResult {
  /** pairwise[i][j]: ballots preferring i to j. */
  pairwise: number[][];
  /** strongest[i][j]: strength of the strongest path from i to j (Schulze, winning votes). */
  strongest: number[][];
  condorcetWinner: number | null;
  /** Options best first; rank 1 + the number of options that beat it by Schulze's relation. */
  ranking: { option: number; rank: number; pairwiseWins: number }[];
  blank: number;
  total: number;
}

export function pairwiseMatrix(options: number, ballots: Iterable<readonly number[]>): { pairwise: number[][]; blank: number; total: number } {
  const pairwise = Array.from({ length: options }, () => new Array<number>(options).fill(0));
  const position = new Array<number>(options);
  let blank = 0;
  let total = 0;
  for (const ballot of ballots) {
    total++;
    if (ballot.length === 0) { blank++; continue; }
    position.fill(options);
    ballot.forEach((o, i) => {
      if (!Number.isInteger(o) || o < 0 || o >= options) throw new RangeError(`option ${o} outside 0..${options - 1}`);
      if (position[o] !== options) throw new RangeError('an option ranked twice');
      position[o] = i;
    });
    for (let i = 0; i < options; i++) for (let j = 0; j < options; j++) if (position[i]! < position[j]!) pairwise[i]![j]!++;
  }
  return { pairwise, blank, total };
}

export function condorcetWinner(pairwise: readonly (readonly number[])[]): number | null {
  const n = pairwise.length;
  for (let i = 0; i < n; i++) {
    let beatsAll = true;
    for (let j = 0; j < n && beatsAll; j++) if (i !== j && pairwise[i]![j]! <= pairwise[j]![i]!) beatsAll = false;
    if (beatsAll) return i;
  }
  return null;
}

export function schulzeStrongestPaths(pairwise: readonly (readonly number[])[]): number[][] {
  const n = pairwise.length;
  const p = Array.from({ length: n }, (_, i) => Array.from({ length: n }, (_, j) => (i !== j && pairwise[i]![j]! > pairwise[j]![i]! ? pairwise[i]![j]! : 0)));
  for (let k = 0; k < n; k++) {
    for (let i = 0; i < n; i++) {
      if (i === k) continue;
      for (let j = 0; j < n; j++) {
        if (j === i || j === k) continue;
        p[i]![j] = Math.max(p[i]![j]!, Math.min(p[i]![k]!, p[k]![j]!));
      }
    }
  }
  return p;
}

export function rankedFromPairwise(pairwise: readonly (readonly number[])[], blank: number, total: number): RankedResult {
  const n = pairwise.length;
  const strongest = schulzeStrongestPaths(pairwise);
  const beatenBy = (i: number) => strongest.reduce((c, row, j) => c + (j !== i && row[i]! > strongest[i]![j]! ? 1 : 0), 0);
  const wins = (i: number) => pairwise[i]!.reduce((c, v, j) => c + (j !== i && v > pairwise[j]![i]! ? 1 : 0), 0);
  const ranking = Array.from({ length: n }, (_, option) => ({ option, rank: 1 + beatenBy(option), pairwiseWins: wins(option) }))
    .sort((a, b) => a.rank - b.rank || a.option - b.option);
  return { pairwise: pairwise.map((r) => [...r]), strongest, condorcetWinner: condorcetWinner(pairwise), ranking, blank, total };
}

export function ranked(options: number, ballots: Iterable<readonly number[]>): RankedResult {
  const { pairwise, blank, total } = pairwiseMatrix(options, ballots);
  return rankedFromPairwise(pairwise, blank, total);
}
