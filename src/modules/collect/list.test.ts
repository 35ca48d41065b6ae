// The list of proposals: filters by category, district, status and words (FTS5, accents folded,
// prefixes), every sort and its index, pages of limit + 1 without COUNT nor a query per card,
// grid or list, the htmx fragment and its address, the visitor's stable random order, and
// similar proposals for a typed title.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { makeApp, type TestApp } from '../../../test/helpers/app.ts';
import { addUser } from '../../../test/helpers/factories.ts';
import { statementsPreparedBy } from '../../../test/helpers/statements.ts';
import { addCategory, addDistrict, addProposal, addStatus, makeCollect, setProposal, type CollectIds } from './test-fixtures.ts';
import { listProposals } from './queries.ts';
import { matchAll, PAGE_SIZE, SORTS } from './rules.ts';

let t: TestApp;

/** The proposals' titles in the order a page shows them. */
const titles = (html: string) => [...html.matchAll(/<h3><a href="\/collect\/\d+\/proposals\/\d+">([^<]+)<\/a><\/h3>/g)].map((m) => m[1]);
const get = (path: string, headers: Record<string, string> = {}) => t.client().get(path, headers);

let c: CollectIds;
let nature: number, mobility: number, north: number, south: number, studied: number;
before(async () => {
  t = await makeApp();
  c = makeCollect(t.db, { form: (f) => (f.fields.cost.mode = 'optional') });
  nature = addCategory(t.db, c, 'Nature');
  mobility = addCategory(t.db, c, 'Mobilités');
  north = addDistrict(t.db, c, 'Nord');
  south = addDistrict(t.db, c, 'Sud');
  studied = addStatus(t.db, c, 'À l’étude');
  const author = addUser(t.db);
  const rows: [string, string, number, number, number | null, number][] = [
    ['Un verger partagé', 'Des arbres fruitiers au square', nature, north, 12000, 3],
    ['Des pistes cyclables', 'Pour aller à l’école à vélo', mobility, south, 85000, 0],
    ['Un éclairage plus doux', 'Moins de lumière la nuit', nature, south, 20000, 7],
    ['Un abri à vélos', 'Fermé, près de la gare', mobility, north, null, 1],
  ];
  rows.forEach(([title, summary, categoryId, districtId, cost, comments], i) => {
    const id = addProposal(t.db, c, author, { title, summary, categoryId, districtId, cost }, new Date(Date.UTC(2026, 0, i + 1)).toISOString());
    setProposal(t.db, id, { comments_count: comments });
    if (i === 0) t.db.sqlite.prepare('update collect_proposals set status_id = ? where contribution_id = ?').run(studied, id);
  });
});
after(() => t.close());

const base = () => `/collect/${c.stepId}`;
const SORTED: Record<string, string[]> = {
  newest: ['Un abri à vélos', 'Un éclairage plus doux', 'Des pistes cyclables', 'Un verger partagé'],
  oldest: ['Un verger partagé', 'Des pistes cyclables', 'Un éclairage plus doux', 'Un abri à vélos'],
  comments: ['Un éclairage plus doux', 'Un verger partagé', 'Un abri à vélos', 'Des pistes cyclables'],
  cheapest: ['Un verger partagé', 'Un éclairage plus doux', 'Des pistes cyclables', 'Un abri à vélos'],
  expensive: ['Des pistes cyclables', 'Un éclairage plus doux', 'Un verger partagé', 'Un abri à vélos'],
};
for (const [sort, expected] of Object.entries(SORTED)) {
  test(`sorted ${sort}, the proposals come in that order (those without a cost last when by cost)`, async () => assert.deepEqual(titles((await get(`${base()}?sort=${sort}`)).body), expected));
}

const FILTERS: [string, string, string[]][] = [
  ['a category', `category=${'NATURE'}`, ['Un éclairage plus doux', 'Un verger partagé']],
  ['a district', 'district=SOUTH', ['Un éclairage plus doux', 'Des pistes cyclables']],
  ['a status', 'status=STUDIED', ['Un verger partagé']],
  ['words, accents folded', 'q=eclairage', ['Un éclairage plus doux']],
  ['the start of the last word', 'q=v%C3%A9l', ['Un abri à vélos', 'Des pistes cyclables']],
  ['words in the summary', 'q=gare+ferm%C3%A9', ['Un abri à vélos']],
  ['FTS5 syntax typed by a visitor, read as words', 'q=%22verger%22+OR+NEAR(', []],
  ['a category and words together', 'category=MOBILITY&q=gare', ['Un abri à vélos']],
];
for (const [what, query, expected] of FILTERS) {
  test(`filtered by ${what}, the list shows what matches only`, async () => {
    const q = query.replace('NATURE', String(nature)).replace('MOBILITY', String(mobility)).replace('SOUTH', String(south)).replace('STUDIED', String(studied));
    assert.deepEqual(titles((await get(`${base()}?sort=newest&${q}`)).body), expected);
  });
}

test('the filter form offers the step’s categories, districts and statuses, and keeps what was chosen', async () => {
  const page = (await get(`${base()}?sort=newest&category=${nature}&q=verger`)).body;
  assert.match(page, new RegExp(`<option value="${nature}" selected>Nature</option>`));
  assert.match(page, new RegExp(`<option value="${north}">Nord</option>`));
  assert.match(page, /<option value="\d+">À l’étude<\/option>/);
  assert.match(page, /name="q" type="search" value="verger"/);
  assert.match(page, /Effacer les filtres/);
  assert.match(page, /data-hx-get="\/collect\/\d+" data-hx-target="#collect-results" data-hx-push-url="true"/);
});

