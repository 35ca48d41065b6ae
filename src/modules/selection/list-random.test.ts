// The vote's list in random order (its default sort): the proposals' stored keys, copied from
// the collect step into the vote, read from the visitor's seed onwards and wrapping round to the
// start; pages of limit + 1 that never repeat nor skip a proposal, filters kept, an index walk
// without sorting; and the vote's copies of the key and of the comment counter kept exact.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { makeApp, type TestApp } from '../../../test/helpers/app.ts';
import { statementsPreparedBy } from '../../../test/helpers/statements.ts';
import { addCollectProposal, importProposal, makeSelection, type SelectionFixture } from './test-fixtures.ts';
import { listProposals, type Filters } from './queries.ts';
import { matchAll, PAGE_SIZE } from './list-rules.ts';

let t: TestApp;
let fx: SelectionFixture;
const N = 2 * PAGE_SIZE + 11;

before(async () => {
  t = await makeApp();
  fx = makeSelection(t.db, {
    proposals: Array.from({ length: N }, (_, i) => ({ title: i % 3 === 0 ? `Un abri à vélos ${i}` : `Un arbre ${i}`, category: i % 2, district: i % 4 === 0 ? null : i % 2 })),
  });
});
after(() => t.close());

const NONE: Filters = { categoryId: null, districtId: null, statusId: null, match: null };
const ids = () => fx.proposals.map((p) => p.id);

/** Sets the vote's keys and the proposals' published flags straight in the tables. */
function store(keys: number[], published: boolean[] = []): void {
  const key = t.db.sqlite.prepare('update selection_proposals set shuffle = ? where step_id = ? and proposal_id = ?');
  const shown = t.db.sqlite.prepare('update collect_proposals set published = ? where contribution_id = ?');
  t.db.sqlite.transaction(() =>
    fx.proposals.forEach((p, i) => {
      key.run(keys[i]!, fx.stepId, p.id);
      shown.run(published[i] === false ? 0 : 1, p.id);
    }),
  )();
}

/** Every page of the random order for a seed, read until there is no next one. */
function readAll(seed: number, filters: Filters = NONE): number[][] {
  const pages: number[][] = [];
  for (let page = 1; page <= 10; page++) {
    const { cards, hasNext } = listProposals(t.db, { ...filters, stepId: fx.stepId, sort: 'random', page, seed });
    pages.push(cards.map((card) => card.id));
    if (!hasNext) return pages;
  }
  throw new Error('more pages than proposals');
}

/** The order the list promises: keys from the seed onwards, then those under it; ties by id. */
function expected(seed: number, keys: number[], keep: (i: number) => boolean = () => true): number[] {
  return fx.proposals
    .map((p, i) => ({ id: p.id, key: keys[i]!, i }))
    .filter((r) => keep(r.i))
    .sort((a, b) => Number(a.key < seed) - Number(b.key < seed) || a.key - b.key || a.id - b.id)
    .map((r) => r.id);
}

const spread = (step: number) => fx.proposals.map((_, i) => 10 + i * step);

test('paging through the random list gives every published proposal of the vote exactly once, in the stored order read from the seed and wrapping round', () => {
  fc.assert(
    fc.property(
      // Small keys, so that equal keys (ties, broken by id) and seeds on a key are frequent.
      fc.array(fc.integer({ min: 1, max: 40 }), { minLength: N, maxLength: N }),
      fc.array(fc.boolean(), { minLength: N, maxLength: N }),
      fc.integer({ min: 1, max: 41 }),
      (keys, published, seed) => {
        store(keys, published);
        const pages = readAll(seed);
        for (const page of pages.slice(0, -1)) assert.equal(page.length, PAGE_SIZE);
        assert.deepEqual(pages.flat(), expected(seed, keys, (i) => published[i]!));
      },
    ),
    { numRuns: 60 },
  );
  store(spread(7));
});

test('one seed gives the same pages every time; another seed gives another first page', () => {
  const keys = spread(1000);
  store(keys);
  const seed = 10 + 17 * 1000;
  const first = readAll(seed);
  assert.deepEqual(readAll(seed), first);
  assert.deepEqual(first.flat(), expected(seed, keys));
  assert.notDeepEqual(readAll(10 + 40 * 1000)[0], first[0]);
});

