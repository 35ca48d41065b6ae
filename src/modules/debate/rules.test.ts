// The debate's pure rules, table-driven: parsing what forms and addresses send, what a change of
// vote does to the counters (with its invariant over every pair of states), and the split's
// percentages, which always add up to 100.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parsePage, parseSide, parseSort, parseVoteChoice, split, voteDelta, PAGE_MAX } from './rules.ts';

test('sides, vote choices, sorts and pages are parsed strictly, with safe fallbacks', () => {
  for (const [value, side, choice] of [
    ['for', 'for', 'for'],
    ['against', 'against', 'against'],
    ['withdraw', null, 'withdraw'],
    ['FOR', null, null],
    ['', null, null],
    [undefined, null, null],
    [['for'], null, null],
  ] as const) {
    assert.equal(parseSide(value), side, String(value));
    assert.equal(parseVoteChoice(value), choice, String(value));
  }
  assert.equal(parseSort('newest', 'useful'), 'newest');
  assert.equal(parseSort('random', 'useful'), 'useful');
  assert.equal(parseSort(undefined, 'newest'), 'newest');
  for (const [value, page] of [['1', 1], ['3', 3], ['0', 1], ['-2', 1], ['x', 1], ['9999999', 1], ['999999', PAGE_MAX], [undefined, 1]] as const) {
    assert.equal(parsePage(value), page, String(value));
  }
});

test('a change of vote moves each counter by the change actually made', () => {
  const table = [
    [null, 'for', { for: 1, against: 0, total: 1 }],
    [null, 'against', { for: 0, against: 1, total: 1 }],
    ['for', 'against', { for: -1, against: 1, total: 0 }],
    ['against', null, { for: 0, against: -1, total: -1 }],
    ['for', 'for', { for: 0, against: 0, total: 0 }],
    [null, null, { for: 0, against: 0, total: 0 }],
  ] as const;
  for (const [before, after, delta] of table) assert.deepEqual(voteDelta(before, after), delta, `${before} → ${after}`);
  // Invariant: applying the delta to the counts of `before` gives the counts of `after`.
  const states = [null, 'for', 'against'] as const;
  const counts = (s: (typeof states)[number]) => ({ for: s === 'for' ? 1 : 0, against: s === 'against' ? 1 : 0, total: s ? 1 : 0 });
  for (const before of states) {
    for (const after of states) {
      const d = voteDelta(before, after);
      const b = counts(before);
      assert.deepEqual({ for: b.for + d.for, against: b.against + d.against, total: b.total + d.total }, counts(after));
    }
  }
});

test('the split gives rounded percentages that add up to 100, or 0 and 0 without votes', () => {
  for (const [f, a, pct] of [
    [0, 0, { for: 0, against: 0 }],
    [1, 0, { for: 100, against: 0 }],
    [1, 2, { for: 33, against: 67 }],
    [2, 1, { for: 67, against: 33 }],
    [1, 1, { for: 50, against: 50 }],
    [1, 199, { for: 1, against: 99 }],
  ] as const) {
    const s = split(f, a);
    assert.deepEqual(s.pct, pct, `${f} / ${a}`);
    assert.equal(s.total, f + a);
  }
  for (let f = 0; f < 40; f++) for (let a = 1; a < 40; a++) assert.equal(split(f, a).pct.for + split(f, a).pct.against, 100);
});
