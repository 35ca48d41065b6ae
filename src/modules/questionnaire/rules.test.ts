// Pure rules of the questionnaire, table-driven: what an answer adds to the counters, mean and
// median from a histogram, a ranking's Borda points; and the property that counters built from
// the slots equal any order of the same responses.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import type { Question } from '../../platform/questions/types.ts';
import { meanMedian, rankingScores, slotsOf, segmentOf } from './rules.ts';

const q = (type: Question['type'], config: Question['config'] = {}): Question => ({ id: 1, type, title: 'Q', help: '', required: false, private: false, position: 1, config, showIf: [], jump: null });

const SLOTS: [string, Question, Parameters<typeof slotsOf>[1], string[]][] = [
  ['a text counts as answered only', q('short_text'), 'Bonjour', ['answered']],
  ['a single choice counts its option', q('single', { options: ['A', 'B'] }), 1, ['answered', '1']],
  ['yes / no counts its side', q('yes_no'), false, ['answered', 'no']],
  ['a number counts its value', q('number'), 12.5, ['answered', '12.5']],
  ['multiple choices count each option and "other"', q('multiple', { options: ['A', 'B', 'C'], other: true }), { choices: [0, 2], other: 'x' }, ['answered', '0', '2', 'other']],
  ['a ranking counts each option at its position', q('ranking', { options: ['A', 'B', 'C'] }), [2, 0], ['answered', '2:0', '0:1']],
  ['a grid counts each answered row', q('grid', { rows: ['R1', 'R2'], columns: ['C1', 'C2'] }), [null, 1], ['answered', '1:1']],
  ['a majority judgment counts each option’s grade', q('majority', { options: ['A', 'B'] }), [0, 5], ['answered', '0:0', '1:5']],
];
for (const [name, question, answer, slots] of SLOTS) test(name, () => assert.deepEqual(slotsOf(question, answer), slots));

const STATS: [string, [number, number][], { mean: number; median: number; count: number } | null][] = [
  ['no values give no statistics', [], null],
  ['one value is its own mean and median', [[7, 1]], { mean: 7, median: 7, count: 1 }],
  ['an even count takes the middle two values’ average', [[1, 1], [2, 1], [3, 1], [10, 1]], { mean: 4, median: 2.5, count: 4 }],
  ['an odd count takes the middle value', [[0, 2], [10, 1]], { mean: 3.33, median: 0, count: 3 }],
  ['values with zero count are ignored', [[5, 0], [6, 2]], { mean: 6, median: 6, count: 2 }],
];
for (const [name, histogram, expected] of STATS) test(name, () => assert.deepEqual(meanMedian(new Map(histogram)), expected));

test('a ranking orders options by Borda points, then by first places', () => {
  // Three options ranked two deep: A first twice, B first once and second twice, C second once.
  const scores = rankingScores(['A', 'B', 'C'], [[2, 0], [1, 2], [0, 1]], 2);
  // Equal points for A and B: A, ranked first more often, comes first.
  assert.deepEqual(scores.map((s) => [s.label, s.points, s.first]), [['A', 4, 2], ['B', 4, 1], ['C', 1, 0]]);
});

test('a district is its own segment; no district counts in everyone only', () => {
  assert.equal(segmentOf(12), 'd12');
  assert.equal(segmentOf(null), '');
});

test('property: counters from slots do not depend on the order of responses', () => {
  const question = q('multiple', { options: ['A', 'B', 'C', 'D'], other: true });
  const answer = fc.record({ choices: fc.uniqueArray(fc.nat(3), { maxLength: 4 }).map((a) => a.sort()), other: fc.constantFrom('', 'x') });
  fc.assert(
    fc.property(fc.array(answer, { maxLength: 30 }), (answers) => {
      const count = (list: typeof answers) => {
        const m = new Map<string, number>();
        for (const a of list) for (const s of slotsOf(question, a)) m.set(s, (m.get(s) ?? 0) + 1);
        return Object.fromEntries([...m].sort());
      };
      assert.deepEqual(count([...answers].reverse()), count(answers));
      assert.equal(count(answers).answered ?? 0, answers.length);
    }),
  );
});
