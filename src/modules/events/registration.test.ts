// Registering for an event and cancelling: places, then the waiting list; a freed place goes to
// the first person waiting, who gets an email (the real SMTP capture); fifty people asking at
// once for the last place; htmx gets the box; the refusals (anonymous, unconfirmed, no
// registration, started, CSRF) write nothing; the counters always equal the rows.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { makeApp, type TestApp } from '../../../test/helpers/app.ts';
import { addUser, anonymous, countRows, daysFromNow, loginAs, sessionClient, uniqueEmail } from '../../../test/helpers/factories.ts';
import { countsOf, makeEvent, registerAll } from './test-fixtures.ts';

let t: TestApp;
before(async () => (t = await makeApp({ env: { TIME_ZONE: 'Europe/Paris' } })));
after(() => t.close());

const statusOf = (eventId: number, userId: number) =>
  (t.db.sqlite.prepare('select status from events_registrations where event_id = ? and user_id = ?').get(eventId, userId) as { status: string } | undefined)?.status ?? null;

function assertCountsMatchRows(eventId: number) {
  const c = countsOf(t.db, eventId);
  assert.deepEqual({ registered: c.registered, waiting: c.waiting }, c.rows, 'the counters equal the rows');
  return c;
}

test('a person registers, a second one waits when the event is full, and both see their state', async () => {
  const e = makeEvent(t.db, { registration: 1, capacity: 1 });
  const first = await loginAs(t);
  const res = await first.client.post(`/events/${e.slug}/registration`);
  assert.equal(res.statusCode, 303);
  assert.equal(res.headers.location, `/events/${e.slug}#events-registration`);
  const page = await first.client.get(`/events/${e.slug}`);
  assert.match(page.body, /Vous êtes inscrit·e\./);
  assert.match(page.body, /Annuler mon inscription/);
  assert.match(page.body, /Complet : la seule place est prise\./);

  const second = await loginAs(t);
  const before = await second.client.get(`/events/${e.slug}`);
  assert.match(before.body, /M’inscrire en liste d’attente/);
  await second.client.post(`/events/${e.slug}/registration`);
  const waiting = await second.client.get(`/events/${e.slug}`);
  assert.match(waiting.body, /L’événement est complet : vous êtes en liste d’attente\./, 'the flash');
  assert.match(waiting.body, /en position 1\./);
  assert.equal(statusOf(e.id, second.userId), 'waiting');
  assert.deepEqual(assertCountsMatchRows(e.id).rows, { registered: 1, waiting: 1 });
});

test('registering twice changes nothing', async () => {
  const e = makeEvent(t.db, { registration: 1, capacity: 5 });
  const { client } = await loginAs(t);
  await client.post(`/events/${e.slug}/registration`);
  await client.post(`/events/${e.slug}/registration`);
  assert.deepEqual(assertCountsMatchRows(e.id).rows, { registered: 1, waiting: 0 });
});

test('when a registered person cancels, the first person waiting gets the place and an email', async () => {
  const e = makeEvent(t.db, { registration: 1, capacity: 2, title: 'Atelier du quartier' });
  const registered = await loginAs(t);
  const other = addUser(t.db);
  const firstEmail = uniqueEmail('premier');
  const firstWaiting = addUser(t.db, 'citizen', { email: firstEmail, name: 'Première Attente' });
  const secondEmail = uniqueEmail('second');
  const secondWaiting = addUser(t.db, 'citizen', { email: secondEmail });
  registerAll(t.db, e.id, [registered.userId, other, firstWaiting, secondWaiting]);
  assert.equal(statusOf(e.id, firstWaiting), 'waiting');

  const res = await registered.client.post(`/events/${e.slug}/registration/cancel`);
  assert.equal(res.statusCode, 303);
  assert.equal(statusOf(e.id, registered.userId), null);
  assert.equal(statusOf(e.id, firstWaiting), 'registered', 'the lowest id waiting gets the place');
  assert.equal(statusOf(e.id, secondWaiting), 'waiting');
  assert.deepEqual(assertCountsMatchRows(e.id).rows, { registered: 2, waiting: 1 });
  assert.match((await registered.client.get(`/events/${e.slug}`)).body, /Votre inscription est annulée\./);

  const mail = await t.smtp.waitFor(firstEmail, /Une place s’est libérée/);
  assert.equal(mail.subject, 'Une place s’est libérée : vous êtes inscrit·e à « Atelier du quartier »');
  assert.match(mail.text, /Bonjour Première Attente,/);
  assert.match(mail.text, /Lieu : Salle du conseil/);
  assert.ok(mail.text.includes(`http://localhost:3000/events/${e.slug}`), 'an absolute link to the event');
  // Nobody else was told; the second person still waits, in position 1 now.
  await new Promise((r) => setTimeout(r, 200));
  assert.equal(t.smtp.messages.filter((m) => m.to.includes(secondEmail)).length, 0);
  const secondPage = await sessionClient(t, secondWaiting).get(`/events/${e.slug}`);
  assert.match(secondPage.body, /en position 1\./);
});

