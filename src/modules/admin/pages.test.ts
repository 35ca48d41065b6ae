// Legal pages: an administrator edits their Markdown; the public page shows it sanitised.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { makeApp, type TestApp, type Client } from '../../../test/helpers/app.ts';
import { loginAs } from '../../../test/helpers/factories.ts';

let t: TestApp;
let admin: Client;
before(async () => {
  t = await makeApp();
  admin = (await loginAs(t, 'admin')).client;
});
after(() => t.close());

const body = (slug: string) => t.db.selectFrom('legal_pages').select(['body_md', 'updated_at']).where('slug', '=', slug).executeTakeFirstOrThrow();

test('the list shows the four legal pages with links to edit them', async () => {
  const res = await admin.get('/admin/pages');
  assert.equal(res.statusCode, 200);
  for (const slug of ['mentions-legales', 'conditions-utilisation', 'donnees-personnelles', 'accessibilite']) assert.match(res.body, new RegExp(`href="/admin/pages/${slug}"`));
  assert.match(res.body, /pas encore rédigée/);
});

test('an edited legal page shows on its public page with sanitised Markdown', async () => {
  const md = '## Éditeur\n\nMairie de **Rezé**.\n\n<script>alert(1)</script>\n\n[lien](javascript:alert(2)) et [site](https://reze.example)';
  const res = await admin.submit('/admin/pages/mentions-legales', { body_md: md });
  assert.equal(res.statusCode, 303);
  assert.equal(res.headers.location, '/admin/pages');
  assert.equal((await body('mentions-legales')).body_md, md);
  const list = await admin.get('/admin/pages');
  assert.match(list.body, /La page a été enregistrée/);
  assert.match(list.body, /mise à jour le/);
  const page = await t.client().get('/pages/mentions-legales');
  assert.equal(page.statusCode, 200);
  assert.match(page.body, /<h2>Éditeur<\/h2>/);
  assert.match(page.body, /<strong>Rezé<\/strong>/);
  assert.doesNotMatch(page.body, /<script>alert/);
  assert.match(page.body, /&lt;script&gt;alert\(1\)&lt;\/script&gt;/, 'the script is shown as inert text');
  assert.doesNotMatch(page.body, /href="javascript:/);
  assert.match(page.body, /href="https:\/\/reze.example"/);
  const edit = await admin.get('/admin/pages/mentions-legales');
  assert.match(edit.body, /Mairie de \*\*Rezé\*\*/, 'the form shows the Markdown source');
});

test('a legal page can be emptied again', async () => {
  await admin.submit('/admin/pages/conditions-utilisation', { body_md: 'Texte' });
  const res = await admin.submit('/admin/pages/conditions-utilisation', { body_md: '' });
  assert.equal(res.statusCode, 303);
  assert.equal((await body('conditions-utilisation')).body_md, '');
});

test('a body over 50,000 characters is refused with 422 and the page unchanged', async () => {
  const before = await body('accessibilite');
  const res = await admin.submit('/admin/pages/accessibilite', { body_md: 'a'.repeat(50_001) });
  assert.equal(res.statusCode, 422);
  assert.match(res.body, /ne doit pas dépasser 50[\s\u202f ]?000 caractères/);
  assert.deepEqual(await body('accessibilite'), before);
});

test('an unknown legal page is a 404 to read and to write', async () => {
  assert.equal((await admin.get('/admin/pages/nope')).statusCode, 404);
  await admin.get('/admin/pages');
  assert.equal((await admin.post('/admin/pages/nope', { body_md: 'x' })).statusCode, 404);
  assert.equal(await t.db.selectFrom('legal_pages').select('slug').where('slug', '=', 'nope').executeTakeFirst(), undefined);
});
