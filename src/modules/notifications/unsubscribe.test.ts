// One-click unsubscribe without logging in: the link's GET only shows a button (mail scanners
// follow links); the POST from that button, or a mail client's List-Unsubscribe-Post
// (RFC 8058), unsubscribes with no session nor CSRF token, the key proving who asks.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { makeApp, type TestApp } from '../../../test/helpers/app.ts';
import { linkIn } from '../../../test/helpers/smtp.ts';
import { addUser, loginAs } from '../../../test/helpers/factories.ts';
import { write } from '../../db/write.ts';
import { follow } from '../../platform/notifications.ts';
import { unsubscribeFor } from '../../platform/unsubscribe.ts';
import { makePlace, tellNewContribution } from './test-fixtures.ts';
import { sendImmediate } from './emails.ts';

let t: TestApp;
before(async () => (t = await makeApp()));
after(() => t.close());

const person = (userId: number) => t.db.sqlite.prepare('select notify_email, news_consent from users where id = ?').get(userId) as { notify_email: string; news_consent: number };
const linkOf = (userId: number, list: 'notifications' | 'news') => new URL(write(t.db, (tx) => unsubscribeFor(t.db, tx, t.config.baseUrl, userId, list)).url).pathname;
const oneClick = (url: string) =>
  t.app.inject({ method: 'POST', url, payload: 'List-Unsubscribe=One-Click', headers: { 'content-type': 'application/x-www-form-urlencoded' } });

test('the link of a real email shows a confirmation page; its button unsubscribes without a session', async () => {
  const author = addUser(t.db);
  const place = makePlace(t.db, author);
  const email = `abonne-${process.pid}@example.org`;
  const userId = addUser(t.db, 'citizen', { email });
  write(t.db, (tx) => follow(t.db, tx, userId, { kind: 'project', id: place.projectId }));
  tellNewContribution(t.db, place, author);
  sendImmediate(t.app);
  await t.app.mailer.flush();
  const mail = await t.smtp.waitFor(email);
  const url = linkIn(mail, '/unsubscribe/');
  assert.match(url, /^\/unsubscribe\/[A-Za-z0-9_-]+\/notifications$/);

  const visitor = t.client();
  const page = await visitor.get(url);
  assert.equal(page.statusCode, 200);
  assert.match(page.body, new RegExp(`<form method="post" action="${url}">`));
  assert.match(page.body, /Me désinscrire/);
  assert.equal(person(userId).notify_email, 'immediate', 'a GET never unsubscribes');
  // The page's own button: no session, no CSRF token.
  const done = await visitor.post(url, { 'List-Unsubscribe': 'One-Click', _csrf: '' });
  assert.equal(done.statusCode, 200);
  assert.match(done.body, /Vous ne recevrez plus de courriel de notification/);
  assert.equal(person(userId).notify_email, 'off');
});

test('the header’s one-click POST (RFC 8058) unsubscribes, from notifications or from the news', async () => {
  const userId = addUser(t.db);
  t.db.sqlite.prepare('update users set news_consent = 1 where id = ?').run(userId);
  const res = await oneClick(linkOf(userId, 'notifications'));
  assert.equal(res.statusCode, 200);
  assert.deepEqual(person(userId), { notify_email: 'off', news_consent: 1 });
  const news = await oneClick(linkOf(userId, 'news'));
  assert.equal(news.statusCode, 200);
  assert.match(news.body, /Vous ne recevrez plus les lettres d’information/);
  assert.deepEqual(person(userId), { notify_email: 'off', news_consent: 0 });
  // Twice is fine.
  assert.equal((await oneClick(linkOf(userId, 'news'))).statusCode, 200);
});

test('a logged-in person’s session changes nothing: the key alone decides whose choice changes', async () => {
  const alice = await loginAs(t);
  const bob = addUser(t.db);
  assert.equal((await alice.client.post(linkOf(bob, 'notifications'), { 'List-Unsubscribe': 'One-Click' })).statusCode, 200);
  assert.equal(person(bob).notify_email, 'off');
  assert.equal(person(alice.userId).notify_email, 'immediate');
});

test('an unknown key or list gives a 404 page and changes nothing, in French and English', async () => {
  const userId = addUser(t.db);
  const good = linkOf(userId, 'notifications');
  for (const url of ['/unsubscribe/unknownkey123/notifications', '/unsubscribe/x/notifications', good.replace(/notifications$/, 'everything')]) {
    const page = await t.client().get(url);
    assert.equal(page.statusCode, 404, url);
    assert.match(page.body, /Ce lien de désinscription n’est pas valable/);
    assert.equal((await oneClick(url)).statusCode, 404);
  }
  const english = t.client();
  english.cookies.set('lang', 'en');
  assert.match((await english.get('/unsubscribe/unknownkey123/news')).body, /This unsubscribe link is not valid/);
  assert.equal(person(userId).notify_email, 'immediate');
  // A deleted account's key unsubscribes nothing any more.
  t.db.sqlite.prepare("update users set deleted_at = '2026-01-01T00:00:00.000Z' where id = ?").run(userId);
  assert.equal((await oneClick(good)).statusCode, 404);
});

test('the key is made once per person and reused', () => {
  const userId = addUser(t.db);
  assert.equal(linkOf(userId, 'notifications'), linkOf(userId, 'notifications'));
  assert.notEqual(linkOf(userId, 'news'), linkOf(addUser(t.db), 'news'));
});
