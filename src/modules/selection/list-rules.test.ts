// The list's pure rules: which sorts a viewer is offered and when the counts show, parsing the
// address (sort, view, page, filters, words, seed), the FTS query, the list's addresses, and
// the visitor's seed (where they start reading the stored random order: pages.test.ts).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { countsShown, listHref, matchAll, parseFilterId, parsePage, parseSeed, parseSort, parseView, parseWords, newSeed, sortsFor, PAGE_MAX, SEED_MODULUS, SORTS, type ListState } from './list-rules.ts';

const NOW = new Date('2026-05-10T12:00:00Z');
const COUNTS: [string, string | null, boolean, boolean][] = [
  ['no date: always public', null, false, true],
  ['a date passed: public', '2026-05-10T11:59:59Z', false, true],
  ['the very date: public', '2026-05-10T12:00:00Z', false, true],
  ['a date to come: hidden from the public', '2026-05-10T12:00:01Z', false, false],
  ['a date to come: shown to administrators', '2030-01-01T00:00:00Z', true, true],
];
for (const [what, at, admin, expected] of COUNTS) test(`counts shown, ${what}`, () => assert.equal(countsShown(at, NOW, admin), expected));

test('the sort by supports is offered only to those who see the counts', () => {
  assert.deepEqual(sortsFor(true), [...SORTS]);
  assert.deepEqual(sortsFor(false), SORTS.filter((s) => s !== 'supports'));
});

const SORT_CASES: [unknown, boolean, string][] = [
  ['supports', true, 'supports'],
  ['supports', false, 'random'],
  ['cheapest', false, 'cheapest'],
  ['comments', true, 'comments'],
  ['votes', true, 'random'],
  [undefined, true, 'random'],
  [['newest'], true, 'random'],
];
for (const [value, shown, expected] of SORT_CASES) test(`sort ${JSON.stringify(value)} when counts are ${shown ? 'shown' : 'hidden'} is ${expected}`, () => assert.equal(parseSort(value, sortsFor(shown)), expected));

const PARSE: [string, () => unknown, unknown][] = [
  ['view list', () => parseView('list'), 'list'],
  ['view anything else is the grid', () => parseView('table'), 'grid'],
  ['page 3', () => parsePage('3'), 3],
  ['page 0 is page 1', () => parsePage('0'), 1],
  ['page -2 is page 1', () => parsePage('-2'), 1],
  ['a page too deep is the last allowed', () => parsePage('999999'), PAGE_MAX],
  ['a page that is no number is page 1', () => parsePage('deux'), 1],
  ['filter id 12', () => parseFilterId('12'), 12],
  ['filter id 0 is none', () => parseFilterId('0'), null],
  ['filter id "1; drop" is none', () => parseFilterId('1; drop'), null],
  ['filter given twice is none', () => parseFilterId(['1', '2']), null],
  ['words are trimmed', () => parseWords('  vélo  '), 'vélo'],
  ['words are cut to 200 characters', () => parseWords('a'.repeat(500)).length, 200],
  ['seed 42', () => parseSeed('42'), 42],
  ['seed 0 is none', () => parseSeed('0'), null],
  ['seed past the modulus is none', () => parseSeed(String(SEED_MODULUS)), null],
  ['FTS: words, the last as a prefix', () => matchAll('Abri vélos'), '"abri" "vélos"*'],
  ['FTS: syntax typed is read as words', () => matchAll('"verger" OR NEAR('), '"verger" "or" "near"*'],
  ['FTS: no word, no search', () => matchAll(' - '), null],
];
for (const [what, run, expected] of PARSE) test(`parsing: ${what}`, () => assert.deepEqual(run(), expected));

const STATE: ListState = { words: 'abri vélo', categoryId: 3, districtId: null, statusId: 7, sort: 'cheapest', view: 'list', page: 4 };
const HREFS: [string, Parameters<typeof listHref>[2], string][] = [
  ['a new sort starts at page 1 and keeps filters and view', { sort: 'newest' }, '/selection/9?q=abri+v%C3%A9lo&category=3&status=7&sort=newest&view=list'],
  ['the next page keeps everything', { page: 5 }, '/selection/9?q=abri+v%C3%A9lo&category=3&status=7&sort=cheapest&view=list&page=5'],
  ['the grid view', { view: 'grid', page: 4 }, '/selection/9?q=abri+v%C3%A9lo&category=3&status=7&sort=cheapest&page=4'],
];
for (const [what, change, expected] of HREFS) test(`list address: ${what}`, () => assert.equal(listHref('/selection/9', STATE, change), expected));

test('a seed drawn for a visitor is in the range of the proposals’ keys and reads back from its cookie', () => {
  fc.assert(
    fc.property(fc.double({ min: 0, max: 1, maxExcluded: true, noNaN: true }), (r) => {
      const seed = newSeed(() => r);
      assert.ok(Number.isInteger(seed) && seed >= 1 && seed < SEED_MODULUS);
      assert.equal(parseSeed(String(seed)), seed);
    }),
  );
});
