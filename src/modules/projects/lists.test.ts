// Admin lists: themes, districts with GeoJSON outlines, user groups and their members.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { makeApp, type TestApp } from '../../../test/helpers/app.ts';
import { loginAs, anonymous, addUser, countRows as count, makeProject, addToGroup, sessionClient } from '../../../test/helpers/factories.ts';

let t: TestApp;
before(async () => (t = await makeApp()));
after(() => t.close());

const POLYGON = '{"type":"Polygon","coordinates":[[[2.3,48.8],[2.4,48.8],[2.4,48.9],[2.3,48.8]]]}';

test('anonymous visitors are sent to the login page and citizens get 403 on every admin list', async () => {
  const anon = await anonymous(t);
  const { client: citizen } = await loginAs(t, 'citizen');
  const { client: moderator } = await loginAs(t, 'moderator');
  for (const url of ['/admin/themes', '/admin/districts', '/admin/groups']) {
    const res = await anon.get(url);
    assert.equal(res.statusCode, 303, url);
    assert.equal(res.headers.location, `/login?next=${encodeURIComponent(url)}`);
    assert.equal((await citizen.get(url)).statusCode, 403, url);
    assert.equal((await moderator.get(url)).statusCode, 403, url);
  }
  const before = count(t.db, 'themes');
  assert.equal((await anon.post('/admin/themes', { name: 'Sport' })).statusCode, 401);
  assert.equal((await citizen.post('/admin/themes', { name: 'Sport' })).statusCode, 403);
  assert.equal((await citizen.post('/admin/groups', { name: 'Élus' })).statusCode, 403);
  assert.equal(count(t.db, 'themes'), before);
});

test('an administrator adds, renames and deletes a theme', async () => {
  const { client } = await loginAs(t, 'admin');
  const res = await client.submit('/admin/themes', { name: 'Mobilité' });
  assert.equal(res.statusCode, 303);
  const page = await client.get('/admin/themes');
  assert.match(page.body, /Le thème a été ajouté/);
  assert.match(page.body, /Mobilité/);
  const id = (t.db.sqlite.prepare("select id from themes where name = 'Mobilité'").get() as { id: number }).id;
  assert.equal((await client.get(`/admin/themes/${id}/edit`)).statusCode, 200);
  assert.equal((await client.post(`/admin/themes/${id}`, { name: 'Mobilités douces' })).statusCode, 303);
  assert.ok(t.db.sqlite.prepare("select 1 from themes where name = 'Mobilités douces'").get());
  assert.equal((await client.post(`/admin/themes/${id}/delete`, {})).statusCode, 303);
  assert.equal(t.db.sqlite.prepare('select 1 from themes where id = ?').get(id), undefined);
  assert.equal((await client.post(`/admin/themes/${id}/delete`, {})).statusCode, 404);
  assert.equal((await client.get('/admin/themes/abc/edit')).statusCode, 404);
});

test('theme names are required, limited in length and unique, with clear messages', async () => {
  const { client } = await loginAs(t, 'admin');
  await client.submit('/admin/themes', { name: 'Culture' });
  const before = count(t.db, 'themes');
  const empty = await client.post('/admin/themes', { name: '  ' });
  assert.equal(empty.statusCode, 422);
  assert.match(empty.body, /Ce champ est obligatoire/);
  const long = await client.post('/admin/themes', { name: 'x'.repeat(101) });
  assert.equal(long.statusCode, 422);
  assert.match(long.body, /ne doit pas dépasser 100 caractères/);
  const taken = await client.post('/admin/themes', { name: 'Culture' });
  assert.equal(taken.statusCode, 422);
  assert.match(taken.body, /Ce nom est déjà utilisé/);
  assert.match(taken.body, /value="Culture"/);
  assert.equal(count(t.db, 'themes'), before);
  const noCsrf = await client.post('/admin/themes', { name: 'Autre', _csrf: '' });
  assert.equal(noCsrf.statusCode, 403);
  assert.equal(count(t.db, 'themes'), before);
});

test('a district takes an optional GeoJSON outline that must be valid', async () => {
  const { client } = await loginAs(t, 'admin');
  assert.equal((await client.submit('/admin/districts', { name: 'Les Halles', geojson: POLYGON })).statusCode, 303);
  assert.equal((t.db.sqlite.prepare("select geojson from districts where name = 'Les Halles'").get() as { geojson: string }).geojson, POLYGON);
  assert.equal((await client.post('/admin/districts', { name: 'Sans contour', geojson: '' })).statusCode, 303);
  assert.equal((t.db.sqlite.prepare("select geojson from districts where name = 'Sans contour'").get() as { geojson: string | null }).geojson, null);
  const before = count(t.db, 'districts');
  const cases: [string, RegExp][] = [
    ['{"type": "Polygon", ', /pas du JSON valide/],
    ['{"type":"Point","coordinates":[1,2]}', /Polygon, MultiPolygon, Feature ou FeatureCollection/],
    [`{"type":"Polygon","coordinates":[],"x":"${'a'.repeat(210 * 1024)}"}`, /200 Ko/],
  ];
  for (const [geojson, message] of cases) {
    const res = await client.post('/admin/districts', { name: 'Mauvais', geojson });
    assert.equal(res.statusCode, 422);
    assert.match(res.body, message);
  }
  assert.equal(count(t.db, 'districts'), before);
  const id = (t.db.sqlite.prepare("select id from districts where name = 'Les Halles'").get() as { id: number }).id;
  const edit = await client.get(`/admin/districts/${id}/edit`);
  assert.match(edit.body, /&quot;Polygon&quot;/);
  const bad = await client.post(`/admin/districts/${id}`, { name: 'Les Halles', geojson: '[]' });
  assert.equal(bad.statusCode, 422);
  assert.equal((t.db.sqlite.prepare('select geojson from districts where id = ?').get(id) as { geojson: string }).geojson, POLYGON);
  assert.equal((await client.post(`/admin/districts/${id}`, { name: 'Les Halles', geojson: '' })).statusCode, 303);
  assert.equal((t.db.sqlite.prepare('select geojson from districts where id = ?').get(id) as { geojson: string | null }).geojson, null);
});

