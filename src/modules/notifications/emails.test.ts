// The notification emails through the outbox to a real SMTP server: right away, one email per
// person gathering what is new; once a day, one digest gathering the day's; never for 'off' nor
// for accounts that cannot receive mail. Each has the unsubscribe link in its text and the
// List-Unsubscribe and List-Unsubscribe-Post headers.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { makeApp, type TestApp } from '../../../test/helpers/app.ts';
import { addUser, countRows } from '../../../test/helpers/factories.ts';
import { write } from '../../db/write.ts';
import { follow } from '../../platform/notifications.ts';
import { makePlace, tellNewContribution } from './test-fixtures.ts';
import { sendDigests, sendImmediate } from './emails.ts';

let t: TestApp;
let smtp: TestApp['smtp'];
before(async () => {
  t = await makeApp();
  smtp = t.smtp;
});
after(() => t.close());

let people = 0;
/** A follower of the project, with this email choice; returns their id and address. */
function follower(projectId: number, choice: 'immediate' | 'digest' | 'off', confirmed = true) {
  const email = `suiveur-${choice}-${process.pid}-${++people}@example.org`;
  const id = addUser(t.db, 'citizen', { email, confirmed, name: `Suiveur ${people}` });
  t.db.sqlite.prepare('update users set notify_email = ? where id = ?').run(choice, id);
  write(t.db, (tx) => follow(t.db, tx, id, { kind: 'project', id: projectId }));
  return { id, email };
}

const sentTo = (email: string) => smtp.messages.filter((m) => m.to.includes(email));
const unsubscribeHeaders = (m: { headers: Record<string, string> }) => {
  // Long header lines arrive folded: unfold them.
  const line = (name: string) => (m.headers[name] ?? '').replace(/\r\n\s+/g, ' ');
  assert.match(line('list-unsubscribe'), /^List-Unsubscribe: <http:\/\/localhost:3000\/unsubscribe\/[A-Za-z0-9_-]+\/notifications>$/);
  assert.equal(line('list-unsubscribe-post'), 'List-Unsubscribe-Post: List-Unsubscribe=One-Click');
};

test('right away: exactly one email per person in “immediate”, gathering what is new, with its unsubscribe link and headers', async () => {
  const author = addUser(t.db, 'citizen', { name: 'Camille Auteur' });
  const place = makePlace(t.db, author);
  const alice = follower(place.projectId, 'immediate');
  const off = follower(place.projectId, 'off');
  const digest = follower(place.projectId, 'digest');
  const unconfirmed = follower(place.projectId, 'immediate', false);
  tellNewContribution(t.db, place, author);
  tellNewContribution(t.db, place, author);
  const before = smtp.messages.length;

  assert.equal(sendImmediate(t.app), 1);
  await t.app.mailer.flush();
  const [mail] = await smtp.waitForCount(alice.email, 1);
  assert.equal(smtp.messages.length - before, 1, 'nobody else received anything');
  assert.match(mail!.subject, /2 nouvelles notifications/);
  assert.match(mail!.text, /Bonjour Suiveur \d+,/);
  assert.match(mail!.text, /Camille Auteur a publié une contribution dans « Étape suivie \d+ »/);
  assert.match(mail!.text, new RegExp(`http://localhost:3000/consultation/${place.stepId}/`));
  assert.match(mail!.text, /http:\/\/localhost:3000\/unsubscribe\/[A-Za-z0-9_-]+\/notifications/);
  unsubscribeHeaders(mail!);

  // Everything due was dealt with: marked emailed, and the digest reader's kept for the digest.
  assert.equal(countRows(t, `notifications where emailed = 0 and user_id in (${alice.id}, ${off.id}, ${unconfirmed.id})`), 0);
  assert.equal(countRows(t, `notifications where emailed = 0 and user_id = ${digest.id}`), 2);
  assert.equal(sendImmediate(t.app), 0, 'a second run sends nothing');
  await t.app.mailer.flush();
  assert.equal(sentTo(alice.email).length, 1);
  assert.equal(sentTo(off.email).length + sentTo(unconfirmed.email).length + sentTo(digest.email).length, 0);
});

test('the daily digest gathers a day’s notifications into one email, once per day, from its hour on', async () => {
  const author = addUser(t.db);
  const place = makePlace(t.db, author);
  const carol = follower(place.projectId, 'digest');
  const off = follower(place.projectId, 'off');
  for (const hour of ['08', '12', '18']) tellNewContribution(t.db, place, author, `2026-03-09T${hour}:00:00.000Z`);
  // The notifications of the day are the instance's; the digest is due from 7:00 local time.
  assert.equal(sendDigests(t.app, new Date('2026-03-10T04:00:00Z'), 7), 0, 'before its hour');
  assert.equal(countRows(t, 'notifications_digests'), 0);

  const morning = new Date('2026-03-10T08:00:00Z');
  // Carol, and any digest reader of the tests above with something due.
  const readers = countRows(t, "users where notify_email = 'digest' and email_confirmed_at is not null and id in (select user_id from notifications where emailed = 0)");
  assert.ok(readers >= 1);
  assert.equal(sendDigests(t.app, morning, 7), readers);
  await t.app.mailer.flush();
  const [mail] = await smtp.waitForCount(carol.email, 1);
  assert.match(mail!.subject, /le résumé du 10 mars 2026/);
  assert.equal((mail!.text.match(/a publié une contribution/g) ?? []).length, 3, 'the three in one email');
  assert.match(mail!.text, /Voici les 3 nouveautés/);
  assert.match(mail!.text, /http:\/\/localhost:3000\/unsubscribe\//);
  unsubscribeHeaders(mail!);
  assert.equal(countRows(t, `notifications where emailed = 0 and user_id = ${carol.id}`), 0);

  // The same day again (a second run, a restart): nothing more.
  tellNewContribution(t.db, place, author);
  assert.equal(sendDigests(t.app, new Date('2026-03-10T15:00:00Z'), 7), 0);
  await t.app.mailer.flush();
  assert.equal(sentTo(carol.email).length, 1);
  assert.equal(sentTo(off.email).length, 0);
  // The immediate run leaves digest readers alone.
  assert.equal(sendImmediate(t.app), 0);
  assert.equal(countRows(t, `notifications where emailed = 0 and user_id = ${carol.id}`), 1);
  // The next day's digest carries what came since.
  assert.equal(sendDigests(t.app, new Date('2026-03-11T08:00:00Z'), 7), 1);
  await t.app.mailer.flush();
  const both = await smtp.waitForCount(carol.email, 2);
  assert.equal((both[1]!.text.match(/a publié une contribution/g) ?? []).length, 1);
});

test('“off” receives no email at all, and an English reader gets English', async () => {
  const author = addUser(t.db);
  const place = makePlace(t.db, author);
  const off = follower(place.projectId, 'off');
  const english = follower(place.projectId, 'immediate');
  t.db.sqlite.prepare("update users set locale = 'en' where id = ?").run(english.id);
  tellNewContribution(t.db, place, author);
  assert.equal(sendImmediate(t.app), 1);
  await t.app.mailer.flush();
  const [mail] = await smtp.waitForCount(english.email, 1);
  assert.match(mail!.subject, /a new notification/);
  assert.match(mail!.text, /Stop receiving these emails, in one click/);
  assert.equal(sentTo(off.email).length, 0);
  assert.equal(countRows(t, `notifications where user_id = ${off.id}`), 1, 'still shown on the site');
});
