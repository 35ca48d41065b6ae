// Single choice and approval: known ballots table-driven, then totals and permutation invariance
// with fast-check.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { singleChoice } from './single-choice.ts';
import { approval } from './approval.ts';

const shuffle = <T>(items: readonly T[], keys: (i: number) => number) => items.map((b, i) => ({ b, k: keys(i) })).sort((x, y) => x.k - y.k).map((x) => x.b);

test('single choice counts each option, blank votes apart, and ranks with shared ranks', () => {
  const table: [number, (number | null)[], number[], number, [number, number][], number[]][] = [
    [3, [0, 1, 1, null, 2, 1], [1, 3, 1], 1, [[1, 1], [0, 2], [2, 2]], [1]],
    [2, [0, 1], [1, 1], 0, [[0, 1], [1, 1]], [0, 1]],
    [2, [null, null], [0, 0], 2, [[0, 1], [1, 1]], []],
    [2, [], [0, 0], 0, [[0, 1], [1, 1]], []],
  ];
  for (const [options, ballots, counts, blank, ranking, winners] of table) {
    const r = singleChoice(options, ballots);
    assert.deepEqual([r.counts, r.blank, r.total, r.ranking.map((x) => [x.option, x.rank]), r.winners], [counts, blank, ballots.length, ranking, winners], JSON.stringify(ballots));
  }
  assert.throws(() => singleChoice(2, [2]), RangeError);
  assert.throws(() => singleChoice(2, [0.5]), RangeError);
});

test('approval counts each approved option, an empty ballot is blank, duplicates are refused', () => {
  const r = approval(3, [[0, 2], [2], [], [0, 1, 2]]);
  assert.deepEqual([r.counts, r.blank, r.total, r.winners], [[2, 1, 3], 1, 4, [2]]);
  assert.deepEqual(r.ranking.map((x) => [x.option, x.approvals, x.share, x.rank]), [[2, 3, 0.75, 1], [0, 2, 0.5, 2], [1, 1, 0.25, 3]]);
  assert.throws(() => approval(3, [[1, 1]]), RangeError);
  assert.throws(() => approval(3, [[3]]), RangeError);
});

test('single choice: votes plus blank equal the ballots, whatever their order', () => {
  fc.assert(fc.property(fc.integer({ min: 1, max: 6 }).chain((n) => fc.tuple(fc.constant(n), fc.array(fc.option(fc.nat(n - 1)), { maxLength: 60 }))), fc.func(fc.integer()), ([n, ballots], keys) => {
    const r = singleChoice(n, ballots);
    assert.equal(r.counts.reduce((a, b) => a + b, 0) + r.blank, ballots.length);
    assert.equal(r.total, ballots.length);
    assert.deepEqual(singleChoice(n, shuffle(ballots, keys)), r);
  }), { numRuns: 300 });
});

test('approval: each option counts the ballots approving it, whatever their order', () => {
  const ballotArb = (n: number) => fc.uniqueArray(fc.nat(n - 1), { maxLength: n });
  fc.assert(fc.property(fc.integer({ min: 1, max: 6 }).chain((n) => fc.tuple(fc.constant(n), fc.array(ballotArb(n), { maxLength: 60 }))), fc.func(fc.integer()), ([n, ballots], keys) => {
    const r = approval(n, ballots);
    assert.equal(r.total, ballots.length);
    assert.equal(r.counts.reduce((a, b) => a + b, 0), ballots.reduce((s, b) => s + b.length, 0));
    for (let o = 0; o < n; o++) assert.equal(r.counts[o], ballots.filter((b) => b.includes(o)).length);
    assert.deepEqual(approval(n, shuffle(ballots, keys)), r);
  }), { numRuns: 300 });
});
