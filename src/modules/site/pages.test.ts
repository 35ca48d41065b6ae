// The site module's pages and menus as visitors get them: /pages/<slug> beside the legal pages
// (drafts for administrators only, served from the page cache to visitors), the menus as getSite
// carries them, and the demo's "À propos" page, added once however often the demo runs.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { makeApp, type TestApp } from '../../../test/helpers/app.ts';
import { countRows, loginAs } from '../../../test/helpers/factories.ts';
import { write } from '../../db/write.ts';
import { forgetSite, getSite } from '../../platform/site.ts';
import { seed, ABOUT_SLUG } from './seed.ts';

let t: TestApp;
before(async () => (t = await makeApp()));
after(() => t.close());

function addPage(slug: string, fields: { title?: string; body?: string; published?: boolean } = {}): number {
  const now = new Date().toISOString();
  const id = write(t.db, (tx) =>
    tx.run(t.db.insertInto('site_pages').values({ slug, title: fields.title ?? slug, body_md: fields.body ?? '', published: fields.published === false ? 0 : 1, created_at: now, updated_at: now })).lastInsertRowid,
  );
  forgetSite(t.db);
  return id;
}
function addEntry(menu: 'header' | 'footer', position: number, fields: { kind: 'page' | 'legal' | 'path' | 'url'; page_id?: number; target?: string; label?: string }) {
  write(t.db, (tx) => tx.run(t.db.insertInto('site_menu_items').values({ menu, position, page_id: null, target: '', label: '', ...fields, created_at: new Date().toISOString() })));
  forgetSite(t.db);
}

test('a fresh site has the four legal pages in its footer menu and nothing in its header menu', () => {
  const { menus } = getSite(t.db);
  assert.deepEqual(menus.header, []);
  assert.deepEqual(
    menus.footer.map((e) => [e.href, e.label, e.labelKey]),
    ['mentions-legales', 'conditions-utilisation', 'donnees-personnelles', 'accessibilite'].map((slug) => [`/pages/${slug}`, '', `legal.${slug}`]),
  );
});

test('a published page is served at its address with its sanitised Markdown, and cached for visitors', async () => {
  addPage('horaires', { title: 'Horaires de la mairie', body: 'Du **lundi** au vendredi.\n\n<img src=x onerror=alert(1)>\n\n[écrire](javascript:alert(2))' });
  const res = await t.client().get('/pages/horaires');
  assert.equal(res.statusCode, 200);
  assert.match(res.body, /<h1>Horaires de la mairie<\/h1>/);
  assert.match(res.body, /<div class="prose" data-hx-ignore><p>Du <strong>lundi<\/strong> au vendredi/);
  assert.doesNotMatch(res.body, /<img|href="javascript:/);
  assert.match(res.body, /&lt;img src=x onerror=alert\(1\)&gt;/, 'raw HTML is shown as inert text');
  assert.match(res.body, /Mise à jour le/);
  t.db.sqlite.prepare("update site_pages set body_md = 'Changé sans écriture suivie' where slug = 'horaires'").run();
  assert.match((await t.client().get('/pages/horaires')).body, /Du <strong>lundi/, 'visitors get the cached copy');
  const { client } = await loginAs(t, 'citizen');
  assert.match((await client.get('/pages/horaires')).body, /Changé sans écriture suivie/, 'logged-in people get it built');
});

test('a draft page is a 404 for visitors, citizens and moderators, and a preview for administrators', async () => {
  addPage('brouillon', { title: 'Pas encore', body: 'Secret', published: false });
  assert.equal((await t.client().get('/pages/brouillon')).statusCode, 404);
  for (const role of ['citizen', 'moderator'] as const) assert.equal((await (await loginAs(t, role)).client.get('/pages/brouillon')).statusCode, 404, role);
  const { client } = await loginAs(t, 'admin');
  const preview = await client.get('/pages/brouillon');
  assert.equal(preview.statusCode, 200);
  assert.match(preview.body, /Brouillon : cette page n’est visible que par les administrateurs/);
  await client.get('/lang/en');
  assert.match((await client.get('/pages/brouillon')).body, /Draft: only administrators can see this page/);
});

test('unknown slugs are a 404, and legal pages are still served as before', async () => {
  for (const slug of ['inconnue', 'MENTIONS-LEGALES', 'a-propos-']) assert.equal((await t.client().get(`/pages/${slug}`)).statusCode, 404, slug);
  const legal = await t.client().get('/pages/mentions-legales');
  assert.equal(legal.statusCode, 200);
  assert.match(legal.body, /<h1>Mentions légales<\/h1>/);
});

test('the menus keep their order, leave out entries to drafts, and name a page by its title unless labelled', () => {
  const shown = addPage('plan', { title: 'Plan du site' });
  const hidden = addPage('cache', { title: 'Caché', published: false });
  addEntry('header', 3, { kind: 'url', target: 'https://www.service-public.fr/', label: 'Service public' });
  addEntry('header', 1, { kind: 'page', page_id: shown });
  addEntry('header', 2, { kind: 'page', page_id: hidden, label: 'Jamais montré' });
  addEntry('header', 4, { kind: 'legal', target: 'accessibilite', label: 'Accessibilité' });
  addEntry('footer', 5, { kind: 'path', target: '/projects', label: 'Projets' });
  const { menus } = getSite(t.db);
  assert.deepEqual(
    menus.header.map((e) => [e.href, e.label, e.labelKey]),
    [
      ['/pages/plan', 'Plan du site', ''],
      ['https://www.service-public.fr/', 'Service public', ''],
      ['/pages/accessibilite', 'Accessibilité', 'legal.accessibilite'],
    ],
  );
  assert.deepEqual(menus.footer.at(-1), { href: '/projects', label: 'Projets', labelKey: '' });
  assert.ok(Object.isFrozen(menus.header) && Object.isFrozen(menus.header[0]), 'shared by every request: read-only');
});

test('the demo adds the "À propos" page and its header entry once, however often it runs', async () => {
  const before = countRows(t, 'site_menu_items where menu = \'header\'');
  await seed({ db: t.db, log: () => {} });
  await seed({ db: t.db, log: () => {} });
  assert.equal(countRows(t, `site_pages where slug = '${ABOUT_SLUG}'`), 1);
  assert.equal(countRows(t, 'site_menu_items where menu = \'header\''), before + 1);
  const home = await (await loginAs(t, 'citizen')).client.get('/');
  assert.match(home.body, /<li><a href="\/pages\/a-propos">À propos<\/a><\/li>/);
  const about = await t.client().get('/pages/a-propos');
  assert.equal(about.statusCode, 200);
  assert.match(about.body, /<a href="\/pages\/a-propos" aria-current="page">À propos<\/a>/);
});
