// The events back office: creating, editing and deleting events; dates typed on the instance's
// wall clock and stored in UTC; a place or an online link; registration and capacity (a larger
// capacity gives the new places to the people waiting, with their email); refused forms answer
// 422 with their messages in French and English and write nothing.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { makeApp, type TestApp } from '../../../test/helpers/app.ts';
import { addUser, countRows, loginAs, makeProject, uniqueEmail } from '../../../test/helpers/factories.ts';
import { countsOf, makeEvent, registerAll } from './test-fixtures.ts';

let t: TestApp;
before(async () => (t = await makeApp({ env: { TIME_ZONE: 'Europe/Paris' } })));
after(() => t.close());

const form = (o: Record<string, string> = {}) => ({
  title: 'Atelier de rentrée',
  slug: '',
  project_id: '',
  starts_at: '2027-07-14T18:30',
  ends_at: '2027-07-14T20:30',
  place: 'Salle des fêtes',
  latitude: '',
  longitude: '',
  online_url: '',
  body_md: 'Venez **nombreux**.',
  capacity: '',
  ...o,
});
const row = (slug: string) => t.db.sqlite.prepare('select * from events_events where slug = ?').get(slug) as Record<string, unknown> | undefined;

test('an administrator creates an event: the slug comes from the title, the Paris times are stored in UTC', async () => {
  const { client } = await loginAs(t, 'admin');
  const project = makeProject(t.db, { title: 'Projet lié' });
  await client.get('/admin/events/new');
  const res = await client.post('/admin/events', form({ project_id: String(project), registration: '1', capacity: '25', latitude: '48,8566', longitude: '2.3522', online_url: 'https://visio.exemple.fr/salle' }));
  assert.equal(res.statusCode, 303);
  const e = row('atelier-de-rentree')!;
  assert.equal(res.headers.location, `/admin/events/${e.id}/edit`);
  assert.deepEqual(
    [e.starts_at, e.ends_at, e.project_id, e.registration, e.capacity, e.latitude, e.longitude, e.online_url],
    ['2027-07-14T16:30:00.000Z', '2027-07-14T18:30:00.000Z', project, 1, 25, 48.8566, 2.3522, 'https://visio.exemple.fr/salle'],
  );
  const edit = await client.get(String(res.headers.location));
  assert.match(edit.body, /L’événement est créé/);
  assert.match(edit.body, /value="2027-07-14T18:30"/, 'shown again on the wall clock');
  assert.match(edit.body, /id="field-registration" name="registration" value="1" checked/);
  assert.match((await client.get('/admin/events')).body, /Atelier de rentrée/);
  // The public page says it on the wall clock too.
  const page = await t.client().get('/events/atelier-de-rentree');
  assert.match(page.body, /le 14 juillet 2027, de 18:30 à 20:30/);
  assert.match(page.body, /openstreetmap\.org\/\?mlat=48\.856600&amp;mlon=2\.352200/);
});

test('an online event needs no address; winter time is UTC+1', async () => {
  const { client } = await loginAs(t, 'admin');
  await client.get('/admin/events/new');
  const res = await client.post('/admin/events', form({ title: 'Permanence en ligne', place: '', online_url: 'https://visio.exemple.fr/p', starts_at: '2027-01-10T12:00', ends_at: '2027-01-10T13:00' }));
  assert.equal(res.statusCode, 303);
  assert.equal(row('permanence-en-ligne')!.starts_at, '2027-01-10T11:00:00.000Z');
  assert.equal(row('permanence-en-ligne')!.place, '');
});

for (const [lang, m] of [
  ['fr', { required: 'Ce champ est obligatoire.', order: 'La fin doit venir après le début.', capacity: 'Le nombre de places est un nombre entier de 1 à', url: 'Indiquez une adresse complète commençant par http:// ou https://', where: 'Indiquez une adresse, un lien de réunion en ligne, ou les deux.', date: 'Indiquez une date et une heure valides.', half: 'Indiquez la latitude et la longitude, ou aucune des deux.', lat: 'La latitude est un nombre de degrés entre -90 et 90.', slug: 'Utilisez seulement des lettres minuscules', reserved: 'Cette adresse est réservée par le site', choice: 'Ce choix ne fait pas partie des options proposées.' }],
  ['en', { required: 'This field is required.', order: 'The end must come after the start.', capacity: 'The number of places is a whole number from 1 to', url: 'Give a full address starting with http:// or https://', where: 'Give an address, a link to an online meeting, or both.', date: 'Give a valid date and time.', half: 'Give both the latitude and the longitude, or neither.', lat: 'The latitude is a number of degrees between -90 and 90.', slug: 'Use only lowercase letters', reserved: 'This address is reserved by the site', choice: 'This choice is not one of the options offered.' }],
] as const) {
  test(`refused forms answer 422 with their messages and write nothing (${lang})`, async () => {
    const { client } = await loginAs(t, 'admin');
    client.cookies.set('lang', lang);
    await client.get('/admin/events/new');
    const before = countRows(t, 'events_events');
    const cases: [Record<string, string>, string][] = [
      [form({ title: '' }), m.required],
      [form({ starts_at: '' }), m.required],
      [form({ ends_at: '2027-07-14T18:00' }), m.order],
      [form({ ends_at: '2027-07-14T18:30' }), m.order],
      [form({ starts_at: '2027-02-31T10:00' }), m.date],
      [form({ capacity: '0' }), m.capacity],
      [form({ capacity: '-3' }), m.capacity],
      [form({ capacity: 'vingt' }), m.capacity],
      [form({ capacity: '100001' }), m.capacity],
      [form({ online_url: 'javascript:alert(1)' }), m.url],
      [form({ online_url: 'visio.exemple.fr' }), m.url],
      [form({ place: '', online_url: '' }), m.where],
      [form({ latitude: '48.8' }), m.half],
      [form({ latitude: '91', longitude: '2' }), m.lat],
      [form({ slug: 'Pas Bon!' }), m.slug],
      [form({ slug: 'feed' }), m.reserved],
      [form({ project_id: '999999' }), m.choice],
      [form({ title: 'x'.repeat(151) }), lang === 'fr' ? 'ne doit pas dépasser 150 caractères' : 'must not be longer than 150 characters'],
    ];
    for (const [body, expected] of cases) {
      const res = await client.post('/admin/events', body);
      assert.equal(res.statusCode, 422, JSON.stringify(body));
      assert.ok(res.body.includes(expected), `${expected} in the answer to ${JSON.stringify(body)}`);
      assert.match(res.body, /class="error-summary"/);
    }
    assert.equal(countRows(t, 'events_events'), before);
  });
}

