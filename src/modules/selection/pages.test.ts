// The public pages of the selection step: the list of the proposals in the vote (filters by
// category, district, status and words through FTS5, the seven sorts, pages of limit + 1, grid or
// list, the htmx fragment, the visitor's random order), a proposal's page, the counts hidden from
// the public before their date (administrators see them), what moderation hid, and 404s.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { makeApp, type TestApp } from '../../../test/helpers/app.ts';
import { loginAs } from '../../../test/helpers/factories.ts';
import { statementsPreparedBy } from '../../../test/helpers/statements.ts';
import { makeSelection, type SelectionFixture } from './test-fixtures.ts';
import { listProposals } from './queries.ts';
import { matchAll, PAGE_SIZE, SORTS } from './list-rules.ts';

let t: TestApp;
let fx: SelectionFixture;
let studied: number;

/** The proposals' titles in the order a page shows them. */
const titles = (html: string) => [...html.matchAll(/<h3><a href="\/selection\/\d+\/proposals\/\d+">([^<]+)<\/a><\/h3>/g)].map((m) => m[1]);
const get = (path: string, headers: Record<string, string> = {}) => t.client().get(path, headers);
const base = () => `/selection/${fx.stepId}`;
const set = (sql: string, ...args: unknown[]) => t.db.sqlite.prepare(sql).run(...args);

before(async () => {
  t = await makeApp();
  fx = makeSelection(t.db, {
    settings: { vote_type: 'budget', budget: 100000, envelopes: 'districts_and_city' },
    proposals: [
      { title: 'Un verger partagé', cost: 12000, category: 0, district: 0 },
      { title: 'Des pistes cyclables', cost: 85000, category: 1, district: 1 },
      { title: 'Un éclairage plus doux', cost: 20000, category: 0, district: 1 },
      { title: 'Un abri à vélos près de la gare', cost: 40000, category: 1, district: null },
      { title: 'Une fontaine cachée', cost: 5000, category: 0, district: 0, published: false },
      { title: 'Un kiosque resté au dépôt', cost: 3000, imported: false },
    ],
  });
  const [verger, pistes, eclairage, abri] = fx.proposals.map((p) => p.id);
  // Votes and comments as the counters hold them (the sorts read the counters).
  for (const [id, votes, comments] of [[verger, 5, 3], [pistes, 9, 0], [eclairage, 2, 7], [abri, 7, 1]]) {
    set('update selection_proposals set votes_count = ? where step_id = ? and proposal_id = ?', votes, fx.stepId, id);
    set('update contributions set comments_count = ? where id = ?', comments, id);
  }
  studied = Number(set(`insert into collect_statuses (step_id, name, colour, position) values (?, 'À l’étude', '#166534', 1)`, fx.collectStepId).lastInsertRowid);
  set('update collect_proposals set status_id = ? where contribution_id = ?', studied, verger);
});
after(() => t.close());

const SORTED: Record<string, string[]> = {
  newest: ['Un abri à vélos près de la gare', 'Un éclairage plus doux', 'Des pistes cyclables', 'Un verger partagé'],
  oldest: ['Un verger partagé', 'Des pistes cyclables', 'Un éclairage plus doux', 'Un abri à vélos près de la gare'],
  supports: ['Des pistes cyclables', 'Un abri à vélos près de la gare', 'Un verger partagé', 'Un éclairage plus doux'],
  comments: ['Un éclairage plus doux', 'Un verger partagé', 'Un abri à vélos près de la gare', 'Des pistes cyclables'],
  cheapest: ['Un verger partagé', 'Un éclairage plus doux', 'Un abri à vélos près de la gare', 'Des pistes cyclables'],
  expensive: ['Des pistes cyclables', 'Un abri à vélos près de la gare', 'Un éclairage plus doux', 'Un verger partagé'],
};
for (const [sort, expected] of Object.entries(SORTED)) {
  test(`sorted ${sort}, the published proposals in the vote come in that order`, async () => assert.deepEqual(titles((await get(`${base()}?sort=${sort}`)).body), expected));
}

