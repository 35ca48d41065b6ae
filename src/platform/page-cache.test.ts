// The page cache of anonymous public pages: shared only where it is safe, emptied by writes.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { makeApp, type TestApp } from '../../test/helpers/app.ts';
import { write } from '../db/write.ts';
import { insertUser } from './users.ts';
import { createSession } from './sessions.ts';

let t: TestApp;
before(async () => (t = await makeApp()));
after(() => t.close());

const setLegalText = (body: string) => {
  t.app.pageCache.clear(); // each test starts from an empty cache
  write(t.db, (tx) => tx.run(t.db.updateTable('legal_pages').set({ body_md: body }).where('slug', '=', 'mentions-legales')));
};
const changeLegalText = (body: string) => write(t.db, (tx) => tx.run(t.db.updateTable('legal_pages').set({ body_md: body }).where('slug', '=', 'mentions-legales')));
const page = '/pages/mentions-legales';

test('an anonymous public page is served again from memory, while a logged-in person reads the database', async () => {
  setLegalText('Première version');
  const visitor = t.client();
  assert.match((await visitor.get(page)).body, /Première version/);
  changeLegalText('Deuxième version'); // behind the app's back: no request, so no invalidation
  assert.match((await visitor.get(page)).body, /Première version/);
  assert.match((await t.client().get(page)).body, /Première version/, 'another visitor shares the entry');

  const userId = write(t.db, (tx) => insertUser(t.db, tx, { email: 'cache@example.org', passwordHash: null, displayName: 'Cache', emailConfirmed: true }));
  const member = t.client();
  member.cookies.set('session', createSession(t.db, userId));
  assert.match((await member.get(page)).body, /Deuxième version/);
});

test('any state-changing request empties the cache before its answer leaves', async () => {
  setLegalText('Avant');
  const visitor = t.client();
  await visitor.get(page);
  changeLegalText('Après');
  assert.match((await visitor.get(page)).body, /Avant/);
  await visitor.post('/lang/en', { _csrf: 'x' }); // refused (403), but a write was attempted
  assert.match((await visitor.get(page)).body, /Après/);
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
