// The administrator's own pages: created, edited and deleted from the back office, listed beside
// the legal pages, served at /pages/<slug> (a draft to administrators only); refused forms say
// why, in the person's language, with 422, and write nothing.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { makeApp, type TestApp, type Client } from '../../../test/helpers/app.ts';
import { countRows, loginAs } from '../../../test/helpers/factories.ts';

let t: TestApp;
let admin: Client;
before(async () => {
  t = await makeApp();
  admin = (await loginAs(t, 'admin')).client;
});
after(() => t.close());

const page = (slug: string) => t.db.selectFrom('site_pages').selectAll().where('slug', '=', slug).executeTakeFirst();
const form = (fields: Record<string, string>) => ({ title: 'Une page', slug: '', body_md: '', ...fields });
const allPages = () => t.db.selectFrom('site_pages').selectAll().orderBy('id').execute();

test('an administrator creates a published page, listed beside the legal pages and served at its address', async () => {
  const res = await admin.submit('/admin/pages/new', form({ title: 'Qui sommes-nous', slug: 'qui-sommes-nous', body_md: '## Équipe\r\n\r\nLa **mairie**.\r\n\r\n<script>alert(1)</script>', published: '1' }));
  assert.equal(res.statusCode, 303);
  assert.equal(res.headers.location, '/admin/pages');
  const row = await page('qui-sommes-nous');
  assert.equal(row?.title, 'Qui sommes-nous');
  assert.equal(row?.published, 1);
  assert.equal(row?.body_md, '## Équipe\n\nLa **mairie**.\n\n<script>alert(1)</script>', 'line ends are kept as \\n');

  const list = await admin.get('/admin/pages');
  assert.match(list.body, /La page a été enregistrée et publiée/);
  assert.match(list.body, new RegExp(`href="/admin/pages/custom/${row!.id}">Qui sommes-nous</a>`));
  assert.match(list.body, /\/pages\/qui-sommes-nous, publiée/);
  for (const slug of ['mentions-legales', 'accessibilite']) assert.match(list.body, new RegExp(`href="/admin/pages/${slug}"`));
  assert.deepEqual([...list.body.matchAll(/href="(\/admin\/pages\/[^"]*\/delete)"/g)].map((m) => m[1]), [`/admin/pages/custom/${row!.id}/delete`], 'only the own page can be deleted');

  const shown = await t.client().get('/pages/qui-sommes-nous');
  assert.equal(shown.statusCode, 200);
  assert.match(shown.body, /<h1>Qui sommes-nous<\/h1>/);
  assert.match(shown.body, /<title>Qui sommes-nous · /);
  assert.match(shown.body, /<h2>Équipe<\/h2>/);
  assert.match(shown.body, /<strong>mairie<\/strong>/);
  assert.doesNotMatch(shown.body, /<script>alert/);
  assert.doesNotMatch(shown.body, /Modifier cette page/, 'the edit link is for administrators');
  assert.match((await admin.get('/pages/qui-sommes-nous')).body, new RegExp(`href="/admin/pages/custom/${row!.id}">Modifier cette page`));
});

test('an empty slug is made from the title', async () => {
  const res = await admin.submit('/admin/pages/new', form({ title: 'Les élus & le conseil' }));
  assert.equal(res.statusCode, 303);
  assert.ok(await page('les-elus-le-conseil'));
});

test('a draft is a 404 for visitors and other roles, and shown to administrators with a notice', async () => {
  await admin.submit('/admin/pages/new', form({ title: 'En préparation', slug: 'en-preparation', body_md: 'Bientôt.' }));
  assert.equal((await page('en-preparation'))?.published, 0);
  assert.match((await admin.get('/admin/pages')).body, /enregistrée comme brouillon/);
  for (const who of ['citizen', 'moderator'] as const) {
    const { client } = await loginAs(t, who);
    assert.equal((await client.get('/pages/en-preparation')).statusCode, 404, who);
  }
  const visitor = await t.client().get('/pages/en-preparation');
  assert.equal(visitor.statusCode, 404);
  assert.doesNotMatch(visitor.body, /Bientôt/);
  const preview = await admin.get('/pages/en-preparation');
  assert.equal(preview.statusCode, 200);
  assert.match(preview.body, /Brouillon : cette page n’est visible que par les administrateurs/);
  assert.equal((await t.client().get('/pages/en-preparation')).statusCode, 404, 'the preview was not cached for visitors');
});

test('an unknown slug is a 404', async () => {
  assert.equal((await t.client().get('/pages/nulle-part')).statusCode, 404);
  assert.equal((await admin.get('/pages/nulle-part')).statusCode, 404);
});

test('an edited page shows at once, even to visitors served from the page cache', async () => {
  await admin.submit('/admin/pages/new', form({ title: 'Agenda', slug: 'agenda', body_md: 'Avant.', published: '1' }));
  const id = (await page('agenda'))!.id;
  assert.match((await t.client().get('/pages/agenda')).body, /Avant\./);
  assert.match((await t.client().get('/pages/agenda')).body, /Avant\./, 'now cached');
  const edit = await admin.get(`/admin/pages/custom/${id}`);
  assert.match(edit.body, /value="agenda"/);
  assert.match(edit.body, /id="field-published" name="published" value="1"[^>]*checked/);
  const res = await admin.post(`/admin/pages/custom/${id}`, form({ title: 'Agenda des réunions', slug: 'agenda-reunions', body_md: 'Après.', published: '1' }));
  assert.equal(res.statusCode, 303);
  assert.equal((await t.client().get('/pages/agenda')).statusCode, 404, 'the old address is gone');
  const now = await t.client().get('/pages/agenda-reunions');
  assert.match(now.body, /<h1>Agenda des réunions<\/h1>/);
  assert.match(now.body, /Après\./);
  await admin.post(`/admin/pages/custom/${id}`, form({ title: 'Agenda des réunions', slug: 'agenda-reunions', body_md: 'Après.' }));
  assert.equal((await t.client().get('/pages/agenda-reunions')).statusCode, 404, 'back to draft, hidden at once');
});

test('bad slugs, a legal slug and a slug already taken are refused with their message and nothing written', async () => {
  await admin.submit('/admin/pages/new', form({ title: 'Contact', slug: 'contact', published: '1' }));
  const before = await allPages();
  const cases: [string, RegExp][] = [
    ['À-Propos', /lettres minuscules sans accent, des chiffres et des tirets/],
    ['a_propos', /lettres minuscules sans accent/],
    ['../admin', /lettres minuscules sans accent/],
    ['mentions-legales', /celle d’une page légale/],
    ['donnees-personnelles', /celle d’une page légale/],
    ['contact', /Une autre page a déjà cette adresse/],
  ];
  for (const [slug, message] of cases) {
    const res = await admin.post('/admin/pages/new', form({ title: 'Essai', slug, body_md: 'Texte gardé', published: '1' }));
    assert.equal(res.statusCode, 422, slug);
    assert.match(res.body, message, slug);
    assert.match(res.body, /aria-invalid="true"/, slug);
    assert.match(res.body, /Texte gardé/, `${slug}: the form keeps what was typed`);
  }
  const empty = await admin.post('/admin/pages/new', form({ title: '' }));
  assert.equal(empty.statusCode, 422);
  assert.match(empty.body, /Ce champ est obligatoire/);
  // The same refusals when editing an existing page.
  const agenda = (await page('agenda-reunions'))!;
  for (const slug of ['contact', 'accessibilite', 'Agenda']) {
    assert.equal((await admin.post(`/admin/pages/custom/${agenda.id}`, form({ title: 'Agenda', slug }))).statusCode, 422, slug);
  }
  assert.deepEqual(await allPages(), before);
});

test('the refusals are worded in English for an English-speaking administrator', async () => {
  await admin.get('/lang/en');
  try {
    const res = await admin.post('/admin/pages/new', form({ title: 'Test', slug: 'conditions-utilisation' }));
    assert.equal(res.statusCode, 422);
    assert.match(res.body, /This address belongs to a legal page/);
    assert.match((await admin.post('/admin/pages/new', form({ title: 'Test', slug: 'Bad Slug' }))).body, /lowercase letters without accents, digits and hyphens/);
    assert.match((await admin.post('/admin/pages/new', form({ title: 'Test', slug: 'contact' }))).body, /Another page already has this address/);
    assert.match((await admin.get('/admin/pages')).body, /Other pages/);
  } finally {
    await admin.get('/lang/fr');
  }
});

test('deleting a page asks first, then removes it and the menu entries leading to it; legal pages cannot be deleted', async () => {
  await admin.submit('/admin/pages/new', form({ title: 'Éphémère', slug: 'ephemere', published: '1' }));
  const id = (await page('ephemere'))!.id;
  await admin.submit('/admin/menus/new?menu=header', { menu: 'header', kind: 'page', page: `page:${id}`, label: '' });
  await admin.submit('/admin/menus/new?menu=footer', { menu: 'footer', kind: 'page', page: `page:${id}`, label: 'Éphémère en bas' });
  assert.equal(countRows(t, `site_menu_items where page_id = ${id}`), 2);
  const confirm = await admin.get(`/admin/pages/custom/${id}/delete`);
  assert.equal(confirm.statusCode, 200);
  assert.match(confirm.body, /Les 2 entrées de menu qui y mènent seront retirées/);
  const res = await admin.post(`/admin/pages/custom/${id}/delete`);
  assert.equal(res.statusCode, 303);
  assert.equal(await page('ephemere'), undefined);
  assert.equal(countRows(t, `site_menu_items where page_id = ${id}`), 0);
  assert.match((await admin.get('/admin/pages')).body, /La page a été supprimée/);
  const home = await t.client().get('/');
  assert.doesNotMatch(home.body, /Éphémère/, 'gone from the menus at once');
  assert.equal((await t.client().get('/pages/ephemere')).statusCode, 404);
  assert.equal((await admin.post(`/admin/pages/custom/${id}/delete`)).statusCode, 404, 'twice: nothing left to delete');
  for (const url of ['/admin/pages/custom/mentions-legales/delete', '/admin/pages/mentions-legales/delete']) assert.equal((await admin.post(url)).statusCode, 404, url);
  assert.equal(countRows(t, 'legal_pages'), 4);
});

test('forged or unknown page ids are a 404 to read and to write', async () => {
  for (const id of ['0', '999999', 'abc', '1e3']) {
    assert.equal((await admin.get(`/admin/pages/custom/${id}`)).statusCode, 404, id);
    assert.equal((await admin.post(`/admin/pages/custom/${id}`, form({ title: 'X', slug: 'x' }))).statusCode, 404, id);
    assert.equal((await admin.get(`/admin/pages/custom/${id}/delete`)).statusCode, 404, id);
  }
  assert.equal(await page('x'), undefined);
});
