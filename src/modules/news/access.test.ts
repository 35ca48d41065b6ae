// Who may use each route of the news, as one table: anonymous visitors, an unconfirmed account, a
// citizen, a moderator and an administrator; posts without the CSRF token are refused; drafts and scheduled posts are for administrators only, posts of
// a draft project are hidden from all but them, and nothing is written by those who may not.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { makeApp, type Client, type TestApp } from '../../../test/helpers/app.ts';
import { countRows, daysFromNow, makeProject } from '../../../test/helpers/factories.ts';
import { PEOPLE, adminGet, adminPost, all, clientOf as peopleClient, type Expected, type Who } from '../../../test/helpers/access.ts';
import { makePost } from './test-fixtures.ts';

let t: TestApp;
before(async () => (t = await makeApp()));
after(() => t.close());

const clientOf = (who: Who) => peopleClient(t, who);

interface Route {
  name: string;
  request: (c: Client, post: { id: number; slug: string }) => ReturnType<Client['get']>;
  expected: Expected;
}

const form = (title: string) => ({ title, slug: '', project_id: '', published_at: '2026-05-04T10:00', body_md: 'Un texte.', image_alt: '' });

const ROUTES: Route[] = [
  { name: 'GET the list', request: (c) => c.get('/news'), expected: all(200) },
  { name: 'GET the feed', request: (c) => c.get('/news/feed.atom'), expected: all(200) },
  { name: 'GET a published post', request: (c, p) => c.get(`/news/${p.slug}`), expected: all(200) },
  { name: 'GET the admin list', request: (c) => c.get('/admin/news'), expected: adminGet },
  { name: 'GET the new form', request: (c) => c.get('/admin/news/new'), expected: adminGet },
  { name: 'GET the edit form', request: (c, p) => c.get(`/admin/news/${p.id}/edit`), expected: adminGet },
  { name: 'GET the delete confirmation', request: (c, p) => c.get(`/admin/news/${p.id}/delete`), expected: adminGet },
  { name: 'POST a new post', request: (c) => c.post('/admin/news', form('Piratée')), expected: adminPost },
  { name: 'POST an edit', request: (c, p) => c.post(`/admin/news/${p.id}`, { ...form('Modifiée'), slug: p.slug }), expected: adminPost },
  { name: 'POST a deletion', request: (c, p) => c.post(`/admin/news/${p.id}/delete`), expected: adminPost },
];

for (const route of ROUTES) {
  test(`${route.name}: who may`, async () => {
    const got = {} as Expected;
    for (const who of PEOPLE) {
      const post = makePost(t.db);
      const before = countRows(t, 'news_posts');
      const res = await route.request(await clientOf(who), post);
      got[who] = res.statusCode;
      if (who !== 'admin') {
        assert.equal(countRows(t, 'news_posts'), before, `${who}: nothing added or removed`);
        assert.equal(countRows(t, `news_posts where id = ${post.id} and title like 'Actualité %'`), 1, `${who}: the post is unchanged`);
      }
    }
    assert.deepEqual(got, route.expected);
  });
}

test('posts without a valid CSRF token are refused with 403 and write nothing, even from an administrator', async () => {
  const admin = await clientOf('admin');
  const post = makePost(t.db);
  const before = t.db.sqlite.prepare('select * from news_posts order by id').all();
  for (const route of ROUTES.filter((r) => r.name.startsWith('POST'))) {
    for (const token of ['', 'forged-token-forged-token-forged-token-xyz1']) {
      const saved = admin.csrf;
      admin.csrf = token;
      try {
        assert.equal((await route.request(admin, post)).statusCode, 403, `${route.name} with ${token || 'no token'}`);
      } finally {
        admin.csrf = saved;
      }
    }
  }
  assert.deepEqual(t.db.sqlite.prepare('select * from news_posts order by id').all(), before);
});

test('drafts and scheduled posts are a 404 for everyone but administrators, who read them marked so', async () => {
  const draft = makePost(t.db, { publishedAt: null });
  const scheduled = makePost(t.db, { publishedAt: daysFromNow(2) });
  for (const who of ['anonymous', 'unconfirmed', 'citizen', 'moderator'] as const) {
    const c = await clientOf(who);
    assert.equal((await c.get(`/news/${draft.slug}`)).statusCode, 404, who);
    assert.equal((await c.get(`/news/${scheduled.slug}`)).statusCode, 404, who);
  }
  const admin = await clientOf('admin');
  assert.match((await admin.get(`/news/${draft.slug}`)).body, /Brouillon : cette actualité/);
  assert.match((await admin.get(`/news/${scheduled.slug}`)).body, /Programmée : cette actualité sera publiée le/);
});

test('the posts of a draft project are hidden from all but administrators, and its filter is a 404', async () => {
  const project = makeProject(t.db, { visibility: 'draft', slug: `brouillon-${process.pid}` });
  const post = makePost(t.db, { projectId: project, title: 'Secret de brouillon' });
  for (const who of ['anonymous', 'unconfirmed', 'citizen', 'moderator'] as const) {
    const c = await clientOf(who);
    assert.equal((await c.get(`/news/${post.slug}`)).statusCode, 404, who);
    assert.doesNotMatch((await c.get('/news')).body, /Secret de brouillon/, who);
    assert.equal((await c.get(`/news?project=brouillon-${process.pid}`)).statusCode, 404, who);
    assert.doesNotMatch((await c.get('/news/feed.atom')).body, /Secret de brouillon/, who);
  }
  const admin = await clientOf('admin');
  assert.equal((await admin.get(`/news/${post.slug}`)).statusCode, 200);
  assert.match((await admin.get('/news')).body, /Secret de brouillon/);
  assert.doesNotMatch((await admin.get('/news/feed.atom')).body, /Secret de brouillon/, 'the feed is the public one, even for an administrator');
});

test('admin ids that do not exist or are not numbers give a 404', async () => {
  const admin = await clientOf('admin');
  for (const url of ['/admin/news/999999/edit', '/admin/news/abc/edit', '/admin/news/0/delete']) assert.equal((await admin.get(url)).statusCode, 404, url);
  assert.equal((await admin.post('/admin/news/999999/delete')).statusCode, 404);
  assert.equal((await (await clientOf('citizen')).get('/news/no-such-post')).statusCode, 404);
});
