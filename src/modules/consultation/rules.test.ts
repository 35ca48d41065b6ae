// Table-driven tests of the consultation's pure rules.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { voteDelta, controversy, tally, parseSort, parseKind, parsePage, parseVoteChoice, parseSeed, newSeed, randomKey, swatchColourOk, buildTree, flattenTree, subtreeIds, ancestry, PAGE_MAX } from './rules.ts';

test('a vote change moves the counters by exactly the change made', () => {
  const cases: [Parameters<typeof voteDelta>[0], Parameters<typeof voteDelta>[1], [number, number, number, number]][] = [
    [null, 'agree', [1, 0, 0, 1]],
    [null, 'disagree', [0, 0, 1, 1]],
    ['agree', 'agree', [0, 0, 0, 0]],
    ['agree', 'mitigated', [-1, 1, 0, 0]],
    ['disagree', null, [0, 0, -1, -1]],
    [null, null, [0, 0, 0, 0]],
  ];
  for (const [before, after, [a, m, d, total]] of cases) assert.deepEqual(voteDelta(before, after), { agree: a, mitigated: m, disagree: d, total }, `${before} → ${after}`);
});

test('controversy is high when many vote and split evenly', () => {
  assert.equal(controversy(50, 50), 100);
  assert.equal(controversy(100, 2), 4);
  assert.equal(controversy(0, 10), 0);
  assert.ok(controversy(40, 40) > controversy(100, 10));
});

test('the tally gives rounded percentages and zero for no votes', () => {
  assert.deepEqual(tally(0, 0, 0).pct, { agree: 0, mitigated: 0, disagree: 0 });
  assert.deepEqual(tally(1, 1, 1).pct, { agree: 33, mitigated: 33, disagree: 33 });
  assert.equal(tally(3, 0, 1).total, 4);
  assert.equal(tally(3, 0, 1).pct.agree, 75);
});

test('list parameters fall back to safe values', () => {
  assert.equal(parseSort('votes', 'newest'), 'votes');
  assert.equal(parseSort('drop table', 'oldest'), 'oldest');
  assert.equal(parseSort(undefined, 'random'), 'random');
  assert.equal(parseKind('amendment'), 'amendment');
  assert.equal(parseKind('argument'), 'opinion');
  assert.equal(parsePage('3'), 3);
  for (const bad of ['0', '-1', 'abc', '1e3', undefined, '2.5']) assert.equal(parsePage(bad), 1, String(bad));
  assert.equal(parsePage('999999'), PAGE_MAX);
});

test('only the three vote values and withdraw are accepted', () => {
  for (const ok of ['agree', 'mitigated', 'disagree', 'withdraw'] as const) assert.equal(parseVoteChoice(ok), ok);
  for (const bad of ['', 'AGREE', 'yes', undefined, ['agree']]) assert.equal(parseVoteChoice(bad), null);
});


test('random seeds stay inside the modulus', () => {
  assert.equal(parseSeed('42'), 42);
  for (const bad of ['0', '2147483647', 'x', '-12', '1.5']) assert.equal(parseSeed(bad), null, bad);
  assert.equal(newSeed(() => 0), 1);
  assert.ok(newSeed(() => 0.999999999) < 2147483647);
});

test('the random key scrambles neighbouring ids for every seed, and differs across seeds', () => {
  const ids = Array.from({ length: 12 }, (_, i) => i + 1);
  const orders = new Set<string>();
  for (const seed of [1, 2, 3, 1024, 1048576, 123456789, 2147483646]) {
    const order = [...ids].sort((a, b) => randomKey(a, seed) - randomKey(b, seed) || a - b);
    assert.notDeepEqual(order, ids, `seed ${seed}`);
    assert.notDeepEqual(order, [...ids].reverse(), `seed ${seed}`);
    orders.add(order.join(','));
    assert.equal(randomKey(7, seed), randomKey(7, seed));
  }
  assert.equal(orders.size, 7);
});

test('a type colour must be a hex code dark enough for a 3:1 border on white', () => {
  assert.equal(swatchColourOk('#1d4ed8'), true);
  assert.equal(swatchColourOk('#000000'), true);
  assert.equal(swatchColourOk('#ffff00'), false);
  assert.equal(swatchColourOk('#cccccc'), false);
  assert.equal(swatchColourOk('red'), false);
  assert.equal(swatchColourOk('#12345'), false);
});

test('the section tree keeps positions, depth, descendants and ancestry', () => {
  const rows = [
    { id: 1, parent_id: null, position: 2 },
    { id: 2, parent_id: null, position: 1 },
    { id: 3, parent_id: 1, position: 2 },
    { id: 4, parent_id: 1, position: 1 },
    { id: 5, parent_id: 4, position: 1 },
  ];
  const tree = buildTree(rows);
  assert.deepEqual(tree.map((n) => n.section.id), [2, 1]);
  assert.deepEqual(flattenTree(tree).map((n) => [n.section.id, n.depth]), [[2, 0], [1, 0], [4, 1], [5, 2], [3, 1]]);
  assert.deepEqual(subtreeIds(rows, 1).sort(), [1, 3, 4, 5]);
  assert.deepEqual(ancestry(rows, 5).map((r) => r.id), [1, 4, 5]);
});