test('the order wraps round: a seed past every key starts at the lowest one, and a page across the end goes on from the start', () => {
  store(spread(10));
  assert.deepEqual(readAll(1_000_000).flat(), ids(), 'past every key: the stored order from its start');
  // From the key of the 40th proposal: page 1 holds proposals 40 to 59 and then 1 to 4, in that order.
  const [first, second] = readAll(spread(10)[39]!);
  assert.deepEqual(first, [...ids().slice(39), ...ids().slice(0, PAGE_SIZE - (N - 39))]);
  assert.deepEqual(second, ids().slice(PAGE_SIZE - (N - 39), 2 * PAGE_SIZE - (N - 39)));
});

test('filters narrow the same order: a category, an envelope, words, and a category with words', () => {
  const keys = spread(13);
  store(keys);
  const seed = keys[25]! + 5;
  const [nature, mobility] = fx.categories;
  const [north] = fx.districts;
  const bike = (i: number) => i % 3 === 0;
  const cases: [string, Partial<Filters>, (i: number) => boolean][] = [
    ['a category', { categoryId: nature! }, (i) => fx.proposals[i]!.categoryId === nature],
    ['an envelope', { districtId: north! }, (i) => fx.proposals[i]!.districtId === north],
    ['words', { match: matchAll('vélos') }, bike],
    ['a category and words', { categoryId: mobility!, match: matchAll('abri') }, (i) => fx.proposals[i]!.categoryId === mobility && bike(i)],
  ];
  for (const [what, filters, keep] of cases) assert.deepEqual(readAll(seed, { ...NONE, ...filters }).flat(), expected(seed, keys, keep), what);
});

test('a proposal brought into the vote keeps its collect key, and the vote’s comment counter follows the proposal’s', () => {
  const p = addCollectProposal(t.db, fx, { title: 'Arrivée tardive' });
  const row = () => t.db.sqlite.prepare('select sp.shuffle, sp.comments_count, p.shuffle as collect_shuffle from selection_proposals sp join collect_proposals p on p.contribution_id = sp.proposal_id where sp.step_id = ? and sp.proposal_id = ?').get(fx.stepId, p.id) as { shuffle: number; comments_count: number; collect_shuffle: number };
  t.db.sqlite.prepare('update contributions set comments_count = 4 where id = ?').run(p.id);
  importProposal(t.db, fx.stepId, p);
  const copied = row();
  assert.ok(copied.collect_shuffle >= 1, 'a key drawn for the collect row');
  assert.equal(copied.shuffle, copied.collect_shuffle);
  assert.equal(copied.comments_count, 4);
  t.db.sqlite.prepare('update contributions set comments_count = 9 where id = ?').run(p.id);
  assert.equal(row().comments_count, 9);
  t.db.sqlite.prepare('delete from selection_proposals where step_id = ? and proposal_id = ?').run(fx.stepId, p.id);
});

test('the random page walks the index selection_proposals_shuffle on both sides of the seed without sorting; only the page’s rows are sorted', async () => {
  const [sql] = await statementsPreparedBy((db) => listProposals(db, { ...NONE, stepId: 1, sort: 'random', page: 1, seed: 1 }));
  const params = sql!.split('?').length - 1;
  const plan = t.db.sqlite.prepare(`explain query plan ${sql}`).all(...Array.from({ length: params }, () => 1)) as { id: number; parent: number; detail: string }[];
  const pg = plan.find((r) => r.detail.startsWith('CO-ROUTINE pg'))!;
  const inside = (id: number): string[] => plan.filter((r) => r.parent === id).flatMap((r) => [r.detail, ...inside(r.id)]);
  const page = inside(pg.id).join('\n');
  assert.equal(page.match(/SEARCH sp USING COVERING INDEX selection_proposals_shuffle \(step_id=\? AND shuffle[<>]\?\)/g)?.length, 2, page);
  assert.doesNotMatch(page, /TEMP B-TREE/);
  assert.ok(plan.every((r) => !/^SCAN (sp|p|c)\b/.test(r.detail)), 'no table scanned');
});
