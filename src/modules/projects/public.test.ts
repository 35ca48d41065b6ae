// Public pages: the home list (order, visibility, filters, htmx fragment, query count) and
// the project page (timeline, current step, counters, hidden projects as 404).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { makeApp, type TestApp } from '../../../test/helpers/app.ts';
import { loginAs, anonymous, makeProject, makeStep, addToGroup, daysFromNow } from '../../../test/helpers/factories.ts';

let t: TestApp;
after(() => t.close());

/** Project titles in the order the page lists them. */
const titles = (html: string) => [...html.matchAll(/<h3><a href="\/projects\/[^"]+">([^<]+)<\/a><\/h3>/g)].map((m) => m[1]);

let ids: Record<string, number> = {};
before(async () => {
  t = await makeApp();
  const theme = Number(t.db.sqlite.prepare("insert into themes (name) values ('Environnement')").run().lastInsertRowid);
  const district = Number(t.db.sqlite.prepare("insert into districts (name) values ('Quartier Sud')").run().lastInsertRowid);
  const p = (title: string, visibility: 'public' | 'draft' | 'restricted' = 'public', archived = false) => makeProject(t.db, { title, slug: title.toLowerCase().replace(/\s+/g, '-'), visibility, archived });
  ids = {
    closed: p('Clos'),
    open: p('Ouvert'),
    upcoming: p('Prochain'),
    empty: p('Sans étape'),
    draft: p('Brouillon', 'draft'),
    restricted: p('Réservé', 'restricted'),
    archived: p('Archivé', 'public', true),
    theme,
    district,
  };
  makeStep(t.db, ids.closed!, { starts: daysFromNow(-30), ends: daysFromNow(-20) });
  makeStep(t.db, ids.open!, { title: 'Passée', starts: daysFromNow(-30), ends: daysFromNow(-20) });
  makeStep(t.db, ids.open!, { title: 'Maintenant', starts: daysFromNow(-1), ends: null });
  makeStep(t.db, ids.open!, { title: 'Plus tard', starts: daysFromNow(10), ends: daysFromNow(20) });
  makeStep(t.db, ids.upcoming!, { starts: daysFromNow(5), ends: daysFromNow(6) });
  makeStep(t.db, ids.archived!, { starts: null, ends: null });
  t.db.sqlite.prepare('insert into project_themes (project_id, theme_id) values (?, ?), (?, ?)').run(ids.open, theme, ids.closed, theme);
  t.db.sqlite.prepare('insert into project_districts (project_id, district_id) values (?, ?)').run(ids.upcoming, district);
  t.db.sqlite.prepare('update projects set participants_count = 12, contributions_count = 1, votes_count = 345 where id = ?').run(ids.open);
});

test('the home page lists visible projects: open first, then upcoming (with those without steps), then closed', async () => {
  const res = await (await anonymous(t)).get('/');
  assert.equal(res.statusCode, 200);
  assert.match(res.body, /Bienvenue sur la plateforme/);
  const list = titles(res.body);
  assert.deepEqual(list.slice(0, 1), ['Ouvert']);
  assert.deepEqual(new Set(list.slice(1, 3)), new Set(['Prochain', 'Sans étape']));
  assert.deepEqual(list.slice(3), ['Clos']);
  assert.doesNotMatch(res.body, /Brouillon|Réservé|Archivé/);
  assert.match(res.body, /Environnement/);
  assert.match(res.body, /12 participants/);
});

test('the home page keeps the site introduction Markdown at the top', async () => {
  t.db.sqlite.prepare("update site_settings set intro_md = 'Bonjour **tout le monde**' where id = 1").run();
  const { forgetSite } = await import('../../platform/site.ts');
  forgetSite(t.db);
  t.app.pageCache.clear(); // written behind the app's back: no request emptied the page cache
  const res = await t.client().get('/');
  assert.match(res.body, /Bonjour <strong>tout le monde<\/strong>/);
  t.db.sqlite.prepare("update site_settings set intro_md = '' where id = 1").run();
  forgetSite(t.db);
});

test('drafts appear only for administrators; restricted projects for members of their groups', async () => {
  const { client: citizen } = await loginAs(t, 'citizen');
  const { client: member, userId } = await loginAs(t, 'citizen');
  addToGroup(t.db, 'Membres du conseil', [userId], ids.restricted);
  const { client: admin } = await loginAs(t, 'admin');
  assert.doesNotMatch((await citizen.get('/')).body, /Réservé|Brouillon/);
  const memberHome = await member.get('/');
  assert.match(memberHome.body, /Réservé/);
  assert.doesNotMatch(memberHome.body, /Brouillon/);
  const adminHome = await admin.get('/');
  assert.match(adminHome.body, /Réservé/);
  assert.match(adminHome.body, /Brouillon/);
  assert.doesNotMatch(adminHome.body, /Archivé/);

  for (const [c, slug, status] of [
    [await anonymous(t), 'brouillon', 404],
    [citizen, 'brouillon', 404],
    [member, 'brouillon', 404],
    [admin, 'brouillon', 200],
    [await anonymous(t), 'réservé', 404],
    [citizen, 'réservé', 404],
    [member, 'réservé', 200],
    [admin, 'réservé', 200],
    [citizen, 'archivé', 200],
    [citizen, 'nexiste-pas', 404],
  ] as const) {
    assert.equal((await c.get(`/projects/${encodeURIComponent(slug)}`)).statusCode, status, slug);
  }
});

test('filters by theme, district and state narrow the list, as links and as a GET form', async () => {
  const c = t.client();
  assert.deepEqual(titles((await c.get(`/?theme=${ids.theme}`)).body), ['Ouvert', 'Clos']);
  assert.deepEqual(titles((await c.get(`/?district=${ids.district}`)).body), ['Prochain']);
  assert.deepEqual(titles((await c.get('/?state=closed')).body), ['Clos']);
  assert.deepEqual(titles((await c.get(`/?state=open&theme=${ids.theme}`)).body), ['Ouvert']);
  assert.deepEqual(titles((await c.get(`/?state=upcoming&theme=${ids.theme}`)).body), []);
  assert.match((await c.get(`/?state=upcoming&theme=${ids.theme}`)).body, /Aucun projet ne correspond/);
  // Unknown values are ignored rather than failing.
  assert.equal(titles((await c.get('/?state=bogus&theme=abc&page=-2')).body).length, 4);
  const page = await c.get(`/?theme=${ids.theme}`);
  assert.match(page.body, new RegExp(`<option value="${ids.theme}" selected>Environnement</option>`));
  assert.match(page.body, new RegExp(`href="/\\?theme=${ids.theme}&amp;state=open"`));
  assert.match(page.body, /data-hx-get="\/" data-hx-target="#project-list" data-hx-swap="outerHTML" data-hx-push-url="true"/);
});

test('htmx filter requests get only the list fragment; a history restore gets the page', async () => {
  const c = t.client();
  const fragment = await c.get('/?state=open', { 'hx-request': 'true' });
  assert.equal(fragment.statusCode, 200);
  assert.match(fragment.body, /^<div id="project-list">/);
  assert.doesNotMatch(fragment.body, /<html/);
  assert.deepEqual(titles(fragment.body), ['Ouvert']);
  const restore = await c.get('/?state=open', { 'hx-request': 'true', 'hx-history-restore-request': 'true' });
  assert.match(restore.body, /<html/);
});

test('the home list runs one query for the projects, whatever their number', async () => {
  for (let i = 0; i < 40; i++) {
    const id = makeProject(t.db, { title: `Volume ${i}` });
    makeStep(t.db, id, { starts: daysFromNow(-1), ends: daysFromNow(1) });
    t.db.sqlite.prepare('insert into project_themes (project_id, theme_id) values (?, ?)').run(id, ids.theme);
    t.db.sqlite.prepare('insert into project_districts (project_id, district_id) values (?, ?)').run(id, ids.district);
  }
  const original = t.db.sqlite.prepare.bind(t.db.sqlite);
  const seen: string[] = [];
  // Count statements run: readSync caches prepared statements, so this wraps `prepare` and asks
  // for a filter combination no earlier test used (its statement is prepared afresh).
  t.db.sqlite.prepare = ((source: string) => {
    const stmt = original(source);
    for (const m of ['all', 'get', 'run'] as const) {
      const fn = stmt[m].bind(stmt);
      (stmt as unknown as Record<string, unknown>)[m] = (...args: unknown[]) => {
        seen.push(source);
        return (fn as (...a: unknown[]) => unknown)(...args);
      };
    }
    return stmt;
  }) as typeof t.db.sqlite.prepare;
  try {
    const res = await t.client().get(`/?theme=${ids.theme}&district=${ids.district}&state=open`);
    assert.equal(res.statusCode, 200);
    assert.equal(titles(res.body).length, 30);
    assert.match(res.body, /rel="next"/);
  } finally {
    t.db.sqlite.prepare = original;
  }
  const projectQueries = seen.filter((s) => /from "projects"|from "steps"|from "project_themes"/i.test(s));
  assert.equal(projectQueries.length, 1, projectQueries.join('\n'));
  const page2 = await t.client().get('/?page=2&state=open');
  assert.ok(titles(page2.body).length >= 11);
  assert.match(page2.body, /rel="prev"/);
});

test('the project page shows its labels, counters and step timeline with the open step as current', async () => {
  const res = await t.client().get('/projects/ouvert');
  assert.equal(res.statusCode, 200);
  assert.match(res.body, /<h1>Ouvert<\/h1>/);
  assert.match(res.body, /12 participants/);
  assert.match(res.body, /1 contribution\b/);
  assert.match(res.body, /345 votes/);
  assert.match(res.body, /Environnement/);
  const timeline = /<ol class="timeline"[\s\S]*?<\/ol>/.exec(res.body)?.[0] ?? '';
  const steps = [...timeline.matchAll(/<li class="step step-(\w+)"( aria-current="step")?>\s*<a href="(\/presentation\/\d+)">([^<]+)<\/a>/g)].map((m) => [m[4], m[1], !!m[2]]);
  assert.deepEqual(steps, [
    ['Passée', 'closed', false],
    ['Maintenant', 'open', true],
    ['Plus tard', 'upcoming', false],
  ]);
  assert.match(timeline, /Terminé[\s\S]*En cours[\s\S]*À venir/);
  const none = await t.client().get(`/projects/${(t.db.sqlite.prepare('select slug from projects where id = ?').get(ids.empty) as { slug: string }).slug}`);
  assert.match(none.body, /seront bientôt annoncées/);
});

test('the project page is in English for English readers', async () => {
  const c = t.client();
  await c.get('/lang/en');
  const res = await c.get('/projects/ouvert');
  assert.match(res.body, /345 votes/);
  assert.match(res.body, /Open/);
  const home = await c.get('/');
  assert.match(home.body, /All themes/);
});
