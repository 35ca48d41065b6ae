// Smoke tests of the platform shell: pages render in both languages, headers are strict.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { makeApp, type TestApp } from '../test/helpers/app.ts';

let t: TestApp;
before(async () => (t = await makeApp()));
after(() => t.close());

test('the home page renders in French by default with a skip link and the language switch', async () => {
  const res = await t.client().get('/');
  assert.equal(res.statusCode, 200);
  assert.match(res.body, /<html lang="fr">/);
  assert.match(res.body, /Aller au contenu/);
  assert.match(res.body, /href="\/lang\/en\?next=%2F"/);
});

test('the language switch sets English and comes back to the page', async () => {
  const c = t.client();
  const res = await c.get('/lang/en?next=/pages/accessibilite');
  assert.equal(res.statusCode, 303);
  assert.equal(res.headers.location, '/pages/accessibilite');
  const page = await c.get('/pages/accessibilite');
  assert.match(page.body, /<html lang="en">/);
  assert.match(page.body, /Accessibility statement/);
});

test('the language switch never redirects to another site', async () => {
  const res = await t.client().get('/lang/en?next=//evil.example');
  assert.equal(res.headers.location, '/');
});

test('an unknown page is a 404 page in the person language', async () => {
  const c = t.client();
  const fr = await c.get('/nope');
  assert.equal(fr.statusCode, 404);
  assert.match(fr.body, /Page introuvable/);
  await c.get('/lang/en');
  const en = await c.get('/nope');
  assert.match(en.body, /Page not found/);
});

test('security headers forbid inline scripts, framing and base tags', async () => {
  const res = await t.client().get('/');
  const csp = String(res.headers['content-security-policy']);
  assert.match(csp, /script-src 'self'/);
  assert.match(csp, /base-uri 'none'/);
  assert.match(csp, /frame-ancestors 'none'/);
  assert.match(csp, /object-src 'none'/);
  assert.doesNotMatch(csp, /upgrade-insecure-requests/);
  assert.equal(res.headers['strict-transport-security'], undefined);
});

test('healthz answers ok when the database answers', async () => {
  const res = await t.client().get('/healthz');
  assert.equal(res.statusCode, 200);
  assert.deepEqual(res.json(), { status: 'ok' });
});

test('a POST without a CSRF token is refused with 403', async () => {
  const res = await t.client().post('/lang/en', { _csrf: '' });
  assert.equal(res.statusCode, 403);
  assert.match(res.body, /formulaire a expiré/);
});

test('htmx is served with a content hash and a long cache', async () => {
  const home = await t.client().get('/');
  const src = /<script src="(\/assets\/[0-9a-f]{12}\/htmx\.js)"/.exec(home.body)?.[1];
  assert.ok(src, 'htmx script tag');
  const res = await t.client().get(src);
  assert.equal(res.statusCode, 200);
  assert.match(String(res.headers['cache-control']), /immutable/);
});
