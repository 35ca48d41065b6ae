// The public news: newest first, pages of ten without counting rows, the project filter (htmx
// swaps the list), scheduled posts appearing on their date, restricted projects' posts seen by
// their members only, a post's page, the project page's panel, the page cache, and English.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { makeApp, type TestApp } from '../../../test/helpers/app.ts';
import { statementsPreparedBy } from '../../../test/helpers/statements.ts';
import { addToGroup, addUser, daysFromNow, loginAs, makeProject } from '../../../test/helpers/factories.ts';
import { makePost } from './test-fixtures.ts';
import { listPublishedPosts } from './queries.ts';

let t: TestApp;
before(async () => (t = await makeApp()));
after(() => t.close());

const titles = (html: string) => [...html.matchAll(/<h2><a href="\/news\/[^"]+">([^<]+)<\/a><\/h2>/g)].map((m) => m[1]);

test('the list shows the newest first, ten a page, with a next page only when one more post exists', async () => {
  const project = makeProject(t.db, { slug: `pages-${process.pid}`, title: 'Projet des pages' });
  for (let i = 1; i <= 11; i++) makePost(t.db, { projectId: project, title: `Page ${String(i).padStart(2, '0')}`, publishedAt: daysFromNow(-20 + i) });
  const first = await t.client().get(`/news?project=pages-${process.pid}`);
  assert.equal(first.statusCode, 200);
  assert.deepEqual(titles(first.body), ['Page 11', 'Page 10', 'Page 09', 'Page 08', 'Page 07', 'Page 06', 'Page 05', 'Page 04', 'Page 03', 'Page 02']);
  assert.match(first.body, /rel="next"/);
  const second = await t.client().get(`/news?project=pages-${process.pid}&page=2`);
  assert.deepEqual(titles(second.body), ['Page 01']);
  assert.doesNotMatch(second.body, /rel="next"/);
  assert.match(second.body, /rel="prev"/);
  const third = await t.client().get(`/news?project=pages-${process.pid}&page=3`);
  assert.match(third.body, /Pas d’autre actualité/);
});

test('the list query reads one row more than a page, and no COUNT', async () => {
  const seen = await statementsPreparedBy((db) => listPublishedPosts(db, { user: null, projectId: 123456, page: 4 }));
  assert.equal(seen.length, 1);
  assert.match(seen[0]!, /limit 11 offset \?/);
  assert.doesNotMatch(seen[0]!, /count\(/i);
});

test('the project filter lists the projects with news, and htmx gets the list alone', async () => {
  const project = makeProject(t.db, { slug: `filtre-${process.pid}`, title: 'Projet filtré' });
  makePost(t.db, { projectId: project, title: 'Du projet filtré' });
  makePost(t.db, { title: 'Pour tout le site' });
  const page = await t.client().get('/news');
  assert.match(page.body, new RegExp(`<option value="filtre-${process.pid}">Projet filtré</option>`));
  const fragment = await t.client().get(`/news?project=filtre-${process.pid}`, { 'hx-request': 'true' });
  assert.match(fragment.body, /^<div id="news-list">/);
  assert.deepEqual(titles(fragment.body), ['Du projet filtré']);
  assert.doesNotMatch(fragment.body, /<html/);
  assert.equal((await t.client().get('/news?project=no-such-project')).statusCode, 404);
});

test('a scheduled post appears on its date in the list, on its page, in the feed and on its project’s panel', async () => {
  const project = makeProject(t.db, { slug: `programme-${process.pid}` });
  const post = makePost(t.db, { projectId: project, title: 'Annonce programmée', publishedAt: new Date(Date.now() + 60_000).toISOString() });
  const visitor = t.client();
  assert.doesNotMatch((await visitor.get('/news')).body, /Annonce programmée/);
  assert.equal((await visitor.get(`/news/${post.slug}`)).statusCode, 404);
  assert.doesNotMatch((await visitor.get('/news/feed.atom')).body, /Annonce programmée/);
  assert.doesNotMatch((await visitor.get(`/projects/programme-${process.pid}`)).body, /Annonce programmée/);
  // Its date comes (written through SQL, so nothing else moves).
  t.db.sqlite.prepare('update news_posts set published_at = ? where id = ?').run(new Date(Date.now() - 1000).toISOString(), post.id);
  t.app.pageCache.clear();
  assert.match((await visitor.get('/news')).body, /Annonce programmée/);
  assert.equal((await visitor.get(`/news/${post.slug}`)).statusCode, 200);
  assert.match((await visitor.get('/news/feed.atom')).body, /Annonce programmée/);
  assert.match((await visitor.get(`/projects/programme-${process.pid}`)).body, /Annonce programmée/);
});

test('a post due in a moment is not hidden by the page cache: the cached list expires at its date', async () => {
  const due = Date.now() + 1500;
  makePost(t.db, { title: 'Annonce imminente', publishedAt: new Date(due).toISOString() });
  const visitor = t.client();
  assert.doesNotMatch((await visitor.get('/news')).body, /Annonce imminente/);
  await new Promise((resolve) => setTimeout(resolve, due - Date.now() + 50));
  // No write and no clearing in between: the list served now must be rendered afresh.
  assert.match((await visitor.get('/news')).body, /Annonce imminente/);
  assert.match((await visitor.get('/news/feed.atom')).body, /Annonce imminente/);
});

test('a post due in a moment appears on its project’s cached page at its date, and the page comes from the cache until then', async () => {
  const slug = `imminent-${process.pid}`;
  const project = makeProject(t.db, { slug });
  const shown = makePost(t.db, { projectId: project, title: 'Déjà parue' });
  const due = Date.now() + 1500;
  makePost(t.db, { projectId: project, title: 'Parution imminente', publishedAt: new Date(due).toISOString() });
  t.app.pageCache.clear(); // as a write through the back office would
  const visitor = t.client();
  const english = t.client();
  await english.get('/lang/en');
  assert.doesNotMatch((await english.get(`/projects/${slug}`)).body, /Parution imminente/);
  const first = await visitor.get(`/projects/${slug}`);
  assert.match(first.body, /Déjà parue/);
  assert.doesNotMatch(first.body, /Parution imminente/);
  // Behind the app's back (no write it hears of): the page still served is the cached one.
  t.db.sqlite.prepare("update news_posts set title = 'Déjà parue, retouchée' where id = ?").run(shown.id);
  const cached = await visitor.get(`/projects/${slug}`);
  assert.doesNotMatch(cached.body, /retouchée/, 'served from the page cache before the date');
  assert.doesNotMatch(cached.body, /Parution imminente/, 'never before its date');
  await new Promise((resolve) => setTimeout(resolve, due - Date.now() + 20));
  // No write and no clearing in between: at its date the page is rendered afresh.
  const after = await visitor.get(`/projects/${slug}`);
  assert.match(after.body, /Parution imminente/);
  assert.match(after.body, /Déjà parue, retouchée/);
  const englishAfter = (await english.get(`/projects/${slug}`)).body;
  assert.match(englishAfter, /lang="en"/);
  assert.match(englishAfter, /Parution imminente/);
});

test('away from any scheduled date, the anonymous list comes from the page cache', async () => {
  const post = makePost(t.db, { title: 'Liste en cache' });
  const visitor = t.client();
  assert.match((await visitor.get('/news')).body, /Liste en cache/);
  t.db.sqlite.prepare("update news_posts set title = 'Liste changée en douce' where id = ?").run(post.id); // the cache is not told
  assert.match((await visitor.get('/news')).body, /Liste en cache/);
  t.app.pageCache.clear();
});

test('a restricted project’s posts are seen by its members with a confirmed email only, never in the feed', async () => {
  const project = makeProject(t.db, { slug: `restreint-${process.pid}`, visibility: 'restricted' });
  const post = makePost(t.db, { projectId: project, title: 'Réservé aux membres' });
  const member = await loginAs(t);
  const unconfirmed = await loginAs(t, 'citizen', { confirmed: false });
  addToGroup(t.db, `Membres ${process.pid}`, [member.userId, unconfirmed.userId], project);
  const outsider = await loginAs(t);
  for (const c of [t.client(), outsider.client, unconfirmed.client]) {
    assert.equal((await c.get(`/news/${post.slug}`)).statusCode, 404);
    assert.doesNotMatch((await c.get('/news')).body, /Réservé aux membres/);
    assert.equal((await c.get(`/news?project=restreint-${process.pid}`)).statusCode, 404);
  }
  assert.equal((await member.client.get(`/news/${post.slug}`)).statusCode, 200);
  assert.match((await member.client.get('/news')).body, /Réservé aux membres/);
  assert.match((await member.client.get(`/news?project=restreint-${process.pid}`)).body, /Réservé aux membres/);
  assert.match((await member.client.get(`/projects/restreint-${process.pid}`)).body, /Réservé aux membres/);
  assert.doesNotMatch((await member.client.get('/news/feed.atom')).body, /Réservé aux membres/);
});

test('a post’s page shows its title, date, project, image and sanitised Markdown', async () => {
  const project = makeProject(t.db, { slug: `lecture-${process.pid}`, title: 'Projet à lire' });
  const post = makePost(t.db, { projectId: project, title: 'Une belle annonce', body: 'Du **gras** et <script>alert(1)</script> [un lien](javascript:alert(1)).', imagePath: 'news/abc.webp' });
  const res = await t.client().get(`/news/${post.slug}`);
  assert.equal(res.statusCode, 200);
  assert.match(res.body, /<h1>Une belle annonce<\/h1>/);
  assert.match(res.body, /<time datetime="\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z">/);
  assert.match(res.body, new RegExp(`<a href="/projects/lecture-${process.pid}">Projet à lire</a>`));
  assert.match(res.body, /<img class="news-image" src="\/uploads\/news\/abc.webp" alt="">/);
  assert.match(res.body, /<strong>gras<\/strong>/);
  assert.doesNotMatch(res.body, /<script>alert|href="javascript:/);
  assert.match(res.body, /data-hx-ignore/);
});

test('the project page shows its latest three posts and a link to all of them, and no panel without news', async () => {
  const project = makeProject(t.db, { slug: `panneau-${process.pid}` });
  for (let i = 1; i <= 4; i++) makePost(t.db, { projectId: project, title: `Panneau ${i}`, publishedAt: daysFromNow(-10 + i) });
  const page = await t.client().get(`/projects/panneau-${process.pid}`);
  assert.match(page.body, /<h2 id="news-panel-title">Actualités du projet<\/h2>/);
  assert.deepEqual([...page.body.matchAll(/<a href="\/news\/[^"]+">(Panneau \d)<\/a>/g)].map((m) => m[1]), ['Panneau 4', 'Panneau 3', 'Panneau 2']);
  assert.match(page.body, new RegExp(`<a href="/news\\?project=panneau-${process.pid}">Toutes les actualités du projet</a>`));
  const empty = makeProject(t.db, { slug: `sans-nouvelles-${process.pid}` });
  assert.ok(empty);
  assert.doesNotMatch((await t.client().get(`/projects/sans-nouvelles-${process.pid}`)).body, /news-panel/);
});

test('anonymous visitors get the list and posts from the page cache; a logged-in person never does', async () => {
  const post = makePost(t.db, { title: 'Mise en cache' });
  const visitor = t.client();
  const first = await visitor.get(`/news/${post.slug}`);
  t.db.sqlite.prepare("update news_posts set title = 'Titre changé en douce' where id = ?").run(post.id); // no commit listener: the cache is not told
  const cached = await visitor.get(`/news/${post.slug}`);
  assert.equal(cached.body.replace(/name="_csrf" value="[^"]+"/g, ''), first.body.replace(/name="_csrf" value="[^"]+"/g, ''));
  const { client } = await loginAs(t, addUser(t.db));
  assert.match((await client.get(`/news/${post.slug}`)).body, /Titre changé en douce/);
  t.app.pageCache.clear();
});

test('in English, the list and a post speak English', async () => {
  const post = makePost(t.db, { title: 'En anglais' });
  const c = t.client();
  c.cookies.set('lang', 'en');
  const list = await c.get('/news');
  assert.match(list.body, /<html lang="en">/);
  assert.match(list.body, /Subscribe to the news \(Atom feed\)/);
  assert.match((await c.get(`/news/${post.slug}`)).body, /Published on/);
});
