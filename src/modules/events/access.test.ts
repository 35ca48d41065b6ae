// Who may use each route of the events, as one table: anonymous visitors, an unconfirmed
// account, a citizen, a moderator and an administrator; events of a draft project are hidden
// from all but administrators; nothing is written by those who may not.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { makeApp, type Client, type TestApp } from '../../../test/helpers/app.ts';
import { countRows, makeProject } from '../../../test/helpers/factories.ts';
import { PEOPLE, adminGet, adminPost, all, clientOf as peopleClient, type Expected, type Who } from '../../../test/helpers/access.ts';
import { makeEvent } from './test-fixtures.ts';

let t: TestApp;
before(async () => (t = await makeApp()));
after(() => t.close());

const participate = { ...all(303), anonymous: 401, unconfirmed: 403 };
const clientOf = (who: Who) => peopleClient(t, who);

interface Route {
  name: string;
  request: (c: Client, e: { id: number; slug: string }) => ReturnType<Client['get']>;
  expected: Expected;
  /** The rows a refused request must leave as they were. */
  writes?: 'registrations';
}

const form = (title: string) => ({ title, slug: '', project_id: '', starts_at: '2027-05-04T10:00', ends_at: '2027-05-04T12:00', place: 'Mairie', latitude: '', longitude: '', online_url: '', body_md: '', capacity: '' });

const ROUTES: Route[] = [
  { name: 'GET the list', request: (c) => c.get('/events'), expected: all(200) },
  { name: 'GET the calendar feed', request: (c) => c.get('/events/feed.ics'), expected: all(200) },
  { name: 'GET an event', request: (c, e) => c.get(`/events/${e.slug}`), expected: all(200) },
  { name: 'GET an event’s .ics', request: (c, e) => c.get(`/events/${e.slug}.ics`), expected: all(200) },
  { name: 'POST a registration', request: (c, e) => c.post(`/events/${e.slug}/registration`), expected: participate, writes: 'registrations' },
  { name: 'POST a cancellation', request: (c, e) => c.post(`/events/${e.slug}/registration/cancel`), expected: participate, writes: 'registrations' },
  { name: 'GET the admin list', request: (c) => c.get('/admin/events'), expected: adminGet },
  { name: 'GET the new form', request: (c) => c.get('/admin/events/new'), expected: adminGet },
  { name: 'GET the edit form', request: (c, e) => c.get(`/admin/events/${e.id}/edit`), expected: adminGet },
  { name: 'GET the registrations', request: (c, e) => c.get(`/admin/events/${e.id}/registrations`), expected: adminGet },
  { name: 'GET the delete confirmation', request: (c, e) => c.get(`/admin/events/${e.id}/delete`), expected: adminGet },
  { name: 'POST a new event', request: (c) => c.post('/admin/events', form('Piraté')), expected: adminPost },
  { name: 'POST an edit', request: (c, e) => c.post(`/admin/events/${e.id}`, { ...form('Modifié'), slug: e.slug }), expected: adminPost },
  { name: 'POST a deletion', request: (c, e) => c.post(`/admin/events/${e.id}/delete`), expected: adminPost },
];

for (const route of ROUTES) {
  test(`${route.name}: who may`, async () => {
    const got = {} as Expected;
    for (const who of PEOPLE) {
      const e = makeEvent(t.db, { registration: 1, capacity: 10 });
      const before = [countRows(t, 'events_events'), countRows(t, 'events_registrations')];
      const res = await route.request(await clientOf(who), e);
      got[who] = res.statusCode;
      const mayWrite = route.writes === 'registrations' ? route.expected[who] === 303 : who === 'admin';
      if (!mayWrite) {
        assert.deepEqual([countRows(t, 'events_events'), countRows(t, 'events_registrations')], before, `${who}: nothing added or removed`);
        assert.equal(countRows(t, `events_events where id = ${e.id} and title like 'Événement %'`), 1, `${who}: the event is unchanged`);
      }
    }
    assert.deepEqual(got, route.expected);
  });
}

test('state-changing routes refuse a forged or missing CSRF token (403) and write nothing', async () => {
  const admin = await clientOf('admin');
  const citizen = await clientOf('citizen');
  const e = makeEvent(t.db, { registration: 1 });
  const before = [countRows(t, 'events_events'), countRows(t, 'events_registrations')];
  for (const [c, url, body] of [
    [citizen, `/events/${e.slug}/registration`, {}],
    [citizen, `/events/${e.slug}/registration/cancel`, {}],
    [admin, '/admin/events', form('Forgé')],
    [admin, `/admin/events/${e.id}`, form('Forgé')],
    [admin, `/admin/events/${e.id}/delete`, {}],
  ] as const) {
    assert.equal((await c.post(url, { ...body, _csrf: 'forged' })).statusCode, 403, url);
    assert.equal((await c.post(url, { ...body, _csrf: '' })).statusCode, 403, url);
  }
  assert.deepEqual([countRows(t, 'events_events'), countRows(t, 'events_registrations')], before);
});

test('the events of a draft project are hidden from all but administrators, and its filter is a 404', async () => {
  const slug = `brouillon-${process.pid}`;
  const project = makeProject(t.db, { visibility: 'draft', slug });
  // The soonest event: first in the list, whatever the other tests made.
  const e = makeEvent(t.db, { project_id: project, title: 'Secret de brouillon', starts_at: new Date(Date.now() + 60_000).toISOString() });
  for (const who of ['anonymous', 'unconfirmed', 'citizen', 'moderator'] as const) {
    const c = await clientOf(who);
    assert.equal((await c.get(`/events/${e.slug}`)).statusCode, 404, who);
    assert.equal((await c.get(`/events/${e.slug}.ics`)).statusCode, 404, who);
    assert.doesNotMatch((await c.get('/events')).body, /Secret de brouillon/, who);
    assert.equal((await c.get(`/events?project=${slug}`)).statusCode, 404, who);
    assert.doesNotMatch((await c.get('/events/feed.ics')).body, /Secret de brouillon/, who);
  }
  const admin = await clientOf('admin');
  assert.equal((await admin.get(`/events/${e.slug}`)).statusCode, 200);
  assert.match((await admin.get('/events')).body, /Secret de brouillon/);
  assert.doesNotMatch((await admin.get('/events/feed.ics')).body, /Secret de brouillon/, 'the feed is the public one, even for an administrator');
});

test('ids and slugs that do not exist give a 404', async () => {
  const admin = await clientOf('admin');
  for (const url of ['/admin/events/999999/edit', '/admin/events/abc/edit', '/admin/events/0/delete', '/admin/events/999999/registrations']) assert.equal((await admin.get(url)).statusCode, 404, url);
  assert.equal((await admin.post('/admin/events/999999/delete')).statusCode, 404);
  for (const url of ['/events/no-such-event', '/events/no-such-event.ics']) assert.equal((await t.client().get(url)).statusCode, 404, url);
});