const FILTERS: [string, (f: SelectionFixture) => string, string[]][] = [
  ['a category', (f) => `category=${f.categories[0]}`, ['Un éclairage plus doux', 'Un verger partagé']],
  ['a district (the envelope)', (f) => `district=${f.districts[1]}`, ['Un éclairage plus doux', 'Des pistes cyclables']],
  ['a status', () => `status=${studied}`, ['Un verger partagé']],
  ['words, accents folded', () => 'q=eclairage', ['Un éclairage plus doux']],
  ['the start of the last word', () => 'q=v%C3%A9l', ['Un abri à vélos près de la gare']],
  ['words in the summary', () => 'q=r%C3%A9sum%C3%A9+pistes', ['Des pistes cyclables']],
  ['FTS5 syntax typed by a visitor, read as words', () => 'q=%22verger%22+OR+NEAR(', []],
  ['a category and words together', (f) => `category=${f.categories[1]}&q=gare`, ['Un abri à vélos près de la gare']],
  ['words of a hidden proposal find nothing', () => 'q=fontaine', []],
  ['words of a proposal left out of the vote find nothing', () => 'q=kiosque', []],
];
for (const [what, query, expected] of FILTERS) {
  test(`filtered by ${what}, the list shows what matches only`, async () => assert.deepEqual(titles((await get(`${base()}?sort=newest&${query(fx)}`)).body), expected));
}

test('a proposal moved to another category, or hidden, on the collect side is filtered by its new values in the vote’s list (the copies of migration 0026)', async () => {
  const [verger] = fx.proposals.map((p) => p.id);
  const category = (n: number) => `${base()}?sort=newest&category=${fx.categories[n]}`;
  // Written behind the app's back, as the collect module's own writes would be: no request emptied the page cache.
  const change = (sql: string, ...args: unknown[]) => (set(sql, ...args), t.app.pageCache.clear());
  change('update collect_proposals set category_id = ? where contribution_id = ?', fx.categories[1], verger);
  assert.ok(titles((await get(category(1))).body).includes('Un verger partagé'));
  assert.ok(!titles((await get(category(0))).body).includes('Un verger partagé'));
  change('update collect_proposals set published = 0 where contribution_id = ?', verger);
  assert.ok(!titles((await get(category(1))).body).includes('Un verger partagé'));
  change('update collect_proposals set category_id = ?, published = 1 where contribution_id = ?', fx.categories[0], verger);
  assert.deepEqual(titles((await get(category(0))).body), ['Un éclairage plus doux', 'Un verger partagé']);
});

test('the filter form offers the collect step’s categories and statuses and the project’s districts, and keeps what was chosen', async () => {
  const page = (await get(`${base()}?sort=newest&category=${fx.categories[0]}&q=verger`)).body;
  assert.match(page, new RegExp(`<option value="${fx.categories[0]}" selected>Catégorie`));
  assert.match(page, new RegExp(`<option value="${fx.districts[0]}">Quartier`));
  assert.match(page, /<option value="\d+">À l’étude<\/option>/);
  assert.match(page, /name="q" type="search" value="verger"/);
  assert.match(page, /Effacer les filtres/);
  assert.match(page, /data-hx-get="\/selection\/\d+" data-hx-target="#selection-list" data-hx-push-url="true"/);
});

test('cards show the reference, the envelope, the cost and the votes; the hidden and the left-out are not listed', async () => {
  const page = (await get(`${base()}?sort=supports`)).body;
  assert.match(page, /Proposition n° \d+/);
  assert.match(page, /Coût : 85[\u202f\u00a0 ]000 €/);
  assert.match(page, /9 voix/);
  assert.match(page, /Toute la commune/);
  assert.doesNotMatch(page, /fontaine|kiosque/);
});

