// The results' pure rules, table-driven, and with fast-check: winners never exceed an envelope's
// budget nor its number, adding a vote never lowers a proposal's rank, paper votes add exactly,
// and a skipped proposal really did not fit.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { compareResults, computeResults, envelopeOf, type ResultInput } from './results-rules.ts';

const p = (proposalId: number, votes: number, extra: Partial<ResultInput> = {}): ResultInput => ({ proposalId, envelope: null, cost: 0, votes, points: 0, paperVotes: 0, paperPoints: 0, ...extra });
const options = (budget: number, winnersMax = 0, ranked = false) => ({ ranked, budgetOf: () => budget, winnersMax });
const summary = (inputs: ResultInput[], opts: ReturnType<typeof options>) =>
  computeResults(inputs, opts).map((e) => e.rows.map((r) => `${r.proposalId}:${r.outcome}`).join(' '));

test('a budget takes proposals in order while they fit, skips those that do not and goes on down the list', () => {
  const table: [string, ResultInput[], ReturnType<typeof options>, string[]][] = [
    ['all fit', [p(1, 5, { cost: 100 }), p(2, 3, { cost: 200 })], options(300), ['1:winner 2:winner']],
    ['the second does not fit, a cheaper third does', [p(1, 9, { cost: 600 }), p(2, 8, { cost: 500 }), p(3, 7, { cost: 400 })], options(1000), ['1:winner 2:over_budget 3:winner']],
    ['exactly the budget fits', [p(1, 2, { cost: 1000 })], options(1000), ['1:winner']],
    ['one euro too many', [p(1, 2, { cost: 1001 })], options(1000), ['1:over_budget']],
    ['no vote, no win, even when it fits', [p(1, 2, { cost: 10 }), p(2, 0, { cost: 10 })], options(1000), ['1:winner 2:no_votes']],
    ['paper votes alone win', [p(1, 0, { cost: 10, paperVotes: 1 })], options(1000), ['1:winner']],
    ['a number of winners without a budget', [p(1, 3), p(2, 2), p(3, 1)], options(0, 2), ['1:winner 2:winner 3:beyond_count']],
    ['a number of winners and a budget', [p(1, 3, { cost: 1 }), p(2, 2, { cost: 5 }), p(3, 1, { cost: 1 })], options(3, 1), ['1:winner 2:beyond_count 3:beyond_count']],
    ['no budget and no number: a ranking only', [p(1, 3), p(2, 2)], options(0, 0), ['1:ranking_only 2:ranking_only']],
  ];
  for (const [name, inputs, opts, expected] of table) assert.deepEqual(summary(inputs, opts), expected, name);
});

test('ties go to the higher total of votes when ranked, then the cheaper, then the older proposal', () => {
  const table: [string, ResultInput, ResultInput, boolean, number][] = [
    ['more votes first', p(1, 5), p(2, 6), false, 1],
    ['paper votes count', p(1, 5, { paperVotes: 2 }), p(2, 6), false, -1],
    ['equal: the cheaper', p(1, 5, { cost: 20 }), p(2, 5, { cost: 10 }), false, 1],
    ['equal and same cost: the older', p(1, 5, { cost: 10 }), p(2, 5, { cost: 10 }), false, -1],
    ['ranked: points first', p(1, 9, { points: 10 }), p(2, 1, { points: 12 }), true, 1],
    ['ranked: paper points count', p(1, 9, { points: 10, paperPoints: 3 }), p(2, 1, { points: 12 }), true, -1],
    ['ranked tie: more votes', p(1, 2, { points: 10 }), p(2, 3, { points: 10 }), true, 1],
  ];
  for (const [name, a, b, ranked, sign] of table) assert.equal(Math.sign(compareResults(a, b, ranked)), sign, name);
});

test('each envelope is ranked and budgeted on its own, city-wide first', () => {
  const inputs = [p(1, 5, { envelope: 7, cost: 80 }), p(2, 9, { envelope: null, cost: 50 }), p(3, 8, { envelope: 7, cost: 30 }), p(4, 1, { envelope: 3, cost: 10 })];
  const budgets = new Map<number | null, number>([[null, 100], [7, 100], [3, 5]]);
  const result = computeResults(inputs, { ranked: false, budgetOf: (e) => budgets.get(e) ?? 0, winnersMax: 0 });
  assert.deepEqual(
    result.map((e) => [e.envelope, e.budget, e.spent, e.winners, e.rows.map((r) => `${r.rank}.${r.proposalId}:${r.outcome}:${r.budgetLeft}`)]),
    [
      [null, 100, 50, 1, ['1.2:winner:100']],
      [3, 5, 0, 0, ['1.4:over_budget:5']],
      [7, 100, 30, 1, ['1.3:winner:100', '2.1:over_budget:70']],
    ],
  );
  assert.equal(envelopeOf(7, 'none'), null);
  assert.equal(envelopeOf(7, 'districts'), 7);
  assert.equal(envelopeOf(null, 'districts_and_city'), null);
});

