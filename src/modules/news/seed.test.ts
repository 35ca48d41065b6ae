// The demo news: two published posts, one attached to the charter project when it exists (found
// by its slug, never created), their pages render, and running the demo again adds nothing.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { makeApp } from '../../../test/helpers/app.ts';
import { countRows } from '../../../test/helpers/factories.ts';
import { runDemo } from '../../platform/demo.ts';
import { seed, CHARTER_SLUG, DEMO_POSTS } from './seed.ts';

test('alone, the seed adds two published posts for the site and creates no project', async () => {
  const t = await makeApp();
  try {
    const lines: string[] = [];
    await seed({ db: t.db, log: (l) => lines.push(l) });
    assert.equal(countRows(t, 'news_posts where published_at <= strftime(\'%Y-%m-%dT%H:%M:%fZ\', \'now\') and project_id is null'), 2);
    assert.equal(countRows(t, 'projects'), 0);
    assert.match(lines.join('\n'), /news: 2 posts added, and the header menu links to them/);
    assert.equal(countRows(t, "site_menu_items where menu = 'header' and kind = 'path' and target = '/news'"), 1);
    assert.match((await t.client().get('/')).body, /<li><a href="\/news">Actualités<\/a><\/li>/);
    assert.match((await t.client().get('/news')).body, /<a href="\/news" aria-current="page">Actualités<\/a>/);
  } finally {
    await t.close();
  }
});

test('with every module, one post is the charter’s; its pages render; a second run adds nothing', async () => {
  const t = await makeApp();
  try {
    const noop = () => {};
    await runDemo(t.db, t.app.manifests, noop);
    const charter = t.db.sqlite.prepare('select id from projects where slug = ?').get(CHARTER_SLUG) as { id: number };
    assert.equal(countRows(t, `news_posts where project_id = ${charter.id}`), 1);
    assert.equal(countRows(t, 'news_posts'), 2);
    for (const p of DEMO_POSTS) assert.equal((await t.client().get(`/news/${p.slug}`)).statusCode, 200, p.slug);
    assert.match((await t.client().get(`/projects/${CHARTER_SLUG}`)).body, /Charte de la participation : les premiers retours/);
    const lines: string[] = [];
    await seed({ db: t.db, log: (l) => lines.push(l) });
    await runDemo(t.db, t.app.manifests, noop);
    assert.equal(countRows(t, 'news_posts'), 2);
    assert.equal(countRows(t, "site_menu_items where target = '/news'"), 1, 'one menu entry, however often the demo runs');
    assert.match(lines.join('\n'), /nothing added/);
  } finally {
    await t.close();
  }
});
