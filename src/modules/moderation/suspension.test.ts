// Suspending a participant from a contribution's moderation page: administrators only (moderators
// and citizens are refused), with a reason (422 otherwise, nothing written), CSRF checked, never
// oneself; the account's sessions end so it can post nothing more, and the log keeps who, when
// and why; reactivating is logged too. Also the log's pages, for administrators only.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { makeApp, type TestApp } from '../../../test/helpers/app.ts';
import { addUser, anonymous, countRows, loginAs } from '../../../test/helpers/factories.ts';
import { addArgument, makeModeratedStep } from './test-fixtures.ts';

let t: TestApp;
before(async () => (t = await makeApp()));
after(() => t.close());

const suspendedAt = (id: number) => (t.db.sqlite.prepare('select suspended_at from users where id = ?').get(id) as { suspended_at: string | null }).suspended_at;

test('only administrators suspend; moderators, citizens and anonymous people are refused, nothing written', async () => {
  const s = makeModeratedStep(t.db);
  const authorId = addUser(t.db);
  const id = addArgument(t.db, s, authorId);
  const logs = countRows(t, 'moderation_log');
  assert.equal((await (await anonymous(t)).post(`/moderation/items/${id}/suspend-author`, { suspend_reason: 'Spam' })).statusCode, 401);
  for (const role of ['citizen', 'moderator'] as const) {
    const { client } = await loginAs(t, role);
    assert.equal((await client.post(`/moderation/items/${id}/suspend-author`, { suspend_reason: 'Spam' })).statusCode, 403, role);
    assert.equal((await client.post(`/moderation/items/${id}/unsuspend-author`, {})).statusCode, 403, role);
  }
  const { client } = await loginAs(t, 'admin');
  assert.equal((await client.post(`/moderation/items/${id}/suspend-author`, { suspend_reason: 'Spam', _csrf: 'forged' })).statusCode, 403);
  const refused = await client.post(`/moderation/items/${id}/suspend-author`, { suspend_reason: '' });
  assert.equal(refused.statusCode, 422);
  assert.match(refused.body, /Donnez le motif de la suspension/);
  await client.get('/lang/en');
  assert.match((await client.post(`/moderation/items/${id}/suspend-author`, {})).body, /Give the reason for the suspension/);
  await client.get('/lang/fr');
  assert.equal(suspendedAt(authorId), null);
  assert.equal(countRows(t, 'moderation_log'), logs);
});

test('an administrator suspends the author: sessions closed, posting impossible, logged; then reactivates, logged', async () => {
  const s = makeModeratedStep(t.db);
  const author = await loginAs(t);
  const id = addArgument(t.db, s, author.userId, { side: 'against' });
  const { client, userId: adminId } = await loginAs(t, 'admin');
  const page = await client.get(`/moderation/items/${id}`);
  assert.match(page.body, new RegExp(`action="/moderation/items/${id}/suspend-author"`));
  const done = await client.post(`/moderation/items/${id}/suspend-author`, { suspend_reason: 'Publicités à répétition' });
  assert.equal(done.statusCode, 303);
  assert.ok(suspendedAt(author.userId));
  assert.equal(countRows(t, `sessions where user_id = ${author.userId}`), 0);
  // The author's old session is gone: posting is refused, nothing written.
  const contributions = countRows(t, 'contributions');
  // (its CSRF token was bound to the closed session: 403 before the 401 of a missing session.)
  assert.ok([401, 403].includes((await author.client.post(`/debate/${s.stepId}/arguments`, { side: 'for', body: 'Encore une publicité' })).statusCode));
  assert.equal((await author.client.get('/moderation/report/' + id)).statusCode, 303, 'logged out');
  assert.equal(countRows(t, 'contributions'), contributions);
  const log = t.db.sqlite.prepare("select moderator_id, subject_id, reason, contribution_id from moderation_log where action = 'suspend' and subject_id = ?").get(author.userId);
  assert.deepEqual(log, { moderator_id: adminId, subject_id: author.userId, reason: 'Publicités à répétition', contribution_id: null });
  assert.equal((await client.post(`/moderation/items/${id}/suspend-author`, { suspend_reason: 'Encore' })).statusCode, 409, 'already suspended');
  const after = await client.get(`/moderation/items/${id}`);
  assert.match(after.body, /Ce compte est suspendu/);
  assert.equal((await client.post(`/moderation/items/${id}/unsuspend-author`, {})).statusCode, 303);
  assert.equal(suspendedAt(author.userId), null);
  assert.equal(countRows(t, `moderation_log where action = 'unsuspend' and subject_id = ${author.userId}`), 1);
  const logPage = await client.get('/moderation/log');
  assert.match(logPage.body, /Suspension du compte/);
  assert.match(logPage.body, /Publicités à répétition/);
});

test('an administrator cannot suspend themselves', async () => {
  const s = makeModeratedStep(t.db);
  const { client, userId } = await loginAs(t, 'admin');
  const id = addArgument(t.db, s, userId);
  assert.doesNotMatch((await client.get(`/moderation/items/${id}`)).body, /suspend-author/);
  const refused = await client.post(`/moderation/items/${id}/suspend-author`, { suspend_reason: 'Moi' });
  assert.equal(refused.statusCode, 409);
  assert.match(refused.body, /Vous ne pouvez pas suspendre votre propre compte/);
  assert.equal(suspendedAt(userId), null);
});

test('the log pages by keyset, newest first, without counting', async () => {
  const { client, userId } = await loginAs(t, 'admin');
  const insert = t.db.sqlite.prepare("insert into moderation_log (created_at, moderator_id, action, subject_id, reason) values (?, ?, 'suspend', ?, ?)");
  const subject = addUser(t.db);
  for (let i = 0; i < 45; i++) insert.run(new Date().toISOString(), userId, subject, `Motif numéro ${i}`);
  const first = await client.get('/moderation/log');
  assert.match(first.body, /Motif numéro 44/);
  assert.doesNotMatch(first.body, /Motif numéro 24\b/);
  const next = /href="(\/moderation\/log\?before=\d+)" rel="next"/.exec(first.body)?.[1];
  assert.ok(next);
  const second = await client.get(next);
  assert.match(second.body, /Motif numéro 24\b/);
  assert.doesNotMatch(second.body, /Motif numéro 44/);
  assert.equal((await client.get('/moderation/log?before=abc')).statusCode, 200, 'a bad cursor is the first page');
});