test('htmx gets the results alone, their links keeping the filters; the grid or list view is kept too', async () => {
  const res = await get(`${base()}?sort=newest&category=${nature}&view=list`, { 'hx-request': 'true' });
  assert.equal(res.statusCode, 200);
  assert.doesNotMatch(res.body, /<html/);
  assert.match(res.body, /class="collect-cards collect-list"/);
  assert.match(res.body, new RegExp(`href="/collect/${c.stepId}\\?category=${nature}&amp;sort=oldest&amp;view=list"`));
  assert.match((await get(`${base()}?sort=newest`)).body, /class="collect-cards collect-grid"/);
});

test('pages hold limit + 1 rows: the next page exists only when there are more, and deep pages are empty', async () => {
  const many = makeCollect(t.db);
  const author = addUser(t.db);
  for (let i = 0; i < PAGE_SIZE + 2; i++) addProposal(t.db, many, author, { title: `Idée numéro ${i}` });
  const first = await get(`/collect/${many.stepId}?sort=oldest`);
  assert.equal(titles(first.body).length, PAGE_SIZE);
  assert.match(first.body, /rel="next"/);
  const second = await get(`/collect/${many.stepId}?sort=oldest&page=2`);
  assert.deepEqual(titles(second.body), [`Idée numéro ${PAGE_SIZE}`, `Idée numéro ${PAGE_SIZE + 1}`]);
  assert.doesNotMatch(second.body, /rel="next"/);
  assert.match((await get(`/collect/${many.stepId}?sort=oldest&page=9`)).body, /Il n’y a plus de propositions/);
});

test('the random order is stable for one visitor (a cookie) and never served from the shared cache', async () => {
  const visitor = t.client();
  const first = titles((await visitor.get(`${base()}?sort=random`)).body);
  assert.ok(visitor.cookies.has('collect_seed'));
  for (let i = 0; i < 3; i++) assert.deepEqual(titles((await visitor.get(`${base()}?sort=random`)).body), first);
  assert.deepEqual([...first].sort(), [...SORTED.newest!].sort());
});

test('a list reads one query of limit + 1 rows, never a COUNT nor a query per card', async () => {
  for (const sort of SORTS) {
    const seen = await statementsPreparedBy((db) => listProposals(db, { stepId: 1, sort, page: 1, seed: 3, categoryId: 1, districtId: null, statusId: null, match: matchAll('vélo') }));
    assert.equal(seen.length, 1, sort);
    assert.match(seen[0]!, new RegExp(`limit ${PAGE_SIZE + 1} offset \\?`), sort);
    assert.doesNotMatch(seen[0]!, /count\(/i, sort);
  }
});

test('every sort but random picks its page on its own index alone, filtered or not, without sorting; only the page’s rows are joined and ordered', async () => {
  const INDEX: Record<string, string> = { newest: 'collect_proposals_newest', oldest: 'collect_proposals_newest', comments: 'collect_proposals_comments', cheapest: 'collect_proposals_cheapest', expensive: 'collect_proposals_expensive' };
  // The filters' values are read in the index's entries (migration 0025), never in the rows.
  const FILTERS = [{}, { categoryId: 1 }, { districtId: 1, statusId: 1 }];
  for (const [sort, index] of Object.entries(INDEX)) {
    for (const filters of FILTERS) {
      const [sql] = await statementsPreparedBy((db) => listProposals(db, { stepId: 1, sort: sort as 'newest', page: 1, seed: 1, categoryId: null, districtId: null, statusId: null, match: null, ...filters }));
      const params = sql!.split('?').length - 1;
      const plan = t.db.sqlite.prepare(`explain query plan ${sql}`).all(...Array.from({ length: params }, () => 1)) as { id: number; parent: number; detail: string }[];
      const subquery = plan.find((r) => r.detail.startsWith('LIST SUBQUERY'))!;
      const inner = plan.filter((r) => r.parent === subquery.id).map((r) => r.detail);
      const what = `${sort} ${JSON.stringify(filters)}`;
      assert.match(inner.join('\n'), new RegExp(`SEARCH p USING COVERING INDEX ${index}`), what);
      assert.doesNotMatch(inner.join('\n'), /TEMP B-TREE/, what);
      assert.ok(plan.every((r) => !/^SCAN/.test(r.detail)), `${what}: no table scanned`);
    }
  }
});

test('similar proposals: up to five published ones sharing meaningful words with the typed title', async () => {
  const res = await get(`${base()}/similar?title=${encodeURIComponent('Un abri pour les vélos')}`, { 'hx-request': 'true' });
  assert.equal(res.statusCode, 200);
  assert.doesNotMatch(res.body, /<html/);
  assert.match(res.body, /Un abri à vélos/);
  assert.doesNotMatch(res.body, /verger/);
  const none = await get(`${base()}/similar?title=le`, { 'hx-request': 'true' });
  assert.doesNotMatch(none.body, /<li>/);
  const page = await get(`${base()}/similar?title=v%C3%A9los`);
  assert.match(page.body, /<html/);
  assert.match(page.body, /Propositions semblables à « vélos »/);
});
