// The iCalendar output held to RFC 5545: CRLF line ends, lines folded at 75 octets without
// cutting a UTF-8 character, TEXT escaping, DTSTART/DTEND in UTC with Z, a UID that stays the
// same when the event changes; one event's file and the feed of upcoming public events.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { makeApp, type TestApp } from '../../../test/helpers/app.ts';
import { loginAs } from '../../../test/helpers/factories.ts';
import { fold, icsText, icsDate } from './ical.ts';
import { makeEvent } from './test-fixtures.ts';

let t: TestApp;
before(async () => (t = await makeApp()));
after(() => t.close());

/** The logical lines: continuation lines (starting with a space) joined back (RFC 5545 3.1). */
const unfold = (body: string) => body.replace(/\r\n /g, '').split('\r\n');

for (const [input, expected] of [
  ['Réunion; salle 2, étage \\ 1', 'Réunion\\; salle 2\\, étage \\\\ 1'],
  ['deux\nlignes\r\net trois', 'deux\\nlignes\\net trois'],
  ['bip\u0007 fin', 'bip fin'],
] as const) {
  test(`TEXT escaping: ${JSON.stringify(input)}`, () => assert.equal(icsText(input), expected));
}

test('folding keeps every physical line within 75 octets and never cuts a character', () => {
  const line = `SUMMARY:${'é'.repeat(60)}${'a'.repeat(50)}€${'🎉'.repeat(20)}`;
  const folded = fold(line);
  for (const physical of folded.split('\r\n')) assert.ok(Buffer.byteLength(physical) <= 75, `${Buffer.byteLength(physical)} octets`);
  assert.equal(folded.replace(/\r\n /g, ''), line);
  assert.ok(!folded.includes('\uFFFD'));
  assert.equal(fold('SHORT:line'), 'SHORT:line');
});

test('dates are UTC date-times in the basic form', () => {
  assert.equal(icsDate('2027-07-14T16:30:00.000Z'), '20270714T163000Z');
});

test('an event’s file: a calendar with one VEVENT, CRLF everywhere, UTC times, escaped text, a stable UID', async () => {
  const e = makeEvent(t.db, {
    title: 'Atelier; vélo, et « mobilités » douces — un titre assez long pour être plié sur deux lignes au moins',
    starts_at: '2027-07-14T16:30:00.000Z',
    ends_at: '2027-07-14T18:30:00.000Z',
    place: 'Salle 2, mairie',
    latitude: 48.8566,
    longitude: 2.3522,
    body_md: 'Première ligne\nseconde ligne',
  });
  const res = await t.client().get(`/events/${e.slug}.ics`);
  assert.equal(res.statusCode, 200);
  assert.equal(res.headers['content-type'], 'text/calendar; charset=utf-8');
  assert.match(String(res.headers['content-disposition']), new RegExp(`attachment; filename="${e.slug}\\.ics"`));
  const body = res.body;
  assert.ok(body.endsWith('\r\n'));
  assert.doesNotMatch(body.replace(/\r\n/g, ''), /[\r\n]/, 'no bare CR or LF');
  for (const physical of body.split('\r\n')) assert.ok(Buffer.byteLength(physical) <= 75, physical);
  const lines = unfold(body);
  assert.deepEqual(lines.slice(0, 2), ['BEGIN:VCALENDAR', 'VERSION:2.0']);
  assert.ok(lines.includes('PRODID:-//Palabre//Palabre events//FR'));
  assert.equal(lines.filter((l) => l === 'BEGIN:VEVENT').length, 1);
  assert.ok(lines.includes('DTSTART:20270714T163000Z'));
  assert.ok(lines.includes('DTEND:20270714T183000Z'));
  assert.ok(lines.includes('SUMMARY:Atelier\\; vélo\\, et « mobilités » douces — un titre assez long pour être plié sur deux lignes au moins'));
  assert.ok(lines.includes('LOCATION:Salle 2\\, mairie'));
  assert.ok(lines.includes('GEO:48.856600;2.352200'));
  assert.ok(lines.includes(`URL:http://localhost:3000/events/${e.slug}`));
  assert.ok(lines.some((l) => l.startsWith('DESCRIPTION:Première ligne\\nseconde ligne\\n\\nhttp://localhost:3000/events/')));
  const uid = lines.find((l) => l.startsWith('UID:'));
  assert.equal(uid, `UID:event-${e.id}@localhost`);
  assert.equal(lines.at(-2), 'END:VCALENDAR');

  // Edited (a new title and slug): the same UID, so calendars update the event instead of adding one.
  const { client } = await loginAs(t, 'admin');
  await client.get(`/admin/events/${e.id}/edit`);
  const saved = await client.post(`/admin/events/${e.id}`, { title: 'Nouveau titre', slug: `nouveau-${e.slug}`, project_id: '', starts_at: '2027-07-14T18:30', ends_at: '2027-07-14T20:30', place: 'Mairie', latitude: '', longitude: '', online_url: '', body_md: '', capacity: '' });
  assert.equal(saved.statusCode, 303);
  const again = unfold((await t.client().get(`/events/nouveau-${e.slug}.ics`)).body);
  assert.ok(again.includes(uid!));
  assert.ok(again.includes('SUMMARY:Nouveau titre'));
});

test('an online event gives its link as the location', async () => {
  const e = makeEvent(t.db, { place: '', online_url: 'https://visio.exemple.fr/salle' });
  const lines = unfold((await t.client().get(`/events/${e.slug}.ics`)).body);
  assert.ok(lines.includes('LOCATION:https://visio.exemple.fr/salle'));
  assert.ok(!lines.some((l) => l.startsWith('GEO:')));
});

test('the feed holds the upcoming events, soonest first, and no past one', async () => {
  const soon = makeEvent(t.db, { title: 'Bientôt', starts_at: new Date(Date.now() + 3600_000).toISOString() });
  const later = makeEvent(t.db, { title: 'Plus tard', starts_at: new Date(Date.now() + 30 * 86400_000).toISOString() });
  const past = makeEvent(t.db, { title: 'Passé depuis longtemps', starts_at: '2020-01-01T10:00:00.000Z' });
  const res = await t.client().get('/events/feed.ics');
  assert.equal(res.headers['content-type'], 'text/calendar; charset=utf-8');
  const lines = unfold(res.body);
  assert.ok(lines.includes('X-WR-CALNAME:Événements · Palabre'));
  const uids = lines.filter((l) => l.startsWith('UID:'));
  assert.ok(uids.indexOf(`UID:event-${soon.id}@localhost`) < uids.indexOf(`UID:event-${later.id}@localhost`));
  assert.ok(!uids.includes(`UID:event-${past.id}@localhost`));
  assert.equal(lines.filter((l) => l === 'BEGIN:VEVENT').length, lines.filter((l) => l === 'END:VEVENT').length);
});
