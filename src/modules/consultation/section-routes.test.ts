// The step page, the section page (sorts, pagination without COUNT, htmx fragment) and posting a
// contribution: who may, who may not, bad input, closed steps, forged ids, inert Markdown.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { makeApp, type TestApp } from '../../../test/helpers/app.ts';
import { readSync, write } from '../../db/write.ts';
import { loginAs, addUser, daysFromNow, makeStep } from '../../../test/helpers/factories.ts';
import { makeConsultation, addItem } from './test-fixtures.ts';
import { randomKey } from './rules.ts';

let t: TestApp;
before(async () => (t = await makeApp()));
after(() => t.close());

const ids = (body: string) => [...body.matchAll(/<li class="card" id="item-(\d+)"/g)].map((m) => Number(m[1]));

test('the step page shows the project, the state and the nested table of contents with counters', async () => {
  const c = makeConsultation(t.db);
  write(t.db, (tx) => tx.run(t.db.updateTable('consultation_sections').set({ contributions_count: 3 }).where('id', '=', c.childSectionId)));
  const res = await t.client().get(`/consultation/${c.stepId}`);
  assert.equal(res.statusCode, 200);
  assert.match(res.body, /<h1>Consultation \d+<\/h1>/);
  assert.match(res.body, /class="tag state state-open">En cours/);
  assert.match(res.body, /<a href="\/projects\/charte-[^"]+">Charte \d+<\/a>/);
  // Article 1 is nested inside Titre I's list item.
  assert.match(res.body, /Titre I<\/a>[\s\S]*?<ol>[\s\S]*?Article 1<\/a>\s*<span class="meta">\(3 contributions/);
  assert.match(res.body, /Connectez-vous ou créez un compte/);
  assert.doesNotMatch(res.body, /Gérer cette consultation/);
});

test('the step page offers its admin page to administrators only', async () => {
  const c = makeConsultation(t.db);
  const { client: admin } = await loginAs(t, 'admin');
  assert.match((await admin.get(`/consultation/${c.stepId}`)).body, new RegExp(`href="/consultation/${c.stepId}/admin"`));
  const { client: citizen } = await loginAs(t, 'citizen');
  const page = await citizen.get(`/consultation/${c.stepId}`);
  assert.doesNotMatch(page.body, /\/admin"/);
  assert.doesNotMatch(page.body, /class="requirements"/);
});

test('a draft project is seen by administrators only; restricted ones by their groups', async () => {
  const draft = makeConsultation(t.db, { visibility: 'draft' });
  const restricted = makeConsultation(t.db, { visibility: 'restricted' });
  const { client: citizen } = await loginAs(t, 'citizen');
  const { client: admin } = await loginAs(t, 'admin');
  for (const c of [draft, restricted]) {
    assert.equal((await t.client().get(`/consultation/${c.stepId}`)).statusCode, 404);
    assert.equal((await citizen.get(`/consultation/${c.stepId}`)).statusCode, 404);
    assert.equal((await citizen.get(`/consultation/${c.stepId}/sections/${c.sectionId}`)).statusCode, 404);
    assert.equal((await admin.get(`/consultation/${c.stepId}`)).statusCode, 200);
  }
});

test('a step of another type, an unknown step or a malformed id is a 404', async () => {
  const c = makeConsultation(t.db);
  makeStep(t.db, c.projectId, { type: 'presentation', title: 'Présentation', starts: null, ends: null });
  const other = readSync(t.db).first(t.db.selectFrom('steps').select('id').where('type', '=', 'presentation').where('project_id', '=', c.projectId))!;
  for (const url of [`/consultation/${other.id}`, '/consultation/999999', '/consultation/abc', '/consultation/1e2', `/consultation/${c.stepId}/sections/999999`]) {
    assert.equal((await t.client().get(url)).statusCode, 404, url);
  }
});

test('a section of another step cannot be reached through this step', async () => {
  const a = makeConsultation(t.db);
  const b = makeConsultation(t.db);
  assert.equal((await t.client().get(`/consultation/${a.stepId}/sections/${b.sectionId}`)).statusCode, 404);
});

test('the section page shows its text, subsections and vote results, without forms for visitors', async () => {
  const c = makeConsultation(t.db);
  const res = await t.client().get(`/consultation/${c.stepId}/sections/${c.sectionId}`);
  assert.equal(res.statusCode, 200);
  assert.match(res.body, /<strong>titre I<\/strong>/);
  assert.match(res.body, /Sous-parties[\s\S]*Article 1/);
  assert.match(res.body, /Aucune contribution pour le moment/);
  assert.doesNotMatch(res.body, /<form[^>]*contributions/);
  assert.doesNotMatch(res.body, /<form class="vote"/);
});

test('each sort orders the items by its counter, ties broken by the newest id', async () => {
  const c = makeConsultation(t.db);
  const author = addUser(t.db);
  const mk = (days: number, a: number, m: number, d: number) => addItem(t.db, c, c.childSectionId, author, { createdAt: daysFromNow(-days), votes: { agree: a, mitigated: m, disagree: d } });
  const old = mk(5, 10, 0, 10); // controversy 20, total 20, agree 10
  const mid = mk(3, 100, 0, 2); // controversy 4, total 102, agree 100
  const recent = mk(1, 50, 5, 50); // controversy 100, total 105, agree 50
  const none = mk(2, 0, 0, 0);
  const expected: Record<string, number[]> = {
    newest: [recent, none, mid, old],
    oldest: [old, mid, none, recent],
    votes: [recent, mid, old, none],
    agreed: [mid, recent, old, none],
    controversial: [recent, old, mid, none],
  };
  for (const [sort, order] of Object.entries(expected)) {
    const res = await t.client().get(`/consultation/${c.stepId}/sections/${c.childSectionId}?sort=${sort}`);
    assert.deepEqual(ids(res.body), order, sort);
    assert.match(res.body, new RegExp(`sort=${sort}&amp;kind=opinion"[^>]*aria-current="true"`));
  }
  // An unknown sort falls back to the section's default (newest).
  assert.deepEqual(ids((await t.client().get(`/consultation/${c.stepId}/sections/${c.childSectionId}?sort=nope`)).body), expected.newest);
});

test('the random order is stable for one visit and differs between visits', async () => {
  const c = makeConsultation(t.db);
  const author = addUser(t.db);
  for (let i = 0; i < 15; i++) addItem(t.db, c, c.childSectionId, author);
  const url = `/consultation/${c.stepId}/sections/${c.childSectionId}?sort=random`;
  const visit = t.client();
  const first = await visit.get(url);
  assert.ok(visit.cookies.get('consult_seed'), 'a seed cookie is set');
  assert.doesNotMatch(String(first.headers['set-cookie']), /Max-Age|Expires/i, 'a session cookie');
  const again = await visit.get(url);
  assert.deepEqual(ids(again.body), ids(first.body));
  assert.equal(ids(first.body).length, 15);
  const orders = new Set<string>();
  for (const seed of ['1234567', '987654321', '2000000000']) {
    const other = t.client();
    other.cookies.set('consult_seed', seed);
    orders.add(ids((await other.get(url)).body).join(','));
  }
  assert.ok(orders.size >= 2, 'different seeds give different orders');
  const sorted = [...ids(first.body)].sort((a, b) => a - b);
  assert.notDeepEqual(ids(first.body), sorted);
  // The order is the one rules.randomKey describes.
  const seeded = t.client();
  seeded.cookies.set('consult_seed', '1234567');
  const expected = [...sorted].sort((a, b) => randomKey(a, 1234567) - randomKey(b, 1234567) || a - b);
  assert.deepEqual(ids((await seeded.get(url)).body), expected);
  // A malformed seed is replaced by a fresh one.
  const forged = t.client();
  forged.cookies.set('consult_seed', 'abc');
  await forged.get(url);
  assert.match(forged.cookies.get('consult_seed') ?? '', /^\d+$/);
});

test('lists are paginated by 20 with previous and next links, and only published items of the kind', async () => {
  const c = makeConsultation(t.db);
  const author = addUser(t.db);
  const made: number[] = [];
  for (let i = 0; i < 25; i++) made.push(addItem(t.db, c, c.childSectionId, author, { createdAt: daysFromNow(-30 + i) }));
  addItem(t.db, c, c.childSectionId, author, { status: 'hidden' });
  addItem(t.db, c, c.childSectionId, author, { status: 'trashed' });
  const amendment = addItem(t.db, c, c.childSectionId, author, { kind: 'amendment' });
  const base = `/consultation/${c.stepId}/sections/${c.childSectionId}`;
  const p1 = await t.client().get(base);
  assert.deepEqual(ids(p1.body), made.slice(5).reverse());
  assert.match(p1.body, /rel="next"[^>]*>Page suivante/);
  assert.doesNotMatch(p1.body, /rel="prev"/);
  const p2 = await t.client().get(`${base}?sort=newest&kind=opinion&page=2`);
  assert.deepEqual(ids(p2.body), made.slice(0, 5).reverse());
  assert.match(p2.body, /rel="prev"/);
  assert.doesNotMatch(p2.body, /rel="next"/);
  const p9 = await t.client().get(`${base}?page=9`);
  assert.deepEqual(ids(p9.body), []);
  assert.deepEqual(ids((await t.client().get(`${base}?kind=amendment`)).body), [amendment]);
});

test('the list is one indexed query with no COUNT, plus one query for the person’s votes', async () => {
  const t2 = await makeApp();
  try {
    const c = makeConsultation(t2.db);
    const { client, userId } = await loginAs(t2, 'citizen');
    for (let i = 0; i < 30; i++) addItem(t2.db, c, c.childSectionId, userId);
    const seen: string[] = [];
    const prepare = t2.db.sqlite.prepare.bind(t2.db.sqlite);
    t2.db.sqlite.prepare = ((sql: string) => (seen.push(sql), prepare(sql))) as typeof t2.db.sqlite.prepare;
    for (const sort of ['votes', 'controversial', 'agreed', 'newest']) await client.get(`/consultation/${c.stepId}/sections/${c.childSectionId}?sort=${sort}`);
    t2.db.sqlite.prepare = prepare as typeof t2.db.sqlite.prepare;
    assert.ok(!seen.some((s) => /count\(/i.test(s)), 'no COUNT');
    const lists = seen.filter((s) => /from "consultation_items" as "i"/.test(s) && /limit/.test(s));
    assert.equal(lists.length, 4);
    assert.equal(seen.filter((s) => /from "consultation_item_votes"/.test(s)).length, 1, 'the votes query (cached after the first page)');
    for (const sql of lists) {
      const params: unknown[] = [c.childSectionId, 'opinion', 1];
      if (sql.includes('limit ?')) params.push(21);
      if (sql.includes('offset ?')) params.push(0);
      const plan = (t2.db.sqlite.prepare(`explain query plan ${sql}`).all(...params) as { detail: string }[]).map((r) => r.detail).join(' | ');
      assert.match(plan, /SEARCH i USING INDEX consultation_items_/, plan);
      assert.doesNotMatch(plan, /TEMP B-TREE/, plan);
    }
  } finally {
    await t2.close();
  }
});

test('an htmx request for a sort gets the list fragment only', async () => {
  const c = makeConsultation(t.db);
  addItem(t.db, c, c.childSectionId, addUser(t.db), { title: 'Fragment' });
  const res = await t.client().get(`/consultation/${c.stepId}/sections/${c.childSectionId}?sort=votes`, { 'hx-request': 'true' });
  assert.equal(res.statusCode, 200);
  assert.doesNotMatch(res.body, /<html/);
  assert.match(res.body, /^<nav aria-label="Trier par/);
  assert.match(res.body, /Fragment/);
  const restore = await t.client().get(`/consultation/${c.stepId}/sections/${c.childSectionId}`, { 'hx-request': 'true', 'hx-history-restore-request': 'true' });
  assert.match(restore.body, /<html/);
});

test('the amendments tab offers the amendment form to those who may take part', async () => {
  const c = makeConsultation(t.db);
  const url = `/consultation/${c.stepId}/sections/${c.childSectionId}?kind=amendment`;
  const { client } = await loginAs(t, 'citizen');
  assert.match((await client.get(url)).body, new RegExp(`href="/consultation/${c.stepId}/sections/${c.childSectionId}/amendments/new"`));
  assert.doesNotMatch((await t.client().get(url)).body, /amendments\/new/);
  assert.doesNotMatch((await client.get(url.replace('?kind=amendment', ''))).body, /amendments\/new/);
  const closed = makeConsultation(t.db, { state: 'closed' });
  assert.doesNotMatch((await client.get(`/consultation/${closed.stepId}/sections/${closed.childSectionId}?kind=amendment`)).body, /amendments\/new/);
});
