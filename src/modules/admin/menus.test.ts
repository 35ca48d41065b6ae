// The header and footer menus: entries added, changed, moved and removed by an administrator,
// shown on every page in their order and in both languages, the current page marked; the
// default footer is the one the site had before menus; bad addresses are refused, nothing written.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { makeApp, type TestApp, type Client } from '../../../test/helpers/app.ts';
import { loginAs } from '../../../test/helpers/factories.ts';
import { forgetSite } from '../../platform/site.ts';

let t: TestApp;
let admin: Client;
before(async () => {
  t = await makeApp();
  admin = (await loginAs(t, 'admin')).client;
});
after(() => t.close());

interface Link {
  href: string;
  text: string;
  current: boolean;
}
const decode = (s: string) => s.replaceAll('&#39;', "'").replaceAll('&quot;', '"').replaceAll('&amp;', '&');
/** The links of the header's or footer's navigation, in order. */
function links(html: string, where: 'header' | 'footer'): Link[] {
  const nav = new RegExp(`<${where}[\\s\\S]*?<nav aria-label="[^"]+">([\\s\\S]*?)</nav>`).exec(html)?.[1] ?? '';
  return [...nav.matchAll(/<a href="([^"]*)"([^>]*)>([^<]*)</g)].map((m) => ({ href: decode(m[1]!), text: decode(m[3]!), current: m[2]!.includes('aria-current="page"') }));
}
const texts = (html: string, where: 'header' | 'footer') => links(html, where).map((l) => l.text);
const entries = () => t.db.selectFrom('site_menu_items').selectAll().orderBy('id').execute();
const add = (menu: string, fields: Record<string, string>) => admin.submit(`/admin/menus/new?menu=${menu}`, { menu, kind: 'page', page: '', path: '', url: '', label: '', ...fields }, '/admin/menus/new');
const idOf = async (label: string) => (await t.db.selectFrom('site_menu_items').select('id').where('label', '=', label).executeTakeFirstOrThrow()).id;
const resetMenus = async () => {
  await t.db.deleteFrom('site_menu_items').where((eb) => eb.or([eb('menu', '=', 'header'), eb('kind', '!=', 'legal')])).execute();
  forgetSite(t.db);
};

const LEGAL_FR = ['Mentions légales', "Conditions d'utilisation", 'Données personnelles', "Déclaration d'accessibilité"];
const LEGAL_EN = ['Legal notice', 'Terms of use', 'Personal data', 'Accessibility statement'];

test('the default footer lists the four legal pages, then Contact when an address is set, as before menus existed', async () => {
  const home = await t.client().get('/');
  assert.deepEqual(links(home.body, 'footer'), [
    { href: '/pages/mentions-legales', text: LEGAL_FR[0]!, current: false },
    { href: '/pages/conditions-utilisation', text: LEGAL_FR[1]!, current: false },
    { href: '/pages/donnees-personnelles', text: LEGAL_FR[2]!, current: false },
    { href: '/pages/accessibilite', text: LEGAL_FR[3]!, current: false },
  ]);
  assert.deepEqual(texts(home.body, 'header'), ['Accueil', 'Se connecter', 'Créer un compte', 'English']);
  // The very markup the footer had before it read a menu, spaces between tags aside.
  const footer = /<footer[\s\S]*<\/footer>/.exec(home.body)![0].replace(/>\s+</g, '><');
  const legal = ['mentions-legales', 'conditions-utilisation', 'donnees-personnelles', 'accessibilite'].map((slug, i) => `<li><a href="/pages/${slug}">${LEGAL_FR[i]!.replace("'", '&#39;')}</a></li>`);
  assert.equal(footer, `<footer class="site-footer"><nav aria-label="Pied de page"><ul class="footer-links">${legal.join('')}</ul></nav><p class="powered">Propulsé par Palabre, logiciel libre de participation citoyenne</p></footer>`);
  const c = t.client();
  await c.get('/lang/en');
  assert.deepEqual(texts((await c.get('/')).body, 'footer'), LEGAL_EN);
  await t.db.updateTable('site_settings').set({ contact_email: 'mairie@exemple.fr' }).execute();
  forgetSite(t.db);
  try {
    assert.deepEqual(links((await t.client().get('/pages/accessibilite')).body, 'footer').slice(3), [
      { href: '/pages/accessibilite', text: LEGAL_FR[3]!, current: true },
      { href: 'mailto:mairie@exemple.fr', text: 'Contact', current: false },
    ]);
  } finally {
    await t.db.updateTable('site_settings').set({ contact_email: null }).execute();
    forgetSite(t.db);
  }
});

