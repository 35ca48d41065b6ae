// The debate page: what each visitor is offered, the two columns sorted by usefulness or date and
// paginated without counting, the htmx fragment, the page cache for anonymous visitors, the
// invited opinions and the conclusion once closed, the step's default sort, and English.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { makeApp, type TestApp } from '../../../test/helpers/app.ts';
import { addUser, loginAs } from '../../../test/helpers/factories.ts';
import { addArgument, makeDebate, setState } from './test-fixtures.ts';
import { saveConclusion, saveOpinions } from './writes.ts';
import { PAGE_SIZE } from './rules.ts';

let t: TestApp;
before(async () => (t = await makeApp()));
after(() => t.close());

/** The argument ids of a column, in the order the page shows them. */
function column(html: string, side: 'for' | 'against'): number[] {
  const start = html.indexOf(`class="debate-side debate-side-${side}"`);
  const part = html.slice(start, html.indexOf('</section>', start));
  return [...part.matchAll(/<li class="debate-argument" id="argument-(\d+)">/g)].map((m) => Number(m[1]));
}

test('an anonymous visitor reads everything, is invited to log in, and is offered no form', async () => {
  const d = makeDebate(t.db);
  addArgument(t.db, d, addUser(t.db, 'citizen', { name: 'Nadia Voisine' }), 'for', { body: 'Plus de **calme** le samedi.' });
  const res = await t.client().get(`/debate/${d.stepId}`);
  assert.equal(res.statusCode, 200);
  assert.match(res.body, /<h1>Faut-il fermer la rue \d+ aux voitures \?<\/h1>/);
  assert.match(res.body, /Une <strong>présentation<\/strong> du débat/);
  assert.match(res.body, /Plus de <strong>calme<\/strong> le samedi/);
  assert.match(res.body, /Nadia Voisine/);
  assert.match(res.body, /href="\/login\?next=/, 'the way to log in and take part');
  assert.doesNotMatch(res.body, /<form[^>]*action="\/debate\/\d+\/(vote|arguments)/);
  assert.doesNotMatch(res.body, /\/useful"/);
  assert.match(res.body, /<div class="debate-vote" id="debate-vote">/, 'the results, without buttons');
  assert.doesNotMatch(res.body, /Gérer ce débat/);
});

test('the columns sort by usefulness or by date, ten per page and side, with a next page found without counting', async () => {
  const d = makeDebate(t.db);
  const ids = Array.from({ length: PAGE_SIZE + 2 }, (_, i) => addArgument(t.db, d, addUser(t.db), 'for', { useful: [3, 0, 7, 1][i % 4] }));
  const against = [addArgument(t.db, d, addUser(t.db), 'against', { useful: 1 }), addArgument(t.db, d, addUser(t.db), 'against', { useful: 5 })];
  const client = (await loginAs(t)).client;
  const useful = await client.get(`/debate/${d.stepId}`);
  const byUseful = [...ids].sort((a, b) => [3, 0, 7, 1][ids.indexOf(b) % 4]! - [3, 0, 7, 1][ids.indexOf(a) % 4]! || b - a);
  assert.deepEqual(column(useful.body, 'for'), byUseful.slice(0, PAGE_SIZE));
  assert.deepEqual(column(useful.body, 'against'), [against[1], against[0]]);
  assert.match(useful.body, /<a href="\/debate\/\d+\?sort=useful"[^>]*aria-current="true">Les plus utiles<\/a>/);
  assert.match(useful.body, /href="\/debate\/\d+\?sort=useful&amp;page=2"[^>]*rel="next"/);

  const newest = await client.get(`/debate/${d.stepId}?sort=newest`);
  assert.deepEqual(column(newest.body, 'for'), [...ids].reverse().slice(0, PAGE_SIZE));
  assert.deepEqual(column(newest.body, 'against'), [against[1], against[0]]);
  const second = await client.get(`/debate/${d.stepId}?sort=newest&page=2`);
  assert.deepEqual(column(second.body, 'for'), [ids[1], ids[0]]);
  assert.match(second.body, /Pas d’autre argument de ce côté/);
  assert.match(second.body, /rel="prev"/);
  assert.doesNotMatch(second.body, /rel="next"/);
  // Unknown sorts and pages fall back; absurd pages are served empty, not as errors.
  assert.deepEqual(column((await client.get(`/debate/${d.stepId}?sort=votes&page=x`)).body, 'for'), byUseful.slice(0, PAGE_SIZE));
  assert.equal((await client.get(`/debate/${d.stepId}?page=99999`)).statusCode, 200);
});

test('with htmx a sort link gets the columns alone, whose links push the address', async () => {
  const d = makeDebate(t.db);
  addArgument(t.db, d, addUser(t.db), 'for');
  const res = await t.client().get(`/debate/${d.stepId}?sort=newest`, { 'hx-request': 'true' });
  assert.equal(res.statusCode, 200);
  assert.match(res.body, /^<nav aria-label="Trier les arguments" class="sorts">/);
  assert.doesNotMatch(res.body, /<html|<h1>/);
  assert.match(res.body, /data-hx-get="\/debate\/\d+\?sort=useful" data-hx-target="#debate-columns" data-hx-push-url="true"/);
  assert.equal(res.headers.vary, 'HX-Request');
  // A history restore gets the whole page.
  const restore = await t.client().get(`/debate/${d.stepId}?sort=newest`, { 'hx-request': 'true', 'hx-history-restore-request': 'true' });
  assert.match(restore.body, /<h1>/);
});

test('anonymous visitors get the page from the cache, keyed on the parameters it reads; a committed write empties it', async () => {
  const d = makeDebate(t.db);
  const visitor = t.client();
  assert.match((await visitor.get(`/debate/${d.stepId}?sort=newest`)).body, /Contre \(0\)/);
  // Written behind the app's back (no commit): the cached page does not see it.
  t.db.sqlite.prepare('insert into debate_steps (step_id, arguments_against) values (?, 5)').run(d.stepId);
  assert.match((await visitor.get(`/debate/${d.stepId}?sort=newest&utm_source=x`)).body, /Contre \(0\)/, 'same entry, extra parameters ignored');
  assert.match((await (await loginAs(t)).client.get(`/debate/${d.stepId}?sort=newest`)).body, /Contre \(5\)/, 'a logged-in page is built per request');
  const { client } = await loginAs(t);
  await client.post(`/debate/${d.stepId}/vote`, { value: 'for' });
  assert.match((await visitor.get(`/debate/${d.stepId}?sort=newest`)).body, /Contre \(5\)/);
});

test('the invited opinions are shown with their authors and roles; the conclusion only once the debate is closed', async () => {
  const d = makeDebate(t.db);
  saveOpinions(t.db, d.stepId, {
    for: { name: 'Claire Fournier', role: 'adjointe au maire, urbanisme', body: 'Une place **apaisée**.' },
    against: { name: 'Patrick Roux', role: 'commerçant', body: 'Nos clients viennent en voiture.' },
  });
  saveConclusion(t.db, d.stepId, 'La place sera piétonne **à l’essai**.');
  const client = t.client();
  const open = await client.get(`/debate/${d.stepId}`);
  assert.match(open.body, /<h2 id="debate-opinions-title">Points de vue invités<\/h2>/);
  assert.match(open.body, /<h3 id="debate-opinion-for">Claire Fournier<\/h3>\s*<p class="meta">adjointe au maire, urbanisme<\/p>/);
  assert.match(open.body, /Une place <strong>apaisée<\/strong>/);
  assert.ok(open.body.indexOf('Claire Fournier') < open.body.indexOf('Patrick Roux'), 'for, then against');
  assert.doesNotMatch(open.body, /Conclusion du débat/);
  setState(t.db, d, 'closed');
  t.app.pageCache.clear(); // the dates moved behind the app's back; the cache would wait for its TTL
  const closed = await t.client().get(`/debate/${d.stepId}`);
  assert.match(closed.body, /<h2 id="debate-conclusion-title">Conclusion du débat<\/h2>\s*<div class="prose" data-hx-ignore><p>La place sera piétonne <strong>à l’essai<\/strong>/);
  assert.match(closed.body, /Ce débat est clos/);
});

test('an upcoming debate says when it opens; the step setting chooses the default sort', async () => {
  const d = makeDebate(t.db, { state: 'upcoming', settings: { default_sort: 'newest' } });
  const ids = [addArgument(t.db, d, addUser(t.db), 'for', { useful: 9 }), addArgument(t.db, d, addUser(t.db), 'for')];
  const page = await (await loginAs(t)).client.get(`/debate/${d.stepId}`);
  assert.match(page.body, /Ce débat n&#39;est pas encore ouvert : il commence le/);
  assert.deepEqual(column(page.body, 'for'), [ids[1], ids[0]]);
  assert.match(page.body, /<a href="\/debate\/\d+\?sort=newest"[^>]*aria-current="true">/);
});

test('the page in English, and the administrator’s way to the admin page', async () => {
  const d = makeDebate(t.db);
  const { client } = await loginAs(t, 'admin');
  await client.get('/lang/en');
  const page = await client.get(`/debate/${d.stepId}`);
  assert.match(page.body, /<html lang="en">/);
  assert.match(page.body, /Your position/);
  assert.match(page.body, /The arguments/);
  assert.match(page.body, /Give your argument/);
  assert.match(page.body, /No votes yet\./);
  assert.match(page.body, new RegExp(`href="/debate/${d.stepId}/admin">Manage this debate`));
});
