// The public events: upcoming (and ongoing) first, soonest first, then past ones, latest first;
// pages of ten without counting rows; the project filter (htmx swaps the list); an event's page
// with its place, map links and online link; restricted projects' events seen by their members;
// the project page's panel; English.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { makeApp, type TestApp } from '../../../test/helpers/app.ts';
import { statementsPreparedBy } from '../../../test/helpers/statements.ts';
import { addToGroup, addUser, loginAs, makeProject } from '../../../test/helpers/factories.ts';
import { makeEvent } from './test-fixtures.ts';
import { listEvents } from './queries.ts';

let t: TestApp;
before(async () => (t = await makeApp({ env: { TIME_ZONE: 'Europe/Paris' } })));
after(() => t.close());

const HOUR = 3600_000;
const inHours = (h: number) => new Date(Date.now() + h * HOUR).toISOString();
const titles = (html: string) => [...html.matchAll(/<h2><a href="\/events\/[^"]+">([^<]+)<\/a><\/h2>/g)].map((m) => m[1]);

test('the list shows what is under way and upcoming soonest first, then past events latest first, ten a page', async () => {
  const slug = `ordre-${process.pid}`;
  const project = makeProject(t.db, { slug, title: 'Projet ordonné' });
  makeEvent(t.db, { project_id: project, title: 'Passé récent', starts_at: inHours(-30) });
  makeEvent(t.db, { project_id: project, title: 'Passé ancien', starts_at: inHours(-300) });
  makeEvent(t.db, { project_id: project, title: 'En cours', starts_at: inHours(-1) });
  for (let i = 1; i <= 9; i++) makeEvent(t.db, { project_id: project, title: `À venir ${i}`, starts_at: inHours(i * 24) });
  const first = await t.client().get(`/events?project=${slug}`);
  assert.equal(first.statusCode, 200);
  assert.deepEqual(titles(first.body), ['En cours', ...Array.from({ length: 9 }, (_, i) => `À venir ${i + 1}`)]);
  assert.match(first.body, /<span class="tag">En cours<\/span>/);
  assert.match(first.body, /rel="next"/);
  const second = await t.client().get(`/events?project=${slug}&page=2`);
  assert.deepEqual(titles(second.body), ['Passé récent', 'Passé ancien']);
  assert.match(second.body, /<span class="tag">Passé<\/span>/);
  assert.doesNotMatch(second.body, /rel="next"/);
  assert.match((await t.client().get(`/events?project=${slug}&page=3`)).body, /Pas d’autre événement\./);
});

test('the list query reads one row more than a page, and no COUNT', async () => {
  const seen = await statementsPreparedBy((db) => listEvents(db, { user: null, projectId: 123456, page: 4 }));
  assert.equal(seen.length, 1);
  assert.match(seen[0]!, /limit 11 offset \?/);
  assert.doesNotMatch(seen[0]!, /count\(/i);
});

test('the project filter lists the projects with events, and htmx gets the list alone', async () => {
  const slug = `filtre-${process.pid}`;
  const project = makeProject(t.db, { slug, title: 'Projet filtré' });
  makeEvent(t.db, { project_id: project, title: 'Du projet filtré' });
  makeEvent(t.db, { title: 'Pour tout le site', starts_at: inHours(0.5) });
  const page = await t.client().get('/events');
  assert.match(page.body, new RegExp(`<option value="${slug}">Projet filtré</option>`));
  assert.match(page.body, /href="\/events\/feed\.ics"/);
  const fragment = await t.client().get(`/events?project=${slug}`, { 'hx-request': 'true' });
  assert.match(fragment.body, /^<div id="events-list">/);
  assert.deepEqual(titles(fragment.body), ['Du projet filtré']);
  assert.doesNotMatch(fragment.body, /<html/);
  assert.equal((await t.client().get('/events?project=no-such-project')).statusCode, 404);
});

test('an event’s page: when on the wall clock, the place with its map links, the online link, the project, the description, its calendar file', async () => {
  const project = makeProject(t.db, { slug: `lie-${process.pid}`, title: 'Projet lié' });
  const e = makeEvent(t.db, {
    title: 'Balade commentée',
    project_id: project,
    starts_at: '2027-03-12T17:30:00.000Z',
    ends_at: '2027-03-13T11:00:00.000Z',
    place: 'Place du marché',
    latitude: 48.1,
    longitude: -1.68,
    online_url: 'https://visio.exemple.fr/balade',
    body_md: 'Un **texte** <script>alert(1)</script>',
  });
  const page = await t.client().get(`/events/${e.slug}`);
  assert.equal(page.statusCode, 200);
  assert.match(page.body, /<h1>Balade commentée<\/h1>/);
  assert.match(page.body, /<time datetime="2027-03-12T17:30:00.000Z">du 12 mars 2027 à 18:30 au 13 mars 2027 à 12:00<\/time>/);
  assert.match(page.body, /Place du marché/);
  assert.match(page.body, /geoportail\.gouv\.fr\/carte\?c=-1\.680000,48\.100000/);
  assert.match(page.body, /<a href="https:\/\/visio\.exemple\.fr\/balade" rel="noopener nofollow">/);
  assert.match(page.body, new RegExp(`<a href="/projects/lie-${process.pid}">Projet lié</a>`));
  assert.match(page.body, /<strong>texte<\/strong>/);
  assert.doesNotMatch(page.body, /<script>alert/);
  assert.match(page.body, new RegExp(`href="/events/${e.slug}\\.ics"`));
  assert.doesNotMatch(page.body, /id="events-registration"/, 'no registration box without registration');
});

test('an event with registration invites anonymous visitors to log in, and administrators get an edit link', async () => {
  const e = makeEvent(t.db, { registration: 1, capacity: 12 });
  const page = await t.client().get(`/events/${e.slug}`);
  assert.match(page.body, /12 places restantes sur 12\./);
  assert.match(page.body, new RegExp(`<a href="/login\\?next=%2Fevents%2F${e.slug}">Connectez-vous pour vous inscrire</a>`));
  const { client } = await loginAs(t, 'admin');
  assert.match((await client.get(`/events/${e.slug}`)).body, new RegExp(`href="/admin/events/${e.id}/edit"`));
});

test('a restricted project’s events are seen by its members with a confirmed email only, never in the feed', async () => {
  const slug = `restreint-${process.pid}`;
  const project = makeProject(t.db, { slug, visibility: 'restricted' });
  const e = makeEvent(t.db, { project_id: project, title: 'Réunion des membres', starts_at: inHours(0.2) });
  const member = addUser(t.db);
  addToGroup(t.db, `Membres ${process.pid}`, [member], project);
  const outsider = await loginAs(t);
  assert.equal((await outsider.client.get(`/events/${e.slug}`)).statusCode, 404);
  assert.doesNotMatch((await outsider.client.get('/events')).body, /Réunion des membres/);
  const { client } = await loginAs(t, member);
  assert.equal((await client.get(`/events/${e.slug}`)).statusCode, 200);
  assert.match((await client.get('/events')).body, /Réunion des membres/);
  assert.doesNotMatch((await client.get('/events/feed.ics')).body, /Réunion des membres/);
});

test('the project page shows its next three events and a link to all of them; none without events', async () => {
  const slug = `panneau-${process.pid}`;
  const project = makeProject(t.db, { slug });
  const bare = makeProject(t.db, { slug: `nu-${process.pid}` });
  makeEvent(t.db, { project_id: project, title: 'Événement passé du projet', starts_at: inHours(-48) });
  for (let i = 1; i <= 4; i++) makeEvent(t.db, { project_id: project, title: `Prochain ${i}`, starts_at: inHours(i * 24) });
  const page = await t.client().get(`/projects/${slug}`);
  assert.match(page.body, /<h2 id="events-panel-title">Prochains événements du projet<\/h2>/);
  for (const n of [1, 2, 3]) assert.match(page.body, new RegExp(`Prochain ${n}`));
  assert.doesNotMatch(page.body, /Prochain 4|Événement passé du projet/);
  assert.match(page.body, new RegExp(`<a href="/events\\?project=${slug}">Tous les événements du projet</a>`));
  assert.doesNotMatch((await t.client().get(`/projects/nu-${process.pid}`)).body, /events-panel/);
  void bare;
});

test('in English, the list and an event speak English', async () => {
  const e = makeEvent(t.db, { title: 'Bilingual', starts_at: '2027-03-12T17:30:00.000Z', ends_at: '2027-03-12T19:30:00.000Z', registration: 1 });
  const c = t.client();
  c.cookies.set('lang', 'en');
  const list = await c.get('/events');
  assert.match(list.body, /<h1>Events<\/h1>/);
  assert.match(list.body, /Add the upcoming events to your calendar/);
  const page = await c.get(`/events/${e.slug}`);
  assert.match(page.body, /on March 12, 2027, from 6:30\s?PM to 8:30\s?PM/);
  assert.match(page.body, /Log in to register/);
  assert.match(page.body, /0 people registered\./);
});
