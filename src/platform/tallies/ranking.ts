// Competition ranks (1, 1, 3) from scores, shared by the count-based tallies: higher scores first,
// equal scores share a rank, equal options keep their order.

export interface Ranked { option: number; rank: number }

export function rankByScore(scores: readonly number[]): Ranked[] {
  const order = scores.map((_, i) => i).sort((i, j) => scores[j]! - scores[i]! || i - j);
  const ranked: Ranked[] = [];
  order.forEach((option, position) => {
    const previous = ranked[position - 1];
    const tied = previous !== undefined && scores[order[position - 1]!] === scores[option];
    ranked.push({ option, rank: tied ? previous.rank : position + 1 });
  });
  return ranked;
}
