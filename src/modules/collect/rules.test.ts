// The collect step's pure rules, table-driven: costs as people type them, the stored form
// configuration over its defaults, sorts, views, pages and filters from the address, the words
// of a search turned into FTS5 queries (never FTS5 syntax from the visitor), category colours;
// and properties of the random order's keys and seeds and of the search queries.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { formConfig, matchAll, matchAny, parseCost, parseFilterId, parsePage, parseSeed, parseSort, parseView, newSeed, newShuffleKey, searchWords, swatchColourOk, PAGE_MAX, COST_LIMIT, SEED_MODULUS } from './rules.ts';

const COSTS: [string, number | null][] = [
  ['15000', 15000],
  ['15 000', 15000],
  ['15\u202f000 €', 15000],
  ['0', 0],
  ['12,5', null],
  ['-3', null],
  ['douze', null],
  [String(COST_LIMIT), COST_LIMIT],
  [String(COST_LIMIT + 1), null],
  ['', null],
];
for (const [typed, expected] of COSTS) test(`a cost typed "${typed}" reads as ${expected}`, () => assert.equal(parseCost(typed), expected));

test('a step without a stored form asks for a summary and a text, offers category, district and address, and hides the cost and the files', () => {
  const f = formConfig(null);
  assert.deepEqual(Object.fromEntries(Object.entries(f.fields).map(([k, v]) => [k, v.mode])), { summary: 'required', body: 'required', category: 'optional', district: 'optional', address: 'optional', cost: 'off', image: 'off', attachments: 'off' });
  assert.deepEqual([f.files, f.insideDistrict], [{ count: 3, mb: 5 }, false]);
  assert.equal(f.costMax, null);
});

test('a stored form keeps its modes, help and maximum, and anything unreadable falls back to the defaults', () => {
  const f = formConfig(JSON.stringify({ fields: { cost: { mode: 'required', help: 'En euros' }, body: { mode: 'nope' } }, costMax: 50000 }));
  assert.deepEqual(f.fields.cost, { mode: 'required', help: 'En euros' });
  assert.equal(f.fields.body.mode, 'required');
  assert.equal(f.costMax, 50000);
  assert.equal(formConfig('{not json').fields.summary.mode, 'required');
  assert.equal(formConfig(JSON.stringify({ costMax: -5 })).costMax, null);
});

const ADDRESS: [string, unknown, unknown][] = [
  ['sort', 'cheapest', 'cheapest'],
  ['sort', 'votes', 'newest'],
  ['view', 'list', 'list'],
  ['view', 'map', 'map'],
  ['view', 'plan', 'grid'],
  ['page', '3', 3],
  ['page', '0', 1],
  ['page', '99999999', 1],
  ['page', '999999', PAGE_MAX],
  ['filter', '12', 12],
  ['filter', '0', null],
  ['filter', '1 or 1=1', null],
  ['seed', '42', 42],
  ['seed', '0', null],
];
for (const [what, value, expected] of ADDRESS) {
  test(`${what} "${value}" in the address reads as ${expected}`, () => {
    const read = { sort: (v: unknown) => parseSort(v, 'newest'), view: parseView, page: parsePage, filter: parseFilterId, seed: parseSeed }[what as 'sort']!;
    assert.equal(read(value), expected);
  });
}

test('a search keeps letters and digits only, lowercased, each word once', () => {
  assert.deepEqual(searchWords('Vélo "OR" vélo* NEAR(piste) -- 2024'), ['vélo', 'or', 'near', 'piste', '2024']);
  assert.deepEqual(searchWords('   '), []);
});

test('a search asks for every word, the last one also as the start of a word', () => {
  assert.equal(matchAll('piste cyclable'), '"piste" "cyclable"*');
  assert.equal(matchAll('!!!'), null);
});

test('similar proposals are looked for by any word of three letters or more', () => {
  assert.equal(matchAny('Un banc de la place'), '"banc" OR "place"');
  assert.equal(matchAny('le la de'), null);
});

test('the FTS5 queries built from any text quote every word and let nothing else through', () => {
  fc.assert(
    fc.property(fc.string({ maxLength: 300 }), (s) => {
      for (const q of [matchAll(s), matchAny(s)]) {
        if (q === null) continue;
        assert.match(q, /^("[\p{L}\p{N}]+"\*?)( (OR )?"[\p{L}\p{N}]+"\*?)*$/u);
      }
    }),
  );
});

test('a proposal’s random key and a visitor’s seed share one range, never 0 (a key not drawn yet), and a drawn seed reads back', () => {
  fc.assert(
    fc.property(fc.double({ min: 0, max: 1, maxExcluded: true, noNaN: true }), (r) => {
      for (const n of [newShuffleKey(() => r), newSeed(() => r)]) assert.ok(Number.isInteger(n) && n >= 1 && n < SEED_MODULUS, String(n));
      assert.equal(parseSeed(String(newSeed(() => r))), newSeed(() => r));
    }),
  );
});

const COLOURS: [string, boolean][] = [
  ['#1d4ed8', true],
  ['#166534', true],
  ['#fde047', false],
  ['#ffffff', false],
  ['blue', false],
];
for (const [hex, ok] of COLOURS) test(`a category coloured ${hex} is ${ok ? 'accepted' : 'refused'}`, () => assert.equal(swatchColourOk(hex), ok));