test('htmx gets the list alone, its links keeping the filters; the grid or list view is kept too', async () => {
  const res = await get(`${base()}?sort=newest&category=${fx.categories[0]}&view=list`, { 'hx-request': 'true' });
  assert.equal(res.statusCode, 200);
  assert.doesNotMatch(res.body, /<html|<form/);
  assert.match(res.body, /class="selection-cards selection-view-list"/);
  assert.match(res.body, new RegExp(`href="/selection/${fx.stepId}\\?category=${fx.categories[0]}&amp;sort=oldest&amp;view=list"`));
  assert.match((await get(`${base()}?sort=newest`)).body, /class="selection-cards selection-view-grid"/);
});

test('pages hold limit + 1 rows: the next page exists only when there are more, and deep pages are empty', async () => {
  const many = makeSelection(t.db, { proposals: Array.from({ length: PAGE_SIZE + 2 }, (_, i) => ({ title: `Idée numéro ${i}` })) });
  const first = await get(`/selection/${many.stepId}?sort=oldest`);
  assert.equal(titles(first.body).length, PAGE_SIZE);
  assert.match(first.body, /rel="next"/);
  const second = await get(`/selection/${many.stepId}?sort=oldest&page=2`);
  assert.deepEqual(titles(second.body), [`Idée numéro ${PAGE_SIZE}`, `Idée numéro ${PAGE_SIZE + 1}`]);
  assert.doesNotMatch(second.body, /rel="next"/);
  assert.match((await get(`/selection/${many.stepId}?sort=oldest&page=9`)).body, /Il n’y a plus de propositions/);
});

test('the random order is stable for one visitor (a cookie), differs between visitors, and is never served from the shared cache', async () => {
  const many = makeSelection(t.db, { proposals: 20 });
  const visitor = t.client();
  const first = titles((await visitor.get(`/selection/${many.stepId}?sort=random`)).body);
  assert.ok(visitor.cookies.has('selection_seed'));
  for (let i = 0; i < 3; i++) assert.deepEqual(titles((await visitor.get(`/selection/${many.stepId}?sort=random`)).body), first);
  assert.deepEqual([...first].sort(), many.proposals.map((p) => p.title).sort());
  const others = await Promise.all(Array.from({ length: 3 }, async () => titles((await t.client().get(`/selection/${many.stepId}`)).body).join('|')));
  assert.ok(others.some((o) => o !== first.join('|')), 'another visitor gets another order');
});

