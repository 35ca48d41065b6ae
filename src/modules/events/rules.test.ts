// The pure rules of the events, table-driven: the wall clock to UTC and back around the clock
// changes, an event's timing, how a date range is said, the registration box, degrees, links.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { localToUtc, utcToLocal } from '../../platform/local-time.ts';
import { degrees, httpUrl, parsePage, registrationBox, timing } from './rules.ts';
import { whenOf } from './when.ts';

for (const [local, utc] of [
  ['2027-07-14T18:30', '2027-07-14T16:30:00.000Z'],
  ['2027-01-10T12:00', '2027-01-10T11:00:00.000Z'],
  // Clocks go forward at 02:00 on 28 March 2027: 02:30 does not exist and moves on by the gap.
  ['2027-03-28T02:30', '2027-03-28T01:30:00.000Z'],
  // Clocks go back at 03:00 on 31 October 2027: 02:30 happens twice, read as the winter one.
  ['2027-10-31T02:30', '2027-10-31T01:30:00.000Z'],
  ['2027-02-31T10:00', null],
  ['2027-07-14 18:30', null],
  ['demain', null],
] as const) {
  test(`Europe/Paris ${local} → ${utc}`, () => assert.equal(localToUtc(local, 'Europe/Paris'), utc));
}

test('UTC back to the wall clock of the form', () => {
  assert.equal(utcToLocal('2027-07-14T16:30:00.000Z', 'Europe/Paris'), '2027-07-14T18:30');
  assert.equal(utcToLocal('2027-07-14T16:30:00.000Z', 'America/Martinique'), '2027-07-14T12:30');
  assert.equal(utcToLocal(null, 'Europe/Paris'), '');
});

test('an event is upcoming before its start, ongoing until its end, then past', () => {
  const e = { starts_at: '2027-01-01T10:00:00.000Z', ends_at: '2027-01-01T12:00:00.000Z' };
  for (const [now, expected] of [
    ['2027-01-01T09:59:59.999Z', 'upcoming'],
    ['2027-01-01T10:00:00.000Z', 'ongoing'],
    ['2027-01-01T11:59:59.999Z', 'ongoing'],
    ['2027-01-01T12:00:00.000Z', 'past'],
  ] as const) assert.equal(timing(e, new Date(now)), expected, now);
});

test('a range is said on one day or over two, on the instance’s wall clock', () => {
  const one = whenOf({ starts_at: '2027-03-12T17:30:00.000Z', ends_at: '2027-03-12T19:30:00.000Z' }, 'fr', 'Europe/Paris');
  assert.deepEqual([one.sameDay, one.date, one.startTime, one.endTime], [true, '12 mars 2027', '18:30', '20:30']);
  // 23:30 UTC is already the next day in Paris.
  const two = whenOf({ starts_at: '2027-03-12T22:30:00.000Z', ends_at: '2027-03-12T23:30:00.000Z' }, 'fr', 'Europe/Paris');
  assert.equal(two.sameDay, false);
});

test('the registration box: places left, full, no limit, closed once started', () => {
  const base = { slug: 'x', registration: 1, starts_at: '2027-01-01T10:00:00.000Z', capacity: 3, registered_count: 2, waiting_count: 0 };
  const before = new Date('2026-12-31T10:00:00.000Z');
  assert.equal(registrationBox(base, null, 'confirmed', before).placesLeft, 1);
  assert.equal(registrationBox({ ...base, registered_count: 3 }, null, 'confirmed', before).placesLeft, 0);
  assert.equal(registrationBox({ ...base, capacity: null }, null, 'confirmed', before).placesLeft, null);
  assert.equal(registrationBox(base, null, 'confirmed', before).open, true);
  assert.equal(registrationBox(base, null, 'confirmed', new Date('2027-01-01T10:00:00.000Z')).open, false);
  assert.equal(registrationBox({ ...base, registration: 0 }, null, 'confirmed', before).open, false);
});

test('degrees, addresses and pages', () => {
  for (const [value, limit, expected] of [['48,8566', 90, 48.8566], ['-1.68', 180, -1.68], ['90.1', 90, Number.NaN], ['1e3', 180, Number.NaN], ['', 90, Number.NaN]] as const) {
    assert.ok(Object.is(degrees(value, limit), expected), `${value}`);
  }
  assert.equal(httpUrl('https://visio.exemple.fr/a b'), 'https://visio.exemple.fr/a%20b');
  for (const bad of ['javascript:alert(1)', 'ftp://exemple.fr', '//exemple.fr', 'exemple.fr', 'https://']) assert.equal(httpUrl(bad), null, bad);
  assert.deepEqual([parsePage('2'), parsePage('0'), parsePage('abc'), parsePage(undefined), parsePage('99999')], [2, 1, 1, 1, 1000]);
});
