// The Atom feed: well-formed XML with the Atom 1.0 structure (RFC 4287: the feed's id, title,
// updated, author and self link; each entry's id, title, updated and link), absolute links from
// BASE_URL, the right content type, text escaped, the latest thirty published posts only.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { makeApp, type TestApp } from '../../../test/helpers/app.ts';
import { daysFromNow, makeProject } from '../../../test/helpers/factories.ts';
import { makePost } from './test-fixtures.ts';
import { childrenNamed, parseXml, type XmlElement } from './test-xml.ts';
import { xml } from './feed.ts';

let t: TestApp;
before(async () => (t = await makeApp({ env: { BASE_URL: 'https://participer.ville.example' } })));
after(() => t.close());

const ATOM = 'http://www.w3.org/2005/Atom';
const RFC3339 = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/;
const one = (el: XmlElement, name: string) => {
  const found = childrenNamed(el, name);
  assert.equal(found.length, 1, `one <${name}> in <${el.name}>`);
  return found[0]!;
};

async function feed() {
  const res = await t.client().get('/news/feed.atom');
  assert.equal(res.statusCode, 200);
  assert.equal(res.headers['content-type'], 'application/atom+xml; charset=utf-8');
  return parseXml(res.body);
}

test('the feed is well-formed Atom 1.0 with absolute links, and entries carry what RFC 4287 asks', async () => {
  const project = makeProject(t.db, { slug: `atome-${process.pid}`, title: 'Projet & « guillemets »' });
  const post = makePost(t.db, { projectId: project, title: 'Tom & Jerry <b>pas du HTML</b> « fr »', body: 'Un **texte** avec [un lien](https://exemple.fr/?a=1&b=2).', imagePath: 'news/image.webp' });
  makePost(t.db, { title: 'Contrôle \u0007 caché', publishedAt: daysFromNow(-2) });
  const root = await feed();
  assert.equal(root.name, 'feed');
  assert.equal(root.attrs.xmlns, ATOM);
  assert.equal(root.attrs['xml:lang'], 'fr');
  assert.equal(root.attrs['xml:base'], 'https://participer.ville.example/', 'relative links of a body resolve on the site');
  assert.equal(one(root, 'id').text, 'https://participer.ville.example/news');
  assert.match(one(root, 'title').text, /^Actualités · /);
  assert.match(one(root, 'updated').text, RFC3339);
  assert.ok(one(one(root, 'author'), 'name').text.length > 0);
  const links = childrenNamed(root, 'link');
  assert.deepEqual(links.map((l) => [l.attrs.rel, l.attrs.href]), [
    ['self', 'https://participer.ville.example/news/feed.atom'],
    ['alternate', 'https://participer.ville.example/news'],
  ]);
  const entries = childrenNamed(root, 'entry');
  const ids = new Set<string>();
  for (const e of entries) {
    const id = one(e, 'id').text;
    assert.match(id, /^tag:participer\.ville\.example,\d{4}-\d\d-\d\d:news-\d+$/);
    ids.add(id);
    assert.ok(one(e, 'title').text);
    assert.match(one(e, 'updated').text, RFC3339);
    assert.match(one(e, 'published').text, RFC3339);
    assert.match(one(e, 'link').attrs.href!, /^https:\/\/participer\.ville\.example\/news\/[a-z0-9-]+$/);
    assert.equal(one(e, 'content').attrs.type, 'html');
  }
  assert.equal(ids.size, entries.length, 'entry ids are unique');
  const mine = entries.find((e) => one(e, 'link').attrs.href!.endsWith(`/news/${post.slug}`))!;
  assert.equal(one(mine, 'title').text, 'Tom & Jerry <b>pas du HTML</b> « fr »', 'text, escaped, read back as written');
  assert.deepEqual(one(mine, 'category').attrs, { term: `atome-${process.pid}`, label: 'Projet & « guillemets »' });
  const html = one(mine, 'content').text;
  assert.match(html, /<strong>texte<\/strong>/);
  assert.match(html, /<img src="https:\/\/participer\.ville\.example\/uploads\/news\/image\.webp" alt="">/);
  assert.ok(entries.some((e) => one(e, 'title').text === 'Contrôle  caché'), 'a control character is dropped, not sent');
});

test('the feed holds the thirty latest published posts, newest first: no draft, no scheduled post, no restricted project', async () => {
  const restricted = makeProject(t.db, { visibility: 'restricted' });
  for (let i = 1; i <= 32; i++) makePost(t.db, { title: `Flux ${String(i).padStart(2, '0')}`, publishedAt: new Date(Date.now() - (40 - i) * 60_000).toISOString() });
  makePost(t.db, { title: 'Brouillon du flux', publishedAt: null });
  makePost(t.db, { title: 'Programmée du flux', publishedAt: daysFromNow(1) });
  makePost(t.db, { title: 'Restreinte du flux', projectId: restricted });
  const titles = childrenNamed(await feed(), 'entry').map((e) => one(e, 'title').text);
  assert.equal(titles.length, 30);
  assert.deepEqual(titles.slice(0, 3), ['Flux 32', 'Flux 31', 'Flux 30']);
  assert.ok(!titles.some((x) => /Brouillon|Programmée|Restreinte/.test(x)));
});

test('an empty feed is still valid Atom', async () => {
  const fresh = await makeApp();
  try {
    const res = await fresh.client().get('/news/feed.atom');
    const root = parseXml(res.body);
    assert.equal(childrenNamed(root, 'entry').length, 0);
    assert.match(one(root, 'updated').text, RFC3339);
    assert.equal(one(root, 'id').text, 'http://localhost:3000/news');
  } finally {
    await fresh.close();
  }
});

test('xml() escapes markup and drops what XML 1.0 forbids', () => {
  const cases: [string, string][] = [
    ['a & b', 'a &amp; b'],
    ['<x y="1">', '&lt;x y=&quot;1&quot;&gt;'],
    ["l'été", 'l&apos;été'],
    ['\u0000\u0008ok\u000B\u001F', 'ok'],
    ['tab\tnew\nline', 'tab\tnew\nline'],
    ['lone \uD800 surrogate', 'lone  surrogate'],
    ['emoji 🎉', 'emoji 🎉'],
  ];
  for (const [input, expected] of cases) assert.equal(xml(input), expected, JSON.stringify(input));
});