test('a list reads one query of limit + 1 rows, never a COUNT nor a query per card', async () => {
  for (const sort of SORTS) {
    const seen = await statementsPreparedBy((db) => listProposals(db, { stepId: 1, sort, page: 1, seed: 3, categoryId: 1, districtId: 2, statusId: null, match: matchAll('vélo') }));
    assert.equal(seen.length, 1, sort);
    assert.match(seen[0]!, new RegExp(`limit ${PAGE_SIZE + 1} offset \\?`), sort);
    assert.doesNotMatch(seen[0]!, /count\(/i, sort);
  }
});

/** How many statements SQLite runs while `call` runs (every execution, cached statements included). */
async function statementsRun(call: () => Promise<unknown>): Promise<number> {
  const proto = Object.getPrototypeOf(t.db.sqlite.prepare('select 1'));
  const methods = ['all', 'get', 'run', 'iterate'] as const;
  const saved = methods.map((m) => proto[m]);
  let n = 0;
  methods.forEach((m, i) => (proto[m] = function (this: unknown, ...args: unknown[]) {
    n += 1;
    return saved[i].apply(this, args);
  }));
  try {
    await call();
  } finally {
    methods.forEach((m, i) => (proto[m] = saved[i]));
  }
  return n;
}

test('the list page runs as many statements for 24 cards as for 2, for a visitor and for a logged-in voter', async () => {
  const small = makeSelection(t.db, { proposals: 2 });
  const big = makeSelection(t.db, { proposals: PAGE_SIZE });
  const { client } = await loginAs(t);
  for (const who of [t.client(), client]) {
    await who.get(`/selection/${small.stepId}?sort=supports`); // warms the compiled queries
    const few = await statementsRun(() => who.get(`/selection/${small.stepId}?sort=newest`));
    const many = await statementsRun(() => who.get(`/selection/${big.stepId}?sort=newest`));
    assert.equal(titles((await who.get(`/selection/${big.stepId}?sort=newest`)).body).length, PAGE_SIZE);
    assert.equal(many, few);
  }
});

test('before the counts’ date the public sees neither counts nor the sort by supports; administrators see both', async () => {
  const hidden = makeSelection(t.db, { proposals: [{ title: 'Première' }, { title: 'Seconde' }] });
  set('insert into selection_steps (step_id, counts_public_at) values (?, ?)', hidden.stepId, new Date(Date.now() + 86400_000).toISOString());
  set('update selection_proposals set votes_count = 4 where step_id = ? and proposal_id = ?', hidden.stepId, hidden.proposals[1]!.id);
  const url = `/selection/${hidden.stepId}`;
  const pub = (await get(`${url}?sort=supports`)).body;
  assert.doesNotMatch(pub, /\d+ voix/);
  assert.doesNotMatch(pub, /sort=supports/);
  assert.match(pub, /sera rendu public plus tard/);
  assert.deepEqual(titles(pub).length, 2);
  const page = (await get(`${url}/proposals/${hidden.proposals[1]!.id}`)).body;
  assert.doesNotMatch(page, /4 voix/);
  const { client: admin } = await loginAs(t, 'admin');
  const seen = (await admin.get(`${url}?sort=supports`)).body;
  assert.deepEqual(titles(seen), ['Seconde', 'Première']);
  assert.match(seen, /4 voix/);
  assert.match((await admin.get(`${url}/proposals/${hidden.proposals[1]!.id}`)).body, /4 voix/);
  // Once the date has passed, everyone sees them.
  set('update selection_steps set counts_public_at = ? where step_id = ?', new Date(Date.now() - 1000).toISOString(), hidden.stepId);
  assert.match((await get(`${url}?sort=supports`)).body, /4 voix/);
});

test('a proposal’s page: reference, text, envelope, cost, votes, and the link to its comments on the collect step', async () => {
  const [verger] = fx.proposals;
  const res = await get(`${base()}/proposals/${verger!.id}`);
  assert.equal(res.statusCode, 200);
  assert.match(res.body, /<h1>Un verger partagé<\/h1>/);
  assert.match(res.body, /Proposition n° \d+/);
  assert.match(res.body, /<div class="prose" data-hx-ignore><p>Texte de Un verger partagé<\/p>/);
  assert.match(res.body, /Coût<\/dt><dd>12[\u202f\u00a0 ]000 €/);
  assert.match(res.body, /5 voix/);
  assert.match(res.body, /À l’étude/);
  assert.match(res.body, new RegExp(`href="/collect/${fx.collectStepId}/proposals/${verger!.id}">Lire les commentaires et suivre la proposition \\(3\\)`));
});

test('404 for a proposal hidden by moderation, left out of the vote, of another vote, or not a number', async () => {
  const other = makeSelection(t.db, { proposals: 1 });
  const [, , , , fontaine, kiosque] = fx.proposals;
  for (const path of [`${base()}/proposals/${fontaine!.id}`, `${base()}/proposals/${kiosque!.id}`, `${base()}/proposals/${other.proposals[0]!.id}`, `${base()}/proposals/abc`, `/selection/999999/proposals/1`]) {
    assert.equal((await get(path)).statusCode, 404, path);
  }
  const { client: admin } = await loginAs(t, 'admin');
  assert.equal((await admin.get(`${base()}/proposals/${fontaine!.id}`)).statusCode, 404);
});

test('a proposal hidden by moderation leaves the list at once', async () => {
  const s = makeSelection(t.db, { proposals: [{ title: 'Reste' }, { title: 'Masquée' }] });
  assert.equal(titles((await get(`/selection/${s.stepId}?sort=oldest`)).body).length, 2);
  set('update collect_proposals set published = 0 where contribution_id = ?', s.proposals[1]!.id);
  t.app.pageCache.clear(); // moderation's write clears it; this test writes behind its back
  assert.deepEqual(titles((await get(`/selection/${s.stepId}?sort=oldest`)).body), ['Reste']);
});

test('the pages in English', async () => {
  const client = t.client();
  await client.get('/lang/en');
  const list = (await client.get(`${base()}?sort=supports`)).body;
  assert.match(list, /<html lang="en">/);
  assert.match(list, /The proposals put to the vote/);
  assert.match(list, /Most supported/);
  assert.match(list, /9 votes/);
  assert.match(list, /The whole town/);
  const page = (await client.get(`${base()}/proposals/${fx.proposals[0]!.id}`)).body;
  assert.match(page, /Read the comments and follow the proposal/);
  assert.match(page, /€12,000/);
});

test('a logged-in voter sees what is left of the budget and a vote button per proposal; after a vote, the list says so and the budget shrinks', async () => {
  const s = makeSelection(t.db, { settings: { vote_type: 'budget', budget: 10000 }, proposals: [{ title: 'Petit', cost: 3000 }, { title: 'Moyen', cost: 6000 }, { title: 'Grand', cost: 12000 }] });
  const url = `/selection/${s.stepId}`;
  const visitor = (await get(`${url}?sort=oldest`)).body;
  assert.match(visitor, /Se connecter pour voter/);
  assert.doesNotMatch(visitor, /Votre bulletin/);
  const { client } = await loginAs(t);
  const before = (await client.get(`${url}?sort=oldest`)).body;
  assert.match(before, /Votre bulletin/);
  assert.match(before, /Budget : 0 € utilisés sur 10[\u202f\u00a0 ]000 €/);
  assert.equal([...before.matchAll(/Voter \(/g)].length, 2, 'the two that fit can be voted for');
  const voted = await client.post(`${url}/votes`, { proposal: String(s.proposals[1]!.id), back: `${url}?sort=oldest` });
  assert.equal(voted.statusCode, 303);
  const after = (await client.get(`${url}?sort=oldest`)).body;
  assert.match(after, /Vous avez voté pour cette proposition/);
  assert.match(after, /Budget : 6[\u202f\u00a0 ]000 € utilisés sur 10[\u202f\u00a0 ]000 €, il reste 4[\u202f\u00a0 ]000 €/);
  assert.match(after, /Retirer mon vote/);
  const page = (await client.get(`${url}/proposals/${s.proposals[0]!.id}`)).body;
  assert.match(page, /Voter \(3[\u202f\u00a0 ]000 €\)/);
  assert.match(page, /il reste 4[\u202f\u00a0 ]000 €/);
});

test('a vote refused without JavaScript comes back to the list it came from, filters kept, the refusal on its button (422), nothing written', async () => {
  const s = makeSelection(t.db, { settings: { vote_type: 'budget', budget: 10000 }, proposals: [{ title: 'Moyen', cost: 6000, category: 0 }, { title: 'Autre moyen', cost: 6000, category: 0 }] });
  const url = `/selection/${s.stepId}`;
  const { client } = await loginAs(t);
  await client.get(url);
  assert.equal((await client.post(`${url}/votes`, { proposal: String(s.proposals[0]!.id), back: url })).statusCode, 303);
  const back = `${url}?category=${s.categories[0]}&sort=oldest`;
  const refused = await client.post(`${url}/votes`, { proposal: String(s.proposals[1]!.id), back });
  assert.equal(refused.statusCode, 422);
  assert.match(refused.body, new RegExp(`<option value="${s.categories[0]}" selected>`));
  assert.match(refused.body, /id="selection-vote-\d+-reason" role="alert"/);
  assert.equal((t.db.sqlite.prepare('select count(*) as n from selection_votes where step_id = ?').get(s.stepId) as { n: number }).n, 1);
  const page = await client.post(`${url}/votes`, { proposal: String(s.proposals[1]!.id), back: `${url}/proposals/${s.proposals[1]!.id}` });
  assert.equal(page.statusCode, 422);
  assert.match(page.body, /<h1>Autre moyen<\/h1>/);
  assert.match(page.body, /role="alert"/);
});

test('sorted by supports, newest, oldest, comments or cost, filtered or not, a page is picked on one index alone without sorting, and only its rows are joined', async () => {
  const INDEX: Record<string, RegExp> = {
    supports: /selection_proposals_(supports|district)/,
    newest: /selection_proposals_newest/,
    oldest: /selection_proposals_newest/,
    // The vote's copy of the comment counter and the cost, indexed by migration 0022 (random: list-random.test.ts).
    comments: /selection_proposals_comments/,
    cheapest: /selection_proposals_cost/,
    expensive: /selection_proposals_cost/,
  };
  // The filters' values are the vote's own copies, read in the index's entries (migration 0026).
  const FILTERS = [{}, { categoryId: 1 }, { districtId: 1, statusId: 1 }];
  for (const [sort, index] of Object.entries(INDEX)) {
    for (const filters of FILTERS) {
      const what = `${sort} ${JSON.stringify(filters)}`;
      const [sql] = await statementsPreparedBy((db) => listProposals(db, { stepId: 1, sort: sort as 'supports', page: 1, seed: 1, categoryId: null, districtId: null, statusId: null, match: null, ...filters }));
      const params = sql!.split('?').length - 1;
      const plan = t.db.sqlite.prepare(`explain query plan ${sql}`).all(...Array.from({ length: params }, () => 1)) as { id: number; parent: number; detail: string }[];
      const page = plan.find((r) => r.detail.startsWith('CO-ROUTINE pg'))!;
      const inner = plan.filter((r) => r.parent === page.id).map((r) => r.detail).join('\n');
      assert.match(inner, new RegExp(`^SEARCH sp USING COVERING INDEX ${index.source}`), what);
      assert.doesNotMatch(inner, /TEMP B-TREE|\bp\b/, what);
      const outer = plan.filter((r) => r.parent === 0).map((r) => r.detail);
      assert.equal(outer[1], 'SCAN pg', `${what}: the page's rows drive the joins`);
      assert.match(outer[2]!, /SEARCH sp USING INDEX sqlite_autoindex_selection_proposals_1 \(step_id=\? AND proposal_id=\?\)/, what);
    }
  }
});

test('once the results are published, a winner’s page shows its realisation; the others show none', async () => {
  const s = makeSelection(t.db, { state: 'closed', proposals: [{ title: 'Lauréate' }, { title: 'Non retenue' }] });
  const [won, lost] = s.proposals;
  set('update selection_proposals set winner = 1, progress = 40 where step_id = ? and proposal_id = ?', s.stepId, won!.id);
  const page = (id: number) => get(`/selection/${s.stepId}/proposals/${id}`).then((r) => r.body);
  assert.doesNotMatch(await page(won!.id), /Réalisation du projet/, 'not before publication');
  set('insert into selection_steps (step_id, results_published_at) values (?, ?)', s.stepId, new Date().toISOString());
  t.app.pageCache.clear();
  const shown = await page(won!.id);
  assert.match(shown, /Réalisation du projet/);
  assert.match(shown, /Avancement : 40 %/);
  assert.doesNotMatch(await page(lost!.id), /Réalisation du projet/);
});
