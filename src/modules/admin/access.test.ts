// Every back office route is for administrators only: anonymous visitors go to the login page,
// citizens and moderators get 403, and nothing is written by those who may not.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { makeApp, type TestApp } from '../../../test/helpers/app.ts';
import { csrfToken } from '../../platform/csrf.ts';
import { getSite } from '../../platform/site.ts';
import { addUser, loginAs } from '../../../test/helpers/factories.ts';

let t: TestApp;
before(async () => (t = await makeApp()));
after(() => t.close());

const pages = ['/admin', '/admin/settings', '/admin/pages', '/admin/pages/accessibilite', '/admin/users', '/admin/users?q=a'];
const posts = () => {
  const victim = addUser(t.db, 'citizen');
  return [
    ['/admin/settings', { name: 'Piraté', primary_color: '#000000', intro_md: '', contact_email: '' }],
    ['/admin/settings/logo/delete', {}],
    ['/admin/pages/accessibilite', { body_md: 'piraté' }],
    [`/admin/users/${victim}/role`, { role: 'admin' }],
    [`/admin/users/${victim}/suspend`, {}],
    [`/admin/users/${victim}/unsuspend`, {}],
  ] as const;
};

async function snapshot() {
  return {
    site: getSite(t.db),
    pages: await t.db.selectFrom('legal_pages').selectAll().execute(),
    users: await t.db.selectFrom('users').select(['id', 'role', 'suspended_at']).orderBy('id').execute(),
  };
}

test('anonymous visitors are sent to the login page from every admin page', async () => {
  for (const url of pages) {
    const res = await t.client().get(url);
    assert.equal(res.statusCode, 303, url);
    assert.equal(res.headers.location, `/login?next=${encodeURIComponent(url)}`);
  }
});

test('anonymous posts to admin routes are refused and write nothing', async () => {
  const before = await snapshot();
  for (const [url, form] of posts()) {
    const c = t.client();
    await c.get('/');
    c.csrf = csrfToken(c.cookies.get('csrf') ?? '', null);
    const res = await c.post(url, form);
    assert.equal(res.statusCode, 401, url);
  }
  const now = await snapshot();
  assert.deepEqual(now.site, before.site);
  assert.deepEqual(now.pages, before.pages);
  assert.deepEqual(now.users.slice(0, before.users.length), before.users);
});

for (const role of ['citizen', 'moderator'] as const) {
  test(`a ${role} gets 403 on every admin page and action, and nothing is written`, async () => {
    const { client } = await loginAs(t, role);
    for (const url of pages) {
      const res = await client.get(url);
      assert.equal(res.statusCode, 403, url);
      assert.match(res.body, /Accès refusé/);
    }
    const list = posts();
    const before = await snapshot();
    for (const [url, form] of list) assert.equal((await client.post(url, form)).statusCode, 403, url);
    const now = await snapshot();
    assert.deepEqual(now, before);
  });
}

test('an administrator sees every admin page, and the dashboard links to the admin pages every module declares', async () => {
  const { client } = await loginAs(t, 'admin');
  for (const url of pages) assert.equal((await client.get(url)).statusCode, 200, url);
  const home = await client.get('/admin');
  const declared = t.app.manifests.flatMap((m) => m.adminLinks ?? []).map((l) => l.href);
  assert.ok(declared.includes('/admin/projects'), 'the projects module declares its admin page');
  for (const href of ['/admin/settings', '/admin/pages', '/admin/users', ...declared]) assert.match(home.body, new RegExp(`href="${href}"`));
  assert.equal((home.body.match(/<h1>/g) ?? []).length, 1);
});

test('admin posts without a valid CSRF token are refused with 403 and write nothing', async () => {
  const { client } = await loginAs(t, 'admin');
  const list = posts();
  const before = await snapshot();
  for (const [url, form] of list) {
    assert.equal((await client.post(url, { ...form, _csrf: '' })).statusCode, 403, url);
    assert.equal((await client.post(url, { ...form, _csrf: 'forged-token-forged-token-forged-token-xyz1' })).statusCode, 403, url);
  }
  assert.deepEqual(await snapshot(), before);
});