const inputArb = (n: number) =>
  fc.array(
    fc.record({
      envelope: fc.constantFrom(null, 1, 2),
      cost: fc.integer({ min: 0, max: 500 }),
      votes: fc.integer({ min: 0, max: 20 }),
      points: fc.integer({ min: 0, max: 60 }),
      paperVotes: fc.integer({ min: 0, max: 5 }),
      paperPoints: fc.integer({ min: 0, max: 15 }),
    }),
    { minLength: 1, maxLength: n },
  ).map((rows) => rows.map((r, i): ResultInput => ({ ...r, proposalId: i + 1 })));
const optionsArb = fc.record({ ranked: fc.boolean(), budget: fc.integer({ min: 0, max: 1500 }), winnersMax: fc.integer({ min: 0, max: 4 }) });
const rankOf = (inputs: ResultInput[], opts: { ranked: boolean; budget: number; winnersMax: number }, id: number) => {
  for (const e of computeResults(inputs, { ...opts, budgetOf: () => opts.budget })) for (const r of e.rows) if (r.proposalId === id) return r.rank;
  throw new Error('lost');
};

test('winners never exceed an envelope’s budget nor its number, and a skipped one really did not fit', () => {
  fc.assert(
    fc.property(inputArb(30), optionsArb, (inputs, o) => {
      const result = computeResults(inputs, { ...o, budgetOf: () => o.budget });
      assert.equal(result.reduce((n, e) => n + e.rows.length, 0), inputs.length);
      for (const e of result) {
        const winners = e.rows.filter((r) => r.outcome === 'winner');
        const cost = winners.reduce((s, r) => s + r.cost, 0);
        assert.equal(e.spent, cost);
        if (o.budget > 0) assert.ok(cost <= o.budget);
        if (o.winnersMax > 0) assert.ok(winners.length <= o.winnersMax);
        for (const r of e.rows) {
          assert.ok(r.outcome !== 'winner' || r.total > 0);
          if (r.outcome === 'over_budget') assert.ok(r.budgetLeft !== null && r.cost > r.budgetLeft);
        }
        // Greedy: with a budget and no number, a proposal with votes that still fits what is left
        // at the end would have been taken.
        if (o.budget > 0 && o.winnersMax === 0) for (const r of e.rows) if (r.outcome !== 'winner' && r.total > 0) assert.ok(r.cost > o.budget - cost);
        e.rows.forEach((r, i) => assert.equal(r.rank, i + 1));
      }
    }),
    { numRuns: 1000 },
  );
});

test('adding a vote (or its points) never lowers a proposal’s rank', () => {
  fc.assert(
    fc.property(inputArb(25), optionsArb, fc.nat(), fc.integer({ min: 0, max: 10 }), fc.boolean(), (inputs, o, pick, points, paper) => {
      const target = inputs[pick % inputs.length]!;
      const before = rankOf(inputs, o, target.proposalId);
      const more = inputs.map((r) =>
        r === target ? (paper ? { ...r, paperVotes: r.paperVotes + 1, paperPoints: r.paperPoints + points } : { ...r, votes: r.votes + 1, points: r.points + points }) : r,
      );
      assert.ok(rankOf(more, o, target.proposalId) <= before);
    }),
    { numRuns: 1000 },
  );
});

test('paper votes add exactly: to the proposal’s total and to the sum of every total', () => {
  fc.assert(
    fc.property(inputArb(25), optionsArb, fc.nat(), fc.integer({ min: 0, max: 1000 }), (inputs, o, pick, extra) => {
      const target = inputs[pick % inputs.length]!;
      const rows = (list: ResultInput[]) => computeResults(list, { ...o, budgetOf: () => o.budget }).flatMap((e) => e.rows);
      const before = rows(inputs);
      const after = rows(inputs.map((r) => (r === target ? { ...r, paperVotes: r.paperVotes + extra } : r)));
      const sum = (list: typeof before) => list.reduce((s, r) => s + r.total, 0);
      assert.equal(sum(before), inputs.reduce((s, r) => s + r.votes + r.paperVotes, 0));
      assert.equal(sum(after), sum(before) + extra);
      const find = (list: typeof before) => list.find((r) => r.proposalId === target.proposalId)!;
      assert.equal(find(after).total, find(before).total + extra);
      assert.equal(find(after).votes, find(before).votes);
    }),
    { numRuns: 1000 },
  );
});