test('the email is in the language of the person who gets the place', async () => {
  const e = makeEvent(t.db, { registration: 1, capacity: 1, title: 'Workshop' });
  const leaving = addUser(t.db);
  const email = uniqueEmail('english');
  const waiting = addUser(t.db, 'citizen', { email, locale: 'en', name: 'Jo' });
  registerAll(t.db, e.id, [leaving, waiting]);
  const c = sessionClient(t, leaving);
  await c.get(`/events/${e.slug}`);
  assert.equal((await c.post(`/events/${e.slug}/registration/cancel`)).statusCode, 303);
  const mail = await t.smtp.waitFor(email, /A place was freed/);
  assert.match(mail.text, /Hello Jo,/);
});

test('leaving the waiting list frees no place and sends no email', async () => {
  const e = makeEvent(t.db, { registration: 1, capacity: 1 });
  const holder = addUser(t.db);
  const waiting = await loginAs(t);
  const behindEmail = uniqueEmail('derriere');
  const behind = addUser(t.db, 'citizen', { email: behindEmail });
  registerAll(t.db, e.id, [holder, waiting.userId, behind]);
  await waiting.client.get(`/events/${e.slug}`);
  await waiting.client.post(`/events/${e.slug}/registration/cancel`);
  assert.equal(statusOf(e.id, behind), 'waiting');
  assert.deepEqual(assertCountsMatchRows(e.id).rows, { registered: 1, waiting: 1 });
  assert.match((await waiting.client.get(`/events/${e.slug}`)).body, /Vous avez quitté la liste d’attente\./);
  await new Promise((r) => setTimeout(r, 200));
  assert.equal(t.smtp.messages.filter((m) => m.to.includes(behindEmail)).length, 0);
});

test('50 parallel registrations for the last place leave exactly the capacity registered and the rest waiting', async () => {
  const capacity = 10;
  const e = makeEvent(t.db, { registration: 1, capacity });
  registerAll(t.db, e.id, Array.from({ length: capacity - 1 }, () => addUser(t.db)));
  const people = await Promise.all(Array.from({ length: 50 }, () => loginAs(t)));
  const answers = await Promise.all(people.map((p) => p.client.post(`/events/${e.slug}/registration`)));
  assert.deepEqual([...new Set(answers.map((a) => a.statusCode))], [303]);
  const c = assertCountsMatchRows(e.id);
  assert.deepEqual(c.rows, { registered: capacity, waiting: 49 });
  assert.equal(people.filter((p) => statusOf(e.id, p.userId) === 'registered').length, 1, 'one of the fifty got the last place');
  assert.equal(countRows(t, `events_registrations where event_id = ${e.id}`), capacity + 49, 'one row per person');
});

test('50 parallel cancellations and registrations keep the counters equal to the rows', async () => {
  const e = makeEvent(t.db, { registration: 1, capacity: 5 });
  const people = await Promise.all(Array.from({ length: 25 }, () => loginAs(t)));
  registerAll(t.db, e.id, people.map((p) => p.userId));
  const newcomers = await Promise.all(Array.from({ length: 25 }, () => loginAs(t)));
  await Promise.all([...people.map((p) => p.client.post(`/events/${e.slug}/registration/cancel`)), ...newcomers.map((p) => p.client.post(`/events/${e.slug}/registration`))]);
  const c = assertCountsMatchRows(e.id);
  assert.equal(c.rows.registered, 5);
  assert.equal(c.rows.waiting, 20);
});

test('an event without a capacity registers everyone', async () => {
  const e = makeEvent(t.db, { registration: 1 });
  const people = await Promise.all(Array.from({ length: 5 }, () => loginAs(t)));
  await Promise.all(people.map((p) => p.client.post(`/events/${e.slug}/registration`)));
  assert.deepEqual(assertCountsMatchRows(e.id).rows, { registered: 5, waiting: 0 });
  assert.match((await people[0]!.client.get(`/events/${e.slug}`)).body, /5 personnes inscrites\./);
});

test('htmx gets the registration box alone, with its message and the same button id', async () => {
  const e = makeEvent(t.db, { registration: 1, capacity: 3 });
  const { client } = await loginAs(t);
  await client.get(`/events/${e.slug}`);
  const res = await client.post(`/events/${e.slug}/registration`, {}, { 'hx-request': 'true' });
  assert.equal(res.statusCode, 200);
  assert.match(res.body, /^<section id="events-registration"/);
  assert.doesNotMatch(res.body, /<html/);
  assert.match(res.body, /role="status">Vous êtes inscrit·e\./);
  assert.match(res.body, /id="events-registration-button"[^>]*>Annuler mon inscription/);
  assert.match(res.body, /2 places restantes sur 3\./);
  const cancelled = await client.post(`/events/${e.slug}/registration/cancel`, {}, { 'hx-request': 'true' });
  assert.match(cancelled.body, /id="events-registration-button">M’inscrire</);
});

