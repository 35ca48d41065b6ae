// Ranked ballots: a known Schulze example, the pairwise matrix, then with fast-check: the
// Condorcet winner always wins, the ranking ignores ballot order, and pairs add up to the ballots.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { ranked, pairwiseMatrix } from './condorcet-schulze.ts';

/** `count` ballots with the same order, letters a.. naming options 0.. */
const repeat = (count: number, order: string) => Array.from({ length: count }, () => [...order].map((c) => c.charCodeAt(0) - 97));

test('the pairwise matrix counts who prefers whom; unranked options tie below ranked ones', () => {
  const { pairwise, blank, total } = pairwiseMatrix(3, [[0, 1, 2], [1], []]);
  assert.deepEqual(pairwise, [[0, 1, 1], [1, 0, 2], [0, 0, 0]]);
  assert.deepEqual([blank, total], [1, 3]);
  assert.throws(() => pairwiseMatrix(3, [[0, 0]]), RangeError);
  assert.throws(() => pairwiseMatrix(3, [[3]]), RangeError);
});

test('Schulze ranks the classic 45-ballot example E, A, C, B, D without a Condorcet winner', () => {
  const ballots = [...repeat(5, 'acbed'), ...repeat(5, 'adecb'), ...repeat(8, 'bedac'), ...repeat(3, 'cabed'), ...repeat(7, 'caebd'),
    ...repeat(2, 'cbade'), ...repeat(7, 'dceba'), ...repeat(8, 'ebadc')];
  const r = ranked(5, ballots);
  assert.equal(r.condorcetWinner, null);
  assert.deepEqual(r.ranking.map((x) => x.option), [4, 0, 2, 1, 3]);
  assert.deepEqual(r.ranking.map((x) => x.rank), [1, 2, 3, 4, 5]);
  assert.equal(r.total, 45);
});

test('a Condorcet winner is found and ranked first alone; a perfect tie shares the first rank', () => {
  const r = ranked(3, [...repeat(3, 'bac'), ...repeat(2, 'abc'), ...repeat(1, 'cba')]);
  assert.equal(r.condorcetWinner, 1);
  assert.deepEqual(r.ranking.map((x) => [x.option, x.rank]), [[1, 1], [0, 2], [2, 3]]);
  const tie = ranked(2, [[0, 1], [1, 0]]);
  assert.equal(tie.condorcetWinner, null);
  assert.deepEqual(tie.ranking.map((x) => x.rank), [1, 1]);
});

const ballotsArb = fc.integer({ min: 2, max: 5 }).chain((n) => fc.tuple(fc.constant(n), fc.array(fc.shuffledSubarray([...Array(n).keys()]), { maxLength: 40 })));

test('the Condorcet winner, when there is one, is always ranked first and alone', () => {
  fc.assert(fc.property(ballotsArb, ([n, ballots]) => {
    const r = ranked(n, ballots);
    if (r.condorcetWinner === null) return;
    assert.equal(r.ranking[0]!.option, r.condorcetWinner);
    assert.equal(r.ranking[0]!.rank, 1);
    assert.ok(r.ranking.slice(1).every((x) => x.rank > 1));
  }), { numRuns: 1000 });
});

test('any order of the ballots gives the same result, and each pair adds up to at most the ballots', () => {
  fc.assert(fc.property(ballotsArb, fc.func(fc.integer()), ([n, ballots], keys) => {
    const r = ranked(n, ballots);
    const shuffled = ballots.map((b, i) => ({ b, k: keys(i) })).sort((x, y) => x.k - y.k).map((x) => x.b);
    assert.deepEqual(ranked(n, shuffled), r);
    assert.equal(r.total, ballots.length);
    for (let i = 0; i < n; i++) for (let j = 0; j < n; j++) if (i !== j) assert.ok(r.pairwise[i]![j]! + r.pairwise[j]![i]! <= ballots.length - r.blank);
    // Schulze's relation is transitive: ranks are consistent with the strongest paths.
    for (const a of r.ranking) for (const b of r.ranking) if (a.rank < b.rank) assert.ok(r.strongest[a.option]![b.option]! >= r.strongest[b.option]![a.option]!);
  }), { numRuns: 500 });
});
