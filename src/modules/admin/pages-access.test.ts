// Who may manage pages and menus: administrators only. Anonymous visitors go to the login page
// (or get 401 on a post), citizens and moderators get 403, a post without the CSRF token gets
// 403, and none of them writes anything.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { makeApp, type TestApp } from '../../../test/helpers/app.ts';
import { csrfToken } from '../../platform/csrf.ts';
import { getSite } from '../../platform/site.ts';
import { loginAs } from '../../../test/helpers/factories.ts';

let t: TestApp;
let pageId: number;
let entryId: number;
before(async () => {
  t = await makeApp();
  const { client } = await loginAs(t, 'admin');
  await client.submit('/admin/pages/new', { title: 'Page témoin', slug: 'temoin', body_md: 'Texte', published: '1' });
  pageId = (await t.db.selectFrom('site_pages').select('id').executeTakeFirstOrThrow()).id;
  await client.submit('/admin/menus/new', { menu: 'header', kind: 'page', page: `page:${pageId}`, label: 'Témoin' });
  entryId = (await t.db.selectFrom('site_menu_items').select('id').where('menu', '=', 'header').executeTakeFirstOrThrow()).id;
});
after(() => t.close());

const pages = () => ['/admin/pages', '/admin/pages/new', `/admin/pages/custom/${pageId}`, `/admin/pages/custom/${pageId}/delete`, '/admin/menus', '/admin/menus/new?menu=footer', `/admin/menus/${entryId}`];
const posts = () =>
  [
    ['/admin/pages/new', { title: 'Piratée', slug: 'piratee', body_md: 'x', published: '1' }],
    [`/admin/pages/custom/${pageId}`, { title: 'Piratée', slug: 'temoin', body_md: 'x', published: '1' }],
    [`/admin/pages/custom/${pageId}/delete`, {}],
    ['/admin/menus/new', { menu: 'header', kind: 'url', url: 'https://evil.example', label: 'Piège' }],
    [`/admin/menus/${entryId}`, { menu: 'footer', kind: 'url', url: 'https://evil.example', label: 'Piège' }],
    [`/admin/menus/${entryId}/move`, { direction: 'down' }],
    [`/admin/menus/${entryId}/delete`, {}],
  ] as const;

async function snapshot() {
  return {
    site: getSite(t.db),
    pages: await t.db.selectFrom('site_pages').selectAll().orderBy('id').execute(),
    entries: await t.db.selectFrom('site_menu_items').selectAll().orderBy('id').execute(),
  };
}

test('anonymous visitors are sent to the login page from every pages and menus screen', async () => {
  for (const url of pages()) {
    const res = await t.client().get(url);
    assert.equal(res.statusCode, 303, url);
    assert.equal(res.headers.location, `/login?next=${encodeURIComponent(url)}`);
  }
});

test('anonymous posts to pages and menus are refused with 401 and write nothing', async () => {
  const before = await snapshot();
  for (const [url, form] of posts()) {
    const c = t.client();
    await c.get('/');
    c.csrf = csrfToken(c.cookies.get('csrf') ?? '', null);
    assert.equal((await c.post(url, form)).statusCode, 401, url);
  }
  assert.deepEqual(await snapshot(), before);
});

for (const role of ['citizen', 'moderator'] as const) {
  test(`a ${role} gets 403 on every pages and menus screen and action, and nothing is written`, async () => {
    const { client } = await loginAs(t, role);
    for (const url of pages()) {
      const res = await client.get(url);
      assert.equal(res.statusCode, 403, url);
      assert.match(res.body, /Accès refusé/);
    }
    const before = await snapshot();
    for (const [url, form] of posts()) assert.equal((await client.post(url, form)).statusCode, 403, url);
    assert.deepEqual(await snapshot(), before);
  });
}

test('posts without a valid CSRF token are refused with 403 and write nothing, even from an administrator', async () => {
  const { client } = await loginAs(t, 'admin');
  const before = await snapshot();
  for (const [url, form] of posts()) {
    assert.equal((await client.post(url, { ...form, _csrf: '' })).statusCode, 403, url);
    assert.equal((await client.post(url, { ...form, _csrf: 'forged-token-forged-token-forged-token-xyz1' })).statusCode, 403, url);
  }
  assert.deepEqual(await snapshot(), before);
});

test('an administrator opens every pages and menus screen, each with one heading, and the dashboard links to them', async () => {
  const { client } = await loginAs(t, 'admin');
  for (const url of pages()) {
    const res = await client.get(url);
    assert.equal(res.statusCode, 200, url);
    assert.equal((res.body.match(/<h1>/g) ?? []).length, 1, url);
  }
  const dashboard = await client.get('/admin');
  assert.match(dashboard.body, /href="\/admin\/pages">Pages et menus</);
  assert.match((await client.get('/admin/pages')).body, /href="\/admin\/menus"/);
});
