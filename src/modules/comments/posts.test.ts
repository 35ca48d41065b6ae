// Writing in a thread: a comment and a reply are published with their counts in the same write,
// the author follows the thread and their comment, followers are told; the author edits and
// deletes their own (a deleted comment takes its replies out of the count); "useful" marks.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { makeApp, type TestApp } from '../../../test/helpers/app.ts';
import { addUser, countRows, loginAs } from '../../../test/helpers/factories.ts';
import { write } from '../../db/write.ts';
import { follow } from '../../platform/notifications.ts';
import { makeThread, threadCounts } from './test-fixtures.ts';

let t: TestApp;
before(async () => (t = await makeApp()));
after(() => t.close());

const idFrom = (location: string | undefined) => Number(/#comment-(\d+)$/.exec(location ?? '')?.[1]);
const status = (id: number) => (t.db.sqlite.prepare('select status from contributions where id = ?').get(id) as { status: string }).status;

test('a comment and a reply are published, counted in the same write, and shown in the thread', async () => {
  const d = makeThread(t.db, addUser(t.db));
  const alice = await loginAs(t);
  const res = await alice.client.post(`/comments/${d.targetId}`, { comment: 'Oui, **un banc** à l’ombre.' });
  assert.equal(res.statusCode, 303);
  const commentId = idFrom(res.headers.location);
  assert.equal(res.headers.location, `/comments/${d.targetId}#comment-${commentId}`);
  assert.equal(status(commentId), 'published');

  const bob = await loginAs(t);
  const replied = await bob.client.post(`/comments/${d.targetId}/${commentId}/replies`, { comment: 'Et une fontaine ?' });
  assert.equal(replied.statusCode, 303);
  const replyId = idFrom(replied.headers.location);
  assert.equal(replied.headers.location, `/comments/${d.targetId}/${commentId}#comment-${replyId}`);

  assert.deepEqual(threadCounts(t.db, d), { kept: 2, rows: 2 });
  assert.equal((t.db.sqlite.prepare('select replies_count as n from comments_items where contribution_id = ?').get(commentId) as { n: number }).n, 1);
  const project = t.db.sqlite.prepare('select participants_count as p, contributions_count as c from projects where id = ?').get(d.projectId);
  assert.deepEqual({ ...(project as object) }, { p: 2, c: 2 });

  const page = await alice.client.get(`/comments/${d.targetId}`);
  assert.equal(page.statusCode, 200);
  assert.match(page.body, /<strong>un banc<\/strong> à l’ombre/);
  assert.match(page.body, new RegExp(`id="comment-${replyId}"`), 'the first replies are shown under their comment');
  assert.match(page.body, /2 commentaires/);
  const own = await alice.client.get(`/comments/${d.targetId}/${commentId}`);
  assert.match(own.body, /Et une fontaine \?/);
  assert.match(own.body, new RegExp(`href="/comments/${d.targetId}/${commentId}/edit"`), 'its author may edit it');
});

test('commenting follows the thread, writing follows one’s comment; followers are told, never the actor', async () => {
  const targetAuthor = addUser(t.db);
  const d = makeThread(t.db, targetAuthor);
  write(t.db, (tx) => follow(t.db, tx, targetAuthor, { kind: 'contribution', id: d.targetId }));
  const alice = await loginAs(t);
  const commentId = idFrom((await alice.client.post(`/comments/${d.targetId}`, { comment: 'Premier avis' })).headers.location);
  assert.equal(countRows(t, `follows where user_id = ${alice.userId} and target_kind = 'contribution' and target_id in (${d.targetId}, ${commentId})`), 2);
  assert.equal(countRows(t, `notifications where user_id = ${targetAuthor} and kind = 'comment' and contribution_id = ${commentId}`), 1);
  assert.equal(countRows(t, `notifications where user_id = ${alice.userId}`), 0, 'never the actor');

  const bob = await loginAs(t);
  const replyId = idFrom((await bob.client.post(`/comments/${d.targetId}/${commentId}/replies`, { comment: 'Réponse' })).headers.location);
  // Alice follows her comment and the thread, the target's author the thread: each told once.
  assert.equal(countRows(t, `notifications where kind = 'reply' and contribution_id = ${replyId}`), 2);
  assert.equal(countRows(t, `notifications where user_id = ${alice.userId} and kind = 'reply'`), 1);
  const unread = t.db.sqlite.prepare('select unread_notifications as n from users where id = ?').get(alice.userId) as { n: number };
  assert.equal(unread.n, 1);
});

test('its author edits and deletes a comment; a deleted comment takes its replies out of the count', async () => {
  const d = makeThread(t.db, addUser(t.db));
  const alice = await loginAs(t);
  const commentId = idFrom((await alice.client.post(`/comments/${d.targetId}`, { comment: 'Avant' })).headers.location);
  const form = await alice.client.get(`/comments/${d.targetId}/${commentId}/edit`);
  assert.equal(form.statusCode, 200);
  assert.match(form.body, />Avant<\/textarea>/);
  const saved = await alice.client.post(`/comments/${d.targetId}/${commentId}`, { comment: 'Après' });
  assert.equal(saved.statusCode, 303);
  const row = t.db.sqlite.prepare('select body_md, edited_at from contributions where id = ?').get(commentId) as { body_md: string; edited_at: string | null };
  assert.equal(row.body_md, 'Après');
  assert.ok(row.edited_at);
  assert.match((await alice.client.get(`/comments/${d.targetId}`)).body, /modifié/);

  const bob = await loginAs(t);
  await bob.client.post(`/comments/${d.targetId}/${commentId}/replies`, { comment: 'R1' });
  await bob.client.post(`/comments/${d.targetId}/${commentId}/replies`, { comment: 'R2' });
  const other = idFrom((await bob.client.post(`/comments/${d.targetId}`, { comment: 'Un autre' })).headers.location);
  assert.deepEqual(threadCounts(t.db, d), { kept: 4, rows: 4 });

  const deleted = await alice.client.post(`/comments/${d.targetId}/${commentId}/delete`);
  assert.equal(deleted.statusCode, 303);
  assert.equal(status(commentId), 'trashed');
  assert.deepEqual(threadCounts(t.db, d), { kept: 1, rows: 1 });
  const page = await bob.client.get(`/comments/${d.targetId}`);
  assert.doesNotMatch(page.body, /R1|Après/);
  assert.match(page.body, new RegExp(`id="comment-${other}"`));
  assert.equal((await bob.client.get(`/comments/${d.targetId}/${commentId}`)).statusCode, 404);
  // A second identical request changes nothing.
  assert.equal((await alice.client.post(`/comments/${d.targetId}/${commentId}/delete`)).statusCode, 404);
  assert.deepEqual(threadCounts(t.db, d), { kept: 1, rows: 1 });
});

test('others mark a comment useful (once each, never their own); htmx gets the button, others a redirect', async () => {
  const d = makeThread(t.db, addUser(t.db));
  const alice = await loginAs(t);
  const commentId = idFrom((await alice.client.post(`/comments/${d.targetId}`, { comment: 'Utile ?' })).headers.location);
  const url = `/comments/${d.targetId}/${commentId}/useful`;
  const bob = await loginAs(t);
  await bob.client.get(`/comments/${d.targetId}`);
  const results = await Promise.all(Array.from({ length: 10 }, () => bob.client.post(url, { mark: '1', back: `/comments/${d.targetId}?sort=useful` })));
  assert.ok(results.every((r) => r.statusCode === 303));
  assert.equal(results[0]!.headers.location, `/comments/${d.targetId}?sort=useful#comment-${commentId}`);
  const useful = () => (t.db.sqlite.prepare('select useful_count as n from comments_items where contribution_id = ?').get(commentId) as { n: number }).n;
  assert.equal(useful(), 1);
  assert.equal(countRows(t, `comments_marks where comment_id = ${commentId}`), 1);
  const fragment = await bob.client.post(url, { mark: '0' }, { 'HX-Request': 'true' });
  assert.equal(fragment.statusCode, 200);
  assert.match(fragment.body, /^<form class="comment-useful"/);
  assert.match(fragment.body, /aria-pressed="false"/);
  assert.equal(useful(), 0);

  const own = await alice.client.post(url, { mark: '1' });
  assert.equal(own.statusCode, 403);
  assert.match(own.body, /On ne peut pas trouver utile son propre commentaire/);
  assert.equal((await bob.client.post(url, { mark: 'beaucoup' })).statusCode, 400);
  assert.equal(useful(), 0);
});

test('an official’s comment carries a badge', async () => {
  const d = makeThread(t.db, addUser(t.db));
  const moderator = await loginAs(t, 'moderator');
  const citizen = await loginAs(t);
  const official = idFrom((await moderator.client.post(`/comments/${d.targetId}`, { comment: 'Réponse de la mairie' })).headers.location);
  const plain = idFrom((await citizen.client.post(`/comments/${d.targetId}`, { comment: 'Avis' })).headers.location);
  const page = (await citizen.client.get(`/comments/${d.targetId}`)).body;
  assert.match(page, new RegExp(`class="comment comment-official" id="comment-${official}"[\\s\\S]*?<span class="badge">Officiel</span>`));
  assert.match(page, new RegExp(`class="comment" id="comment-${plain}"`));
});