test('header entries follow "Accueil" in their order, in both languages, with the current page marked', async () => {
  await resetMenus();
  await admin.submit('/admin/pages/new', { title: 'À propos', slug: 'a-propos', body_md: 'Texte.', published: '1' });
  const about = (await t.db.selectFrom('site_pages').select('id').where('slug', '=', 'a-propos').executeTakeFirstOrThrow()).id;
  assert.equal((await add('header', { page: `page:${about}` })).statusCode, 303);
  assert.equal((await add('header', { kind: 'path', path: '/?theme=1', label: 'Par thème' })).statusCode, 303);
  assert.equal((await add('header', { kind: 'url', url: 'https://www.service-public.fr', label: 'Service public' })).statusCode, 303);
  assert.equal((await add('header', { page: 'legal:accessibilite', label: '' })).statusCode, 303);

  const page = await t.client().get('/pages/a-propos');
  assert.deepEqual(links(page.body, 'header').slice(0, 5), [
    { href: '/', text: 'Accueil', current: false },
    { href: '/pages/a-propos', text: 'À propos', current: true },
    { href: '/?theme=1', text: 'Par thème', current: false },
    { href: 'https://www.service-public.fr/', text: 'Service public', current: false },
    { href: '/pages/accessibilite', text: LEGAL_FR[3]!, current: false },
  ]);
  assert.deepEqual(texts(page.body, 'header').slice(5), ['Se connecter', 'Créer un compte', 'English'], 'the fixed entries stay in place');
  assert.equal((page.body.match(/aria-current="page"/g) ?? []).length, 1);

  const en = t.client();
  await en.get('/lang/en');
  const english = await en.get('/pages/accessibilite');
  assert.deepEqual(texts(english.body, 'header').slice(0, 5), ['Home', 'À propos', 'Par thème', 'Service public', 'Accessibility statement']);
  assert.deepEqual(links(english.body, 'header').filter((l) => l.current).map((l) => l.href), ['/pages/accessibilite']);
  assert.deepEqual(links(english.body, 'footer').filter((l) => l.current).map((l) => l.href), ['/pages/accessibilite']);
  const logged = await admin.get('/');
  // The menu's entries come before the logged-in person's own links (the account first).
  assert.deepEqual(texts(logged.body, 'header').slice(0, 6), ['Accueil', 'À propos', 'Par thème', 'Service public', LEGAL_FR[3], 'Mon compte']);
  assert.ok(texts(logged.body, 'header').includes('Administration'));
  assert.equal(links(logged.body, 'header')[0]!.current, true);
});