test('in English, the box and its messages are English', async () => {
  const e = makeEvent(t.db, { registration: 1, capacity: 1 });
  registerAll(t.db, e.id, [addUser(t.db)]);
  const { client } = await loginAs(t);
  client.cookies.set('lang', 'en');
  const page = await client.get(`/events/${e.slug}`);
  assert.match(page.body, /Full: the only place is taken\./);
  assert.match(page.body, /Join the waiting list/);
  const res = await client.post(`/events/${e.slug}/registration`, {}, { 'hx-request': 'true' });
  assert.match(res.body, /The event is full: you are on the waiting list\./);
  assert.match(res.body, /in position 1\./);
});

test('who may not register: anonymous 401, unconfirmed 403, no registration 403, started 403, forged CSRF 403; nothing written', async () => {
  const open = makeEvent(t.db, { registration: 1, capacity: 10 });
  const none = makeEvent(t.db);
  const started = makeEvent(t.db, { registration: 1, starts_at: daysFromNow(-0.01) });
  const before = countRows(t, 'events_registrations');
  const anon = await anonymous(t);
  assert.equal((await anon.post(`/events/${open.slug}/registration`)).statusCode, 401);
  assert.equal((await anon.post(`/events/${open.slug}/registration/cancel`)).statusCode, 401);
  const unconfirmed = (await loginAs(t, 'citizen', { confirmed: false })).client;
  const refused = await unconfirmed.post(`/events/${open.slug}/registration`);
  assert.equal(refused.statusCode, 403);
  assert.match(refused.body, /Confirmez votre adresse e-mail pour vous inscrire/);
  assert.match((await unconfirmed.get(`/events/${open.slug}`)).body, /Confirmez votre adresse e-mail pour vous inscrire/);
  const { client } = await loginAs(t);
  const noneRes = await client.post(`/events/${none.slug}/registration`);
  assert.equal(noneRes.statusCode, 403);
  assert.match(noneRes.body, /Cet événement ne prend pas d’inscriptions\./);
  const startedRes = await client.post(`/events/${started.slug}/registration`);
  assert.equal(startedRes.statusCode, 403);
  assert.match(startedRes.body, /Les inscriptions à cet événement sont closes : il a commencé\./);
  assert.match((await client.get(`/events/${started.slug}`)).body, /Les inscriptions sont closes\./);
  assert.equal((await client.post(`/events/${open.slug}/registration`, { _csrf: 'forged' })).statusCode, 403);
  assert.equal((await client.post(`/events/no-such-event/registration`)).statusCode, 404);
  assert.equal(countRows(t, 'events_registrations'), before);
  assertCountsMatchRows(open.id);
});

test('an event of a draft project cannot be registered for (404), and cancelling after the start is refused', async () => {
  const project = t.db.sqlite.prepare("insert into projects (slug, title, summary, visibility, archived, participants_count, contributions_count, votes_count, created_at, updated_at) values (?, 'Brouillon', '', 'draft', 0, 0, 0, 0, ?, ?)").run(`brouillon-ev-${process.pid}`, new Date().toISOString(), new Date().toISOString()).lastInsertRowid as number;
  const hidden = makeEvent(t.db, { registration: 1, project_id: project });
  const { client, userId } = await loginAs(t);
  assert.equal((await client.post(`/events/${hidden.slug}/registration`)).statusCode, 404);
  const e = makeEvent(t.db, { registration: 1 });
  registerAll(t.db, e.id, [userId]);
  t.db.sqlite.prepare('update events_events set starts_at = ?, ends_at = ? where id = ?').run(daysFromNow(-0.1), daysFromNow(0.1), e.id);
  assert.equal((await client.post(`/events/${e.slug}/registration/cancel`)).statusCode, 403);
  assert.equal(statusOf(e.id, userId), 'registered');
});

test('htmx asking once the event has started gets the closed box with a 403, and nothing is written', async () => {
  const e = makeEvent(t.db, { registration: 1, starts_at: daysFromNow(-0.01) });
  const { client } = await loginAs(t);
  await client.get(`/events/${e.slug}`);
  const res = await client.post(`/events/${e.slug}/registration`, {}, { 'hx-request': 'true' });
  assert.equal(res.statusCode, 403);
  assert.match(res.body, /^<section id="events-registration"/);
  assert.match(res.body, /role="status">Les inscriptions à cet événement sont closes : il a commencé\./);
  assert.doesNotMatch(res.body, /events-registration-button/);
  assert.equal(countRows(t, `events_registrations where event_id = ${e.id}`), 0);
});
