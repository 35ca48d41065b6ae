// The list's random order: one stored order (collect_proposals.shuffle, drawn once per proposal)
// that each visitor reads from their seed onwards, wrapping round to its start; pages of limit +
// 1 that never repeat nor skip a proposal, filters kept, and an index walk without sorting.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { makeApp, type TestApp } from '../../../test/helpers/app.ts';
import { addUser } from '../../../test/helpers/factories.ts';
import { statementsPreparedBy } from '../../../test/helpers/statements.ts';
import { expectedOrder, spreadKeys, testRandomOrder } from '../../../test/helpers/random-order.ts';
import { addCategory, addProposal, makeCollect, type CollectIds } from './test-fixtures.ts';
import { listProposals, type Filters } from './queries.ts';
import { matchAll, PAGE_SIZE } from './rules.ts';

let t: TestApp;
let c: CollectIds;
let nature: number, mobility: number;
/** Every proposal of the step, in posting order, with its category and whether its title says "vélo". */
const rows: { id: number; categoryId: number; bike: boolean }[] = [];
const N = 2 * PAGE_SIZE + 11;

before(async () => {
  t = await makeApp();
  c = makeCollect(t.db);
  nature = addCategory(t.db, c, 'Nature');
  mobility = addCategory(t.db, c, 'Mobilités');
  const author = addUser(t.db);
  for (let i = 0; i < N; i++) {
    const categoryId = i % 2 ? nature : mobility;
    const bike = i % 3 === 0;
    rows.push({ id: addProposal(t.db, c, author, { title: bike ? `Un abri à vélos ${i}` : `Un arbre ${i}`, categoryId }), categoryId, bike });
  }
});
after(() => t.close());

const NONE: Filters = { categoryId: null, districtId: null, statusId: null, match: null };

/** Sets the stored keys and published flags straight in the table. */
function store(keys: number[], published: boolean[] = []): void {
  const set = t.db.sqlite.prepare('update collect_proposals set shuffle = ?, published = ? where contribution_id = ?');
  t.db.sqlite.transaction(() => rows.forEach((r, i) => set.run(keys[i]!, published[i] === false ? 0 : 1, r.id)))();
}

/** Every page of the random order for a seed, read until there is no next one. */
function readAll(seed: number, filters: Filters = NONE): number[][] {
  const pages: number[][] = [];
  for (let page = 1; page <= 10; page++) {
    const { cards, hasNext } = listProposals(t.db, { ...filters, stepId: c.stepId, sort: 'random', page, seed });
    pages.push(cards.map((card) => card.id));
    if (!hasNext) return pages;
  }
  throw new Error('more pages than proposals');
}

const ids = () => rows.map((r) => r.id);
const expected = (seed: number, keys: number[], keep?: (i: number) => boolean) => expectedOrder(ids(), seed, keys, keep);

testRandomOrder({ ids, store, readAll, pageSize: PAGE_SIZE }, 'published proposal');

test('filters narrow the same order: a category, words, and both', () => {
  const keys = spreadKeys(N, 13);
  store(keys);
  const seed = keys[25]! + 5;
  const cases: [string, Partial<Filters>, (i: number) => boolean][] = [
    ['a category', { categoryId: nature }, (i) => rows[i]!.categoryId === nature],
    ['words', { match: matchAll('vélos') }, (i) => rows[i]!.bike],
    ['a category and words', { categoryId: mobility, match: matchAll('abri') }, (i) => rows[i]!.categoryId === mobility && rows[i]!.bike],
  ];
  for (const [what, filters, keep] of cases) assert.deepEqual(readAll(seed, { ...NONE, ...filters }).flat(), expected(seed, keys, keep), what);
});

test('a new proposal draws its key once; a row written without one gets one from the database', () => {
  const key = (id: number) => (t.db.sqlite.prepare('select shuffle from collect_proposals where contribution_id = ?').get(id) as { shuffle: number }).shuffle;
  const id = addProposal(t.db, c, addUser(t.db));
  assert.ok(key(id) >= 1);
  const author = addUser(t.db);
  const bare = Number(t.db.sqlite.prepare(`insert into contributions (step_id, author_id, kind, status, title, body_md, created_at) values (?, ?, 'proposal', 'published', 'Sans clé', '', '2026-01-01')`).run(c.stepId, author).lastInsertRowid);
  t.db.sqlite.prepare('insert into collect_proposals (contribution_id, step_id, author_id, reference) values (?, ?, ?, 9999)').run(bare, c.stepId, author);
  assert.ok(key(bare) >= 1);
  t.db.sqlite.prepare('delete from collect_proposals where contribution_id in (?, ?)').run(id, bare);
});

test('the random page walks the index collect_proposals_shuffle on both sides of the seed without sorting; only the page’s rows are sorted', async () => {
  const [sql] = await statementsPreparedBy((db) => listProposals(db, { ...NONE, stepId: 1, sort: 'random', page: 1, seed: 1 }));
  const params = sql!.split('?').length - 1;
  const plan = t.db.sqlite.prepare(`explain query plan ${sql}`).all(...Array.from({ length: params }, () => 1)) as { id: number; parent: number; detail: string }[];
  const list = plan.find((r) => r.detail.startsWith('LIST SUBQUERY'))!;
  const inside = (id: number): string[] => plan.filter((r) => r.parent === id).flatMap((r) => [r.detail, ...inside(r.id)]);
  const page = inside(list.id).join('\n');
  assert.equal(page.match(/SEARCH p USING COVERING INDEX collect_proposals_shuffle \(step_id=\? AND published=\? AND shuffle[<>]\?\)/g)?.length, 2, page);
  assert.doesNotMatch(page, /TEMP B-TREE/);
  assert.ok(plan.every((r) => !/^SCAN (p|c|u)\b/.test(r.detail)), 'no table scanned');
});