test('an administrator creates a group, adds and removes members by email, and deletes it', async () => {
  const { client } = await loginAs(t, 'admin');
  const member = addUser(t.db, 'citizen', { email: 'membre.groupe@example.org' });
  const res = await client.submit('/admin/groups', { name: 'Conseil de quartier' });
  assert.equal(res.statusCode, 303);
  const url = String(res.headers.location);
  assert.match(url, /^\/admin\/groups\/\d+$/);
  const unknown = await client.post(`${url}/members`, { email: 'personne@example.org' });
  assert.equal(unknown.statusCode, 422);
  assert.match(unknown.body, /Aucun compte n’utilise cette adresse/);
  const malformed = await client.post(`${url}/members`, { email: 'pas-une-adresse' });
  assert.equal(malformed.statusCode, 422);
  assert.equal(count(t.db, 'user_group_members'), 0);
  assert.equal((await client.post(`${url}/members`, { email: ' Membre.Groupe@example.org ' })).statusCode, 303);
  assert.equal(count(t.db, 'user_group_members'), 1);
  await client.post(`${url}/members`, { email: 'membre.groupe@example.org' });
  assert.match((await client.get(url)).body, /fait déjà partie du groupe/);
  assert.equal(count(t.db, 'user_group_members'), 1);
  assert.match((await client.get('/admin/groups')).body, /1 membre\b/);
  assert.equal((await client.post(`${url}/members/${member}/delete`, {})).statusCode, 303);
  assert.equal(count(t.db, 'user_group_members'), 0);
  assert.equal((await client.post(`${url}/members/${member}/delete`, {})).statusCode, 404);
  const taken = await client.post('/admin/groups', { name: 'Conseil de quartier' });
  assert.equal(taken.statusCode, 422);
  assert.equal((await client.post(url, { name: 'Conseil citoyen' })).statusCode, 303);
  assert.ok(t.db.sqlite.prepare("select 1 from user_groups where name = 'Conseil citoyen'").get());
  assert.equal((await client.post(`${url}/delete`, {})).statusCode, 303);
  assert.equal(count(t.db, 'user_groups'), 0);
  assert.equal((await client.get(url)).statusCode, 404);
});

test('a citizen cannot add themselves to a group', async () => {
  const { client: admin } = await loginAs(t, 'admin');
  const res = await admin.submit('/admin/groups', { name: 'Fermé' });
  const url = String(res.headers.location);
  const { client } = await loginAs(t, 'citizen');
  assert.equal((await client.post(`${url}/members`, { email: 'x@example.org' })).statusCode, 403);
  assert.equal(count(t.db, 'user_group_members'), 0);
});

test('an unconfirmed account added to a group is marked, and reaches no restricted project until it confirms', async () => {
  const { client: admin } = await loginAs(t, 'admin');
  const { client: person, userId } = await loginAs(t, 'citizen', { confirmed: false });
  const email = (t.db.sqlite.prepare('select email from users where id = ?').get(userId) as { email: string }).email;
  const project = makeProject(t.db, { visibility: 'restricted', slug: 'reserve-aux-elus', title: 'Réservé aux élus' });
  const group = addToGroup(t.db, 'Élus du conseil', [], project);
  const added = await admin.post(`/admin/groups/${group}/members`, { email });
  assert.equal(added.statusCode, 303);
  const page = await admin.get(`/admin/groups/${group}`);
  assert.match(page.body, /n’est pas confirmée : il n’aura accès aux projets réservés qu’après l’avoir confirmée/);
  assert.match(page.body, /adresse non confirmée : pas encore d’accès/);
  assert.equal((await person.get('/projects/reserve-aux-elus')).statusCode, 404);
  assert.doesNotMatch((await person.get('/')).body, /Réservé aux élus/);

  t.db.sqlite.prepare("update users set email_confirmed_at = '2026-12-01T00:00:00Z' where id = ?").run(userId);
  const confirmed = sessionClient(t, userId);
  assert.equal((await confirmed.get('/projects/reserve-aux-elus')).statusCode, 200);
  assert.match((await confirmed.get('/')).body, /Réservé aux élus/);
  assert.doesNotMatch((await admin.get(`/admin/groups/${group}`)).body, /adresse non confirmée/);
});
