// The vote's list in random order (its default sort): the proposals' stored keys, copied from
// the collect step into the vote, read from the visitor's seed onwards and wrapping round to the
// start; pages of limit + 1 that never repeat nor skip a proposal, filters kept, an index walk
// without sorting; and the vote's copies of the key and of the comment counter kept exact.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { makeApp, type TestApp } from '../../../test/helpers/app.ts';
import { statementsPreparedBy } from '../../../test/helpers/statements.ts';
import { expectedOrder, spreadKeys, testRandomOrder } from '../../../test/helpers/random-order.ts';
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

const expected = (seed: number, keys: number[], keep?: (i: number) => boolean) => expectedOrder(ids(), seed, keys, keep);

testRandomOrder({ ids, store, readAll, pageSize: PAGE_SIZE }, 'published proposal of the vote');

test('filters narrow the same order: a category, an envelope, words, and a category with words', () => {
  const keys = spreadKeys(N, 13);
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
