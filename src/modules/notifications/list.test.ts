// The notification list: one's own only, newest first, a page by cursor (limit + 1, no count),
// opening one marks it read and goes to its contribution's permalink, "mark all read", the
// header's unread count, and who may do what (anonymous visitors are sent to log in).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { makeApp, type TestApp } from '../../../test/helpers/app.ts';
import { addUser, anonymous, countRows, loginAs } from '../../../test/helpers/factories.ts';
import { write } from '../../db/write.ts';
import { follow } from '../../platform/notifications.ts';
import { addNotifications, makePlace, tellNewContribution } from './test-fixtures.ts';
import { PAGE_SIZE } from './rules.ts';

let t: TestApp;
before(async () => (t = await makeApp()));
after(() => t.close());

const unread = (userId: number) => (t.db.sqlite.prepare('select unread_notifications as n from users where id = ?').get(userId) as { n: number }).n;
const ids = (body: string) => [...body.matchAll(/id="notification-(\d+)"/g)].map((m) => Number(m[1]));

test('anonymous visitors are sent to log in, and may not mark anything read', async () => {
  const visitor = await anonymous(t);
  const res = await visitor.get('/notifications');
  assert.equal(res.statusCode, 303);
  assert.equal(res.headers.location, '/login?next=%2Fnotifications');
  assert.equal((await visitor.get('/notifications/settings')).statusCode, 303);
  assert.equal((await visitor.get('/notifications/1')).statusCode, 303);
  assert.equal((await visitor.post('/notifications/read')).statusCode, 401);
});

test('a person sees their own notifications only, newest first, with what each is about', async () => {
  const author = addUser(t.db, 'citizen', { name: 'Camille Auteur' });
  const place = makePlace(t.db, author);
  const alice = await loginAs(t);
  const bob = await loginAs(t);
  write(t.db, (tx) => follow(t.db, tx, alice.userId, { kind: 'project', id: place.projectId }));
  assert.equal(tellNewContribution(t.db, place, author), 1);
  addNotifications(t.db, bob.userId, place, 2);

  const page = await alice.client.get('/notifications');
  assert.equal(page.statusCode, 200);
  assert.equal(ids(page.body).length, 1);
  assert.match(page.body, /Camille Auteur a publié une contribution dans « Étape suivie \d+ »/);
  assert.match(page.body, /Non lue/);
  const [own] = ids(page.body);
  // Another's notification: not found, and not marked.
  const bobs = ids((await bob.client.get('/notifications')).body);
  assert.equal(bobs.length, 2);
  assert.ok(!bobs.includes(own!));
  assert.equal((await alice.client.get(`/notifications/${bobs[0]}`)).statusCode, 404);
  assert.equal(countRows(t, `notifications where user_id = ${bob.userId} and read_at is not null`), 0);
  assert.equal((await alice.client.get('/notifications/abc')).statusCode, 404);
});

test('the header shows the unread count from the session, with a label that says so', async () => {
  const place = makePlace(t.db, addUser(t.db));
  const alice = await loginAs(t);
  addNotifications(t.db, alice.userId, place, 3);
  const page = await alice.client.get('/');
  assert.match(page.body, /<a href="\/notifications" aria-label="Notifications : 3 non lues">Notifications \(3\)<\/a>/);
  const visitor = await anonymous(t);
  assert.doesNotMatch((await visitor.get('/')).body, /href="\/notifications"/);
  const english = await loginAs(t);
  english.client.cookies.set('lang', 'en');
  addNotifications(t.db, english.userId, place, 1);
  assert.match((await english.client.get('/')).body, /aria-label="Notifications: 1 unread">Notifications \(1\)</);
});

test('opening a notification marks it read once and goes to the contribution’s permalink', async () => {
  const author = addUser(t.db);
  const place = makePlace(t.db, author);
  const alice = await loginAs(t);
  write(t.db, (tx) => follow(t.db, tx, alice.userId, { kind: 'step', id: place.stepId }));
  tellNewContribution(t.db, place, author);
  assert.equal(unread(alice.userId), 1);
  const [id] = ids((await alice.client.get('/notifications')).body);
  const res = await alice.client.get(`/notifications/${id}`);
  assert.equal(res.statusCode, 303);
  assert.match(res.headers.location as string, new RegExp(`^/consultation/${place.stepId}/.*${place.contributionId}`));
  assert.equal(unread(alice.userId), 0);
  assert.equal((await alice.client.get(`/notifications/${id}`)).statusCode, 303);
  assert.equal(unread(alice.userId), 0, 'a second opening moves nothing');
  assert.doesNotMatch((await alice.client.get('/notifications')).body, /Non lue/);
});