test('a slug already taken is refused with 422 on creation and on edit, and the values are kept', async () => {
  const { client } = await loginAs(t, 'admin');
  const taken = makeEvent(t.db, { slug: `prise-${process.pid}` });
  const other = makeEvent(t.db);
  await client.get('/admin/events/new');
  const before = countRows(t, 'events_events');
  const created = await client.post('/admin/events', form({ slug: taken.slug, title: 'Titre gardé' }));
  assert.equal(created.statusCode, 422);
  assert.match(created.body, /Un autre événement a déjà cette adresse/);
  assert.match(created.body, /value="Titre gardé"/);
  assert.equal(countRows(t, 'events_events'), before);
  const edited = await client.post(`/admin/events/${other.id}`, form({ slug: taken.slug }));
  assert.equal(edited.statusCode, 422);
  assert.match(String(row(other.slug)?.title), /^Événement \d+$/, 'the event did not change');
});

test('raising the capacity gives the new places to the first people waiting, who get an email; lowering it takes no place back', async () => {
  const { client } = await loginAs(t, 'admin');
  const e = makeEvent(t.db, { registration: 1, capacity: 1, title: 'Visite' });
  const emails = [uniqueEmail('visite'), uniqueEmail('visite'), uniqueEmail('visite')];
  const ids = [addUser(t.db), ...emails.map((email) => addUser(t.db, 'citizen', { email }))];
  registerAll(t.db, e.id, ids);
  await client.get(`/admin/events/${e.id}/edit`);
  const res = await client.post(`/admin/events/${e.id}`, form({ title: 'Visite', slug: e.slug, registration: '1', capacity: '3', starts_at: '2030-01-01T10:00', ends_at: '2030-01-01T12:00' }));
  assert.equal(res.statusCode, 303);
  assert.deepEqual(countsOf(t.db, e.id).rows, { registered: 3, waiting: 1 });
  await t.smtp.waitFor(emails[0]!, /Une place s’est libérée/);
  await t.smtp.waitFor(emails[1]!, /Une place s’est libérée/);
  const lowered = await client.post(`/admin/events/${e.id}`, form({ title: 'Visite', slug: e.slug, registration: '1', capacity: '1', starts_at: '2030-01-01T10:00', ends_at: '2030-01-01T12:00' }));
  assert.equal(lowered.statusCode, 303);
  const c = countsOf(t.db, e.id);
  assert.deepEqual([c.registered, c.waiting], [3, 1], 'nobody registered is moved back');
  assert.deepEqual({ registered: c.registered, waiting: c.waiting }, c.rows);
  await new Promise((r) => setTimeout(r, 200));
  assert.equal(t.smtp.messages.filter((mail) => mail.to.includes(emails[2]!)).length, 0, 'the last one still waits');
});

test('the registrations page lists the people registered, then those waiting, in the order they asked', async () => {
  const { client } = await loginAs(t, 'admin');
  const e = makeEvent(t.db, { registration: 1, capacity: 1 });
  const first = addUser(t.db, 'citizen', { name: 'Alice Premier' });
  const second = addUser(t.db, 'citizen', { name: 'Bruno Second' });
  registerAll(t.db, e.id, [first, second]);
  const page = await client.get(`/admin/events/${e.id}/registrations`);
  assert.equal(page.statusCode, 200);
  const alice = page.body.indexOf('Alice Premier');
  const bruno = page.body.indexOf('Bruno Second');
  assert.ok(alice > 0 && bruno > alice);
  assert.match(page.body, /Inscrit·e/);
  assert.match(page.body, /En liste d’attente/);
  assert.match(page.body, /Inscriptions : 1 ; liste d’attente : 1\./);
});

test('deleting an event asks for a confirmation, then removes it with its registrations', async () => {
  const { client } = await loginAs(t, 'admin');
  const e = makeEvent(t.db, { title: 'À supprimer', registration: 1 });
  registerAll(t.db, e.id, [addUser(t.db)]);
  const confirm = await client.get(`/admin/events/${e.id}/delete`);
  assert.match(confirm.body, /L’événement « À supprimer » sera supprimé définitivement, avec ses inscriptions \(1\)/);
  const res = await client.post(`/admin/events/${e.id}/delete`);
  assert.equal(res.statusCode, 303);
  assert.equal(res.headers.location, '/admin/events');
  assert.equal(countRows(t, `events_events where id = ${e.id}`), 0);
  assert.equal(countRows(t, `events_registrations where event_id = ${e.id}`), 0);
  assert.equal((await client.post(`/admin/events/${e.id}/delete`)).statusCode, 404, 'twice: already gone');
});

test('the dashboard links to the events admin', async () => {
  const { client } = await loginAs(t, 'admin');
  assert.match((await client.get('/admin')).body, /<a href="\/admin\/events">Événements<\/a>/);
});
