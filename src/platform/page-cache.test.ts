// The page cache of anonymous public pages: shared only where it is safe, emptied by committed
// writes (and only by them), keyed on the query parameters the route reads.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { makeApp, type TestApp } from '../../test/helpers/app.ts';
import { write } from '../db/write.ts';
import { createSession } from './sessions.ts';
import { addUser, sessionClient } from '../../test/helpers/factories.ts';
import { forgetSite } from './site.ts';

let t: TestApp;
before(async () => (t = await makeApp()));
after(() => t.close());

const setLegalText = (body: string) => {
  t.app.pageCache.clear(); // each test starts from an empty cache
  write(t.db, (tx) => tx.run(t.db.updateTable('legal_pages').set({ body_md: body }).where('slug', '=', 'mentions-legales')));
};
/** Behind the app's back: straight to SQLite, so no commit listener hears of it. */
const changeLegalText = (body: string) => t.db.sqlite.prepare("update legal_pages set body_md = ? where slug = 'mentions-legales'").run(body);
const page = '/pages/mentions-legales';

test('an anonymous public page is served again from memory, while a logged-in person reads the database', async () => {
  setLegalText('Première version');
  const visitor = t.client();
  assert.match((await visitor.get(page)).body, /Première version/);
  changeLegalText('Deuxième version'); // behind the app's back: no request, so no invalidation
  assert.match((await visitor.get(page)).body, /Première version/);
  assert.match((await t.client().get(page)).body, /Première version/, 'another visitor shares the entry');

  const member = sessionClient(t, addUser(t.db));
  assert.match((await member.get(page)).body, /Deuxième version/);
});

test('a refused request leaves the cache alone: posting garbage cannot keep it cold', async () => {
  setLegalText('Avant');
  const visitor = t.client();
  await visitor.get('/login'); // a CSRF token, so the refusals below are not all CSRF ones
  await visitor.get(page);
  changeLegalText('Après');
  assert.equal((await visitor.post('/lang/en', { _csrf: 'x' })).statusCode, 403); // bad CSRF token
  assert.equal((await visitor.post('/account/profile', {})).statusCode, 401); // no session
  assert.equal((await visitor.post('/login', { email: '' })).statusCode, 422); // invalid form
  assert.match((await visitor.get(page)).body, /Avant/);
});

test('a committed write empties the cache, from the write itself, before any answer leaves', async () => {
  const userId = addUser(t.db);
  setLegalText('Avant');
  const visitor = t.client();
  await visitor.get(page);
  write(t.db, (tx) => tx.run(t.db.updateTable('legal_pages').set({ body_md: 'Après' }).where('slug', '=', 'mentions-legales')));
  assert.match((await visitor.get(page)).body, /Après/);
  // Bookkeeping no page shows (a session opened) keeps the cache.
  changeLegalText('Plus tard');
  createSession(t.db, userId);
  assert.match((await visitor.get(page)).body, /Après/);
});

test('cached pages are keyed on the query parameters the route reads, not on any query string', async () => {
  setLegalText('Clé');
  const visitor = t.client();
  await visitor.get(page);
  changeLegalText('Autre');
  for (const junk of ['?x=1', '?utm_source=lettre', '?a=b&c=d']) assert.match((await visitor.get(page + junk)).body, /Clé/, junk);
  // The home page reads its filters: a filter is part of the key, junk beside it is not.
  const home = await visitor.get('/?state=open&junk=1');
  assert.equal(home.statusCode, 200);
  assert.doesNotMatch(home.body, /junk/, 'the cached page is rendered for the address without the junk');
});

test('text holding what looks like a marker is never swapped for the reader’s token', async () => {
  // The site's name is plain text on every page (a display name or a source title would be too).
  t.db.sqlite.prepare('update site_settings set name = ? where id = 1').run('Ville \u0000csrf\u0000 csrf-00000000000000000000000000000000');
  forgetSite(t.db);
  setLegalText('Texte');
  try {
    await t.client().get(page);
    const body = (await t.client().get(page)).body;
    assert.match(body, /<title>Mentions légales · Ville \u0000csrf\u0000 csrf-0{32}<\/title>/);
    const token = /"X-CSRF-Token": "([^"]+)"/.exec(body)?.[1];
    assert.ok(token);
    assert.equal(body.split(token).length - 1, 1 + (body.match(/name="_csrf"/g)?.length ?? 0), 'the token is in the header and the forms only');
  } finally {
    t.db.sqlite.prepare("update site_settings set name = 'Palabre' where id = 1").run();
    forgetSite(t.db);
    t.app.pageCache.clear();
  }
});

test('each visitor gets their own CSRF token in a cached page, and it is accepted', async () => {
  const a = t.client();
  const b = t.client();
  const tokenOf = (html: string) => /"X-CSRF-Token": "([^"]+)"/.exec(html)?.[1];
  const first = tokenOf((await a.get(page)).body);
  const second = tokenOf((await b.get(page)).body);
  assert.ok(first && second);
  assert.notEqual(first, second);
  assert.doesNotMatch((await b.get(page)).body, /\u0000/);
  const res = await b.post('/login', { _csrf: second!, email: 'nobody@example.org', password: 'wrong password here' });
  assert.equal(res.statusCode, 422, 'the token from the cached page passes the CSRF check');
});

test('the language is part of the key, and a page carrying a flash message is not shared', async () => {
  setLegalText('Texte');
  const english = t.client();
  await english.get('/lang/en');
  assert.match((await english.get(page)).body, /Legal notice/);
  assert.match((await t.client().get(page)).body, /Mentions légales/);
  const flashed = t.client();
  flashed.cookies.set('flash', 'accounts.flash.logged_out');
  const res = await flashed.get(page);
  assert.match(res.body, /class="flash"/);
  assert.doesNotMatch((await t.client().get(page)).body, /class="flash"/);
});

test('no cached page outlives the next change a module said is due, and the date is read again after a write', async () => {
  // A module's scheduled change (as the news' next publication), moved by the test.
  let due: number | null = null;
  t.app.pageCache.changesAt((after) => (due !== null && due > after ? due : null));
  try {
    setLegalText('Avant l’échéance');
    due = Date.now() + 400;
    t.app.pageCache.clear(); // a write: the date is read again
    const visitor = t.client();
    assert.match((await visitor.get(page)).body, /Avant l’échéance/);
    changeLegalText('Après l’échéance');
    assert.match((await visitor.get(page)).body, /Avant l’échéance/, 'from the cache until the date');
    await new Promise((resolve) => setTimeout(resolve, due! - Date.now() + 20));
    assert.match((await visitor.get(page)).body, /Après l’échéance/, 'rendered afresh once it passed');
    // The date passed and none follows: the usual lifetime again.
    changeLegalText('Plus tard');
    assert.match((await visitor.get(page)).body, /Après l’échéance/);
  } finally {
    due = null;
    t.app.pageCache.clear();
  }
});