test('moving entries up and down reorders the menu, with plain forms, and the pages show it at once', async () => {
  const before = await t.client().get('/'); // cached for visitors from now on
  assert.deepEqual(texts(before.body, 'header').slice(1, 4), ['À propos', 'Par thème', 'Service public']);
  const id = await idOf('Service public');
  const screen = await admin.get('/admin/menus');
  assert.match(screen.body, new RegExp(`<form method="post" action="/admin/menus/${id}/move" class="inline">`));
  const res = await admin.post(`/admin/menus/${id}/move`, { direction: 'up' });
  assert.equal(res.statusCode, 303);
  assert.equal(res.headers.location, `/admin/menus#menu-entry-${id}`);
  assert.deepEqual(texts((await t.client().get('/')).body, 'header').slice(1, 4), ['À propos', 'Service public', 'Par thème']);
  await admin.post(`/admin/menus/${id}/move`, { direction: 'up' });
  assert.deepEqual(texts((await t.client().get('/')).body, 'header').slice(1, 4), ['Service public', 'À propos', 'Par thème']);
  // Already first: nothing changes, and nothing fails.
  const top = await admin.post(`/admin/menus/${id}/move`, { direction: 'up' });
  assert.equal(top.statusCode, 303);
  assert.deepEqual(texts((await t.client().get('/')).body, 'header').slice(1, 4), ['Service public', 'À propos', 'Par thème']);
  await admin.post(`/admin/menus/${id}/move`, { direction: 'down' });
  assert.deepEqual(texts((await t.client().get('/')).body, 'header').slice(1, 4), ['À propos', 'Service public', 'Par thème']);
  assert.equal((await admin.post(`/admin/menus/${id}/move`, { direction: 'sideways' })).statusCode, 400);
});

test('an entry is changed and moved to the other menu, where it goes last; removed, it disappears', async () => {
  const id = await idOf('Par thème');
  const edit = await admin.get(`/admin/menus/${id}`);
  assert.match(edit.body, /id="kind-path" name="kind" value="path" checked/);
  assert.match(edit.body, /value="\/\?theme=1"/);
  const res = await admin.post(`/admin/menus/${id}`, { menu: 'footer', kind: 'path', path: '/projects', label: 'Tous les projets' });
  assert.equal(res.statusCode, 303);
  const page = await t.client().get('/');
  assert.ok(!texts(page.body, 'header').includes('Par thème'));
  assert.deepEqual(texts(page.body, 'footer'), [...LEGAL_FR, 'Tous les projets']);
  assert.match((await admin.get('/admin/menus')).body, /L’entrée de menu a été enregistrée/);
  const removed = await admin.post(`/admin/menus/${id}/delete`);
  assert.equal(removed.statusCode, 303);
  assert.deepEqual(texts((await t.client().get('/')).body, 'footer'), LEGAL_FR);
  assert.equal((await admin.post(`/admin/menus/${id}/delete`)).statusCode, 404);
  // A legal page's entry can leave the footer too; it can be put back.
  const legal = (await entries()).find((e) => e.menu === 'footer' && e.target === 'mentions-legales')!;
  await admin.post(`/admin/menus/${legal.id}/delete`);
  assert.deepEqual(texts((await t.client().get('/')).body, 'footer'), LEGAL_FR.slice(1));
  await add('footer', { page: 'legal:mentions-legales' });
  assert.deepEqual(texts((await t.client().get('/')).body, 'footer'), [...LEGAL_FR.slice(1), LEGAL_FR[0]]);
});

test('an entry leading to a draft page is hidden from everyone until the page is published', async () => {
  await admin.submit('/admin/pages/new', { title: 'Projet de charte', slug: 'projet-charte', body_md: 'x' });
  const draft = (await t.db.selectFrom('site_pages').select('id').where('slug', '=', 'projet-charte').executeTakeFirstOrThrow()).id;
  assert.equal((await add('header', { page: `page:${draft}`, label: 'La charte' })).statusCode, 303);
  assert.ok(!texts((await t.client().get('/')).body, 'header').includes('La charte'));
  assert.ok(!texts((await admin.get('/')).body, 'header').includes('La charte'));
  assert.match((await admin.get('/admin/menus')).body, /page en brouillon : l’entrée n’est pas affichée/);
  await admin.post(`/admin/pages/custom/${draft}`, { title: 'Projet de charte', slug: 'projet-charte', body_md: 'x', published: '1' });
  assert.ok(texts((await t.client().get('/')).body, 'header').includes('La charte'), 'published: shown at once');
});