test('pages hold PAGE_SIZE notifications, newest first, with a link to older ones and no count', async () => {
  const place = makePlace(t.db, addUser(t.db));
  const alice = await loginAs(t);
  addNotifications(t.db, alice.userId, place, PAGE_SIZE + 5);
  const first = await alice.client.get('/notifications');
  const firstIds = ids(first.body);
  assert.equal(firstIds.length, PAGE_SIZE);
  assert.deepEqual(firstIds, [...firstIds].sort((a, b) => b - a), 'newest first');
  const older = /href="\/notifications\?before=(\d+)" rel="next"/.exec(first.body);
  assert.ok(older);
  assert.equal(Number(older[1]), firstIds[PAGE_SIZE - 1]);
  const second = await alice.client.get(`/notifications?before=${older[1]}`);
  const secondIds = ids(second.body);
  assert.equal(secondIds.length, 5);
  assert.ok(Math.max(...secondIds) < Math.min(...firstIds));
  assert.doesNotMatch(second.body, /rel="next"/);
  assert.match(second.body, /Revenir aux plus récentes/);
  // A cursor no form sends is the first page.
  assert.equal(ids((await alice.client.get('/notifications?before=-3')).body).length, PAGE_SIZE);
});

test('“mark all read” reads every notification and empties the header’s count; CSRF is required', async () => {
  const place = makePlace(t.db, addUser(t.db));
  const alice = await loginAs(t);
  addNotifications(t.db, alice.userId, place, 4);
  const other = await loginAs(t);
  addNotifications(t.db, other.userId, place, 2);
  assert.match((await alice.client.get('/notifications')).body, /Tout marquer comme lu/);
  assert.equal((await alice.client.post('/notifications/read', { _csrf: 'forged' })).statusCode, 403);
  assert.equal(unread(alice.userId), 4, 'nothing read on a refusal');
  const res = await alice.client.post('/notifications/read');
  assert.equal(res.statusCode, 303);
  assert.equal(res.headers.location, '/notifications');
  assert.equal(unread(alice.userId), 0);
  assert.equal(countRows(t, `notifications where user_id = ${alice.userId} and read_at is null`), 0);
  assert.equal(unread(other.userId), 2, 'another’s stay unread');
  const after = await alice.client.get('/notifications');
  assert.match(after.body, /Toutes vos notifications sont marquées comme lues/);
  assert.match(after.body, /Notifications \(0\)/);
});

test('the list of a person with 5,000 notifications is one index range scan', () => {
  const place = makePlace(t.db, addUser(t.db));
  const userId = addUser(t.db);
  addNotifications(t.db, userId, place, 5000);
  const plan = (t.db.sqlite.prepare(
    `explain query plan select n.id from notifications n left join projects p on p.id = n.project_id where n.user_id = ? and (n.project_id is null or p.visibility = 'public') order by n.id desc limit ${PAGE_SIZE + 1}`,
  ).all(userId) as { detail: string }[]).map((r) => r.detail).join('\n');
  assert.match(plan, /notifications_user/);
  assert.doesNotMatch(plan, /TEMP B-TREE/, 'no sort of the person’s whole list');
});

test('the export holds the person’s follows and notifications, and erasure removes them', async () => {
  const { exportPersonalData, erasePersonalData } = await import('../../platform/personal-data.ts');
  const place = makePlace(t.db, addUser(t.db));
  const userId = addUser(t.db);
  write(t.db, (tx) => follow(t.db, tx, userId, { kind: 'project', id: place.projectId }));
  addNotifications(t.db, userId, place, 2);
  const data = exportPersonalData(t.db, t.app.manifests, userId) as { notifications: { follows: unknown[]; notifications: unknown[]; email_choice: string } };
  assert.equal(data.notifications.follows.length, 1);
  assert.equal(data.notifications.notifications.length, 2);
  assert.equal(data.notifications.email_choice, 'immediate');
  write(t.db, (tx) => erasePersonalData(t.db, tx, t.app.manifests, userId));
  assert.equal(countRows(t, `follows where user_id = ${userId}`), 0);
  assert.equal(countRows(t, `notifications where user_id = ${userId}`), 0);
});
