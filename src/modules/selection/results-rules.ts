// Pure rules of a selection step's results: the ranking of each envelope and its winners. No
// database: results.ts reads the counters, these rules order them, the page and the publication
// use the same answer.
//
// Ranking, per envelope (a district, or null for city-wide; one envelope when the step has none):
// - the score is the total of votes, digital (counted ballots) plus paper; in a ranked step it is
//   the total of points, digital plus paper. Staff enter a ranked step's paper ballots as two
//   counts per proposal: the paper ballots naming it and the points they give it, counted by
//   hand with the digital rule (maximum votes − position);
// - ties, in order: the higher total of votes (ranked steps), the lower cost (it leaves more of
//   the budget to others), then the older proposal (lower id, so earlier submitted). The order is
//   total and depends on nothing else, so a page, the publication and the export agree.
// Winners, taken down the ranking: a proposal wins when it has at least one vote, fits what is
// left of the envelope's budget (when the envelope has one) and the winners' number is not
// reached (when the administrator set one). A proposal that does not fit is skipped and the list
// goes on: a cheaper one further down may still fit (the usual practice of participatory budgets).
// Without a budget and without a number of winners, nobody is named winner: the ranking alone.

export interface ResultInput {
  proposalId: number;
  /** The envelope: a district id, or null for city-wide. */
  envelope: number | null;
  cost: number;
  /** Digital votes counted (ballots reaching the minimum, validated when asked). */
  votes: number;
  /** Digital points (ranked steps). */
  points: number;
  paperVotes: number;
  paperPoints: number;
}

/** winner; over_budget: did not fit what was left when its turn came (shown as skipped);
 * beyond_count: the winners' number was reached; no_votes: nobody voted for it; ranking_only:
 * the envelope names no winner (no budget, no number). */
export type Outcome = 'winner' | 'over_budget' | 'beyond_count' | 'no_votes' | 'ranking_only';

export interface ResultRow extends ResultInput {
  /** 1 for the first of its envelope. */
  rank: number;
  /** votes + paperVotes. */
  total: number;
  /** points + paperPoints. */
  totalPoints: number;
  outcome: Outcome;
  /** What was left of the envelope's budget when its turn came (null: no budget). */
  budgetLeft: number | null;
}

export interface EnvelopeResult {
  envelope: number | null;
  /** 0: no budget. */
  budget: number;
  /** The winners' cost. */
  spent: number;
  winners: number;
  rows: ResultRow[];
}

export interface ResultOptions {
  ranked: boolean;
  /** The budget of an envelope (0: none). */
  budgetOf: (envelope: number | null) => number;
  /** At most this many winners per envelope (0: no number). */
  winnersMax: number;
}

/** Negative when a ranks before b. */
export function compareResults(a: ResultInput, b: ResultInput, ranked: boolean): number {
  const total = (r: ResultInput) => r.votes + r.paperVotes;
  const score = (r: ResultInput) => (ranked ? r.points + r.paperPoints : total(r));
  return score(b) - score(a) || (ranked ? total(b) - total(a) : 0) || a.cost - b.cost || a.proposalId - b.proposalId;
}

/** Envelopes in order: city-wide first, then districts by id (the page orders them by name). */
export function computeResults(inputs: readonly ResultInput[], options: ResultOptions): EnvelopeResult[] {
  const byEnvelope = new Map<number | null, ResultInput[]>();
  for (const input of inputs) {
    const list = byEnvelope.get(input.envelope);
    if (list) list.push(input);
    else byEnvelope.set(input.envelope, [input]);
  }
  const keys = [...byEnvelope.keys()].sort((a, b) => (a === null ? -1 : b === null ? 1 : a - b));
  return keys.map((envelope) => envelopeResult(envelope, byEnvelope.get(envelope)!, options));
}

function envelopeResult(envelope: number | null, inputs: ResultInput[], options: ResultOptions): EnvelopeResult {
  const budget = Math.max(0, options.budgetOf(envelope));
  const sorted = [...inputs].sort((a, b) => compareResults(a, b, options.ranked));
  const names = budget > 0 || options.winnersMax > 0;
  let left = budget;
  let winners = 0;
  let spent = 0;
  const rows = sorted.map((input, i): ResultRow => {
    const total = input.votes + input.paperVotes;
    const row = { ...input, rank: i + 1, total, totalPoints: input.points + input.paperPoints, budgetLeft: budget > 0 ? left : null };
    const outcome: Outcome = !names
      ? 'ranking_only'
      : total === 0
        ? 'no_votes'
        : options.winnersMax > 0 && winners >= options.winnersMax
          ? 'beyond_count'
          : budget > 0 && input.cost > left
            ? 'over_budget'
            : 'winner';
    if (outcome === 'winner') {
      winners++;
      spent += input.cost;
      if (budget > 0) left -= input.cost;
    }
    return { ...row, outcome };
  });
  return { envelope, budget, spent, winners, rows };
}

/** The envelope a proposal of the vote counts in, given the step's envelopes setting. */
export function envelopeOf(districtId: number | null, envelopes: 'none' | 'districts' | 'districts_and_city'): number | null {
  return envelopes === 'none' ? null : districtId;
}