test('addresses leading off the site, other schemes and missing labels are refused with their message, nothing written', async () => {
  const before = await entries();
  const cases: [Record<string, string>, RegExp][] = [
    [{ kind: 'path', path: '//evil.example', label: 'x' }, /Cette adresse doit rester sur ce site/],
    [{ kind: 'path', path: '/\t/evil.example', label: 'x' }, /Cette adresse doit rester sur ce site/],
    [{ kind: 'path', path: '/\\evil.example', label: 'x' }, /Cette adresse doit rester sur ce site/],
    [{ kind: 'path', path: 'https://evil.example', label: 'x' }, /Cette adresse doit rester sur ce site/],
    [{ kind: 'url', url: 'javascript:alert(1)', label: 'x' }, /commençant par https:\/\/ ou http:\/\//],
    [{ kind: 'url', url: 'ftp://files.example', label: 'x' }, /commençant par https:\/\/ ou http:\/\//],
    [{ kind: 'url', url: 'https://mairie.example@evil.example', label: 'x' }, /sans identifiant ni mot de passe/],
    [{ kind: 'url', url: 'https://a.example' }, /Ce champ est obligatoire/],
    [{ kind: 'url', url: 'https://a.example', label: 'l'.repeat(61) }, /ne doit pas dépasser 60/],
    [{ kind: 'page', page: '' }, /Choisissez une page dans la liste/],
    [{ kind: 'page', page: 'page:999999' }, /Choisissez une page dans la liste/],
    [{ kind: 'page', page: 'legal:nope' }, /Choisissez une page dans la liste/],
  ];
  for (const [fields, message] of cases) {
    const res = await add('header', fields);
    assert.equal(res.statusCode, 422, JSON.stringify(fields));
    assert.match(res.body, message, JSON.stringify(fields));
    assert.match(res.body, /class="error-summary"/);
  }
  const id = await idOf('Service public');
  const edit = await admin.post(`/admin/menus/${id}`, { menu: 'header', kind: 'url', url: 'javascript:alert(1)', label: 'Service public' });
  assert.equal(edit.statusCode, 422);
  assert.match(edit.body, /value="javascript:alert\(1\)"/, 'the form keeps what was typed');
  for (const fields of [{ menu: 'sidebar', kind: 'page' }, { menu: 'header', kind: 'script' }, {}] as Record<string, string>[]) {
    assert.equal((await admin.post('/admin/menus/new', fields)).statusCode, 400, JSON.stringify(fields));
  }
  assert.deepEqual(await entries(), before);
});

test('the menus screen and the refusals speak English to an English-speaking administrator', async () => {
  await admin.get('/lang/en');
  try {
    const screen = await admin.get('/admin/menus');
    assert.match(screen.body, /<h2 id="menu-header">Header menu<\/h2>/);
    assert.match(screen.body, /Move down/);
    const res = await add('footer', { kind: 'path', path: '//evil.example', label: 'x' });
    assert.equal(res.statusCode, 422);
    assert.match(res.body, /This address must stay on this site/);
    assert.match((await add('footer', { kind: 'url', url: 'mailto:x@example.org', label: 'x' })).body, /starting with https:\/\/ or http:\/\//);
  } finally {
    await admin.get('/lang/fr');
  }
});

test('the header and footer read the menus from the site kept in memory, not once per page view', async () => {
  const c = (await loginAs(t, 'citizen')).client; // logged in: pages are built, not cached
  const shown = texts((await c.get('/')).body, 'header');
  // Written behind the app's back: only a forgetSite (which every route writing a menu calls) shows it.
  t.db.sqlite.prepare("update site_menu_items set label = 'Changé en douce' where menu = 'header'").run();
  assert.deepEqual(texts((await c.get('/')).body, 'header'), shown);
  forgetSite(t.db);
  assert.ok(texts((await c.get('/')).body, 'header').includes('Changé en douce'));
});
