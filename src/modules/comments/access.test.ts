// Who may comment, reply, edit, delete and mark, and what a bad form gets: each refusal with its
// status, its message in the person's language, and nothing written.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { makeApp, type TestApp } from '../../../test/helpers/app.ts';
import { addUser, anonymous, loginAs } from '../../../test/helpers/factories.ts';
import { addComment, makeThread, setState } from './test-fixtures.ts';

let t: TestApp;
before(async () => (t = await makeApp()));
after(() => t.close());

const written = () => (t.db.sqlite.prepare("select count(*) as n from contributions where kind = 'comment'").get() as { n: number }).n;
const idFrom = (location: string | undefined) => Number(/#comment-(\d+)$/.exec(location ?? '')?.[1]);

test('who may not comment: anonymous, unconfirmed, missing CSRF, a hidden project, closed and upcoming steps', async () => {
  const d = makeThread(t.db, addUser(t.db));
  const form = { comment: 'Un avis' };
  const rows = written();
  assert.equal((await (await anonymous(t)).post(`/comments/${d.targetId}`, form)).statusCode, 403);
  assert.equal((await (await loginAs(t, 'citizen', { confirmed: false })).client.post(`/comments/${d.targetId}`, form)).statusCode, 403);
  const { client } = await loginAs(t);
  assert.equal((await client.post(`/comments/${d.targetId}`, { ...form, _csrf: '' })).statusCode, 403);
  const hidden = makeThread(t.db, addUser(t.db), { visibility: 'restricted' });
  assert.equal((await client.post(`/comments/${hidden.targetId}`, form)).statusCode, 404);
  assert.equal((await client.get(`/comments/${hidden.targetId}`)).statusCode, 404);
  for (const state of ['closed', 'upcoming'] as const) {
    const x = makeThread(t.db, addUser(t.db), { state });
    assert.equal((await client.post(`/comments/${x.targetId}`, form)).statusCode, 403, state);
    const page = await client.get(`/comments/${x.targetId}`);
    assert.equal(page.statusCode, 200, `a ${state} thread is readable`);
    assert.doesNotMatch(page.body, new RegExp(`action="/comments/${x.targetId}"`), `no form on a ${state} step`);
    assert.match(page.body, /On ne peut plus commenter/);
  }
  assert.equal(written(), rows);
});

test('no thread where comments are off, under an unpublished contribution, or under a forged id', async () => {
  const { client } = await loginAs(t);
  const off = makeThread(t.db, addUser(t.db), { settings: { comments: false } });
  const pending = makeThread(t.db, addUser(t.db), { targetStatus: 'pending' });
  const rows = written();
  for (const id of [off.targetId, pending.targetId, 999999]) {
    assert.equal((await client.get(`/comments/${id}`)).statusCode, 404, String(id));
    assert.equal((await client.post(`/comments/${id}`, { comment: 'Un avis' })).statusCode, 404, String(id));
  }
  assert.equal((await client.get('/comments/abc')).statusCode, 404);
  // A comment is not itself a thread: comments are not commented, they are replied to.
  const d = makeThread(t.db, addUser(t.db));
  const comment = addComment(t.db, d, addUser(t.db));
  assert.equal((await client.post(`/comments/${comment}`, { comment: 'Un avis' })).statusCode, 404);
  assert.equal(written(), rows + 1);
});

test('a bad comment comes back with its text and the reason, in French and English, nothing written', async () => {
  const d = makeThread(t.db, addUser(t.db));
  const { client } = await loginAs(t);
  const url = `/comments/${d.targetId}`;
  const rows = written();
  for (const [form, message] of [
    [{ comment: '' }, /Ce champ est obligatoire/],
    [{ comment: '   ' }, /Ce champ est obligatoire/],
    [{ comment: 'x'.repeat(5001) }, /ne doit pas dépasser 5/],
    [{ comment: 'Voir https://a.example https://b.example https://c.example www.d.example https://e.example https://f.example' }, /trop de liens : 5 au plus/],
  ] as const) {
    const res = await client.post(url, form);
    assert.equal(res.statusCode, 422, JSON.stringify(form).slice(0, 40));
    assert.match(res.body, message);
    assert.match(res.body, /aria-invalid="true"/);
  }
  const kept = await client.post(url, { comment: 'Voir https://a.example https://b.example https://c.example https://d.example https://e.example https://f.example' });
  assert.match(kept.body, />Voir https:\/\/a\.example/, 'the text comes back in the form');
  const fromItem = await client.post(url, { comment: '', back: `/consultation/${d.stepId}/items/${d.targetId}` });
  assert.match(fromItem.body, new RegExp(`name="back" value="/consultation/${d.stepId}/items/${d.targetId}"`), 'the corrected form returns to the page it came from');
  const elsewhere = await client.post(url, { comment: '', back: 'https://evil.example/' });
  assert.doesNotMatch(elsewhere.body, /evil\.example/);
  const robot = await client.post(url, { comment: 'Achetez', website: 'https://spam.example' });
  assert.equal(robot.statusCode, 422);
  assert.match(robot.body, /Votre envoi n’a pas pu être accepté/);
  await client.get('/lang/en');
  const english = await client.post(url, { comment: '' });
  assert.equal(english.statusCode, 422);
  assert.match(english.body, /This field is required/);
  assert.equal(written(), rows);
});

test('replies: one level only, to a published comment of the same thread', async () => {
  const d = makeThread(t.db, addUser(t.db));
  const other = makeThread(t.db, addUser(t.db));
  const { client } = await loginAs(t);
  const top = idFrom((await client.post(`/comments/${d.targetId}`, { comment: 'Premier' })).headers.location);
  const reply = idFrom((await client.post(`/comments/${d.targetId}/${top}/replies`, { comment: 'Réponse' })).headers.location);
  const pending = addComment(t.db, d, addUser(t.db), { status: 'pending' });
  const rows = written();
  assert.equal((await client.post(`/comments/${d.targetId}/${reply}/replies`, { comment: 'Réponse à la réponse' })).statusCode, 404, 'a reply to a reply');
  assert.equal((await client.post(`/comments/${other.targetId}/${top}/replies`, { comment: 'Ailleurs' })).statusCode, 404, 'through another thread');
  assert.equal((await client.post(`/comments/${d.targetId}/${pending}/replies`, { comment: 'À qui ?' })).statusCode, 404, 'to a pending comment of someone else');
  assert.equal((await client.post(`/comments/${d.targetId}/999999/replies`, { comment: 'À qui ?' })).statusCode, 404);
  const bad = await client.post(`/comments/${d.targetId}/${top}/replies`, { comment: '' });
  assert.equal(bad.statusCode, 422);
  assert.match(bad.body, /Ce champ est obligatoire/);
  assert.equal((await (await anonymous(t)).post(`/comments/${d.targetId}/${top}/replies`, { comment: 'Anonyme' })).statusCode, 403);
  assert.equal(written(), rows);
});

test('only its author edits or deletes a comment, while the step is open', async () => {
  const d = makeThread(t.db, addUser(t.db));
  const author = await loginAs(t);
  const id = idFrom((await author.client.post(`/comments/${d.targetId}`, { comment: 'Le mien' })).headers.location);
  const body = () => (t.db.sqlite.prepare('select body_md as b, status as s from contributions where id = ?').get(id) as { b: string; s: string });
  const other = await loginAs(t);
  for (const who of [other.client, (await loginAs(t, 'admin')).client]) {
    const edit = await who.post(`/comments/${d.targetId}/${id}`, { comment: 'Pris' });
    assert.equal(edit.statusCode, 403);
    assert.match(edit.body, /Seul l’auteur d’un commentaire peut le modifier/);
    assert.equal((await who.get(`/comments/${d.targetId}/${id}/edit`)).statusCode, 403);
    assert.equal((await who.post(`/comments/${d.targetId}/${id}/delete`)).statusCode, 403);
  }
  assert.equal((await (await anonymous(t)).post(`/comments/${d.targetId}/${id}/delete`)).statusCode, 403);
  assert.equal((await author.client.post(`/comments/${d.targetId}/${id}`, { comment: 'Pris', _csrf: '' })).statusCode, 403);
  const bad = await author.client.post(`/comments/${d.targetId}/${id}`, { comment: '' });
  assert.equal(bad.statusCode, 422);
  assert.match(bad.body, /Ce champ est obligatoire/);
  setState(t.db, d, 'closed');
  assert.equal((await author.client.post(`/comments/${d.targetId}/${id}`, { comment: 'Trop tard' })).statusCode, 403);
  assert.equal((await author.client.post(`/comments/${d.targetId}/${id}/delete`)).statusCode, 403);
  assert.deepEqual(body(), { b: 'Le mien', s: 'published' });
  setState(t.db, d, 'open');
  t.db.sqlite.prepare("update contributions set status = 'hidden', moderation_reason = 'Données personnelles' where id = ?").run(id);
  const hidden = await author.client.post(`/comments/${d.targetId}/${id}`, { comment: 'Corrigé' });
  assert.equal(hidden.statusCode, 403, 'a hidden comment is not edited back into view');
  assert.match(hidden.body, /masqué par la modération/);
  assert.deepEqual(body(), { b: 'Le mien', s: 'hidden' });
});

test('useful marks: only logged-in participants, of published comments, with CSRF', async () => {
  const d = makeThread(t.db, addUser(t.db));
  const comment = addComment(t.db, d, addUser(t.db));
  const pending = addComment(t.db, d, addUser(t.db), { status: 'pending' });
  const marks = () => (t.db.sqlite.prepare('select count(*) as n from comments_marks').get() as { n: number }).n;
  const before = marks();
  assert.equal((await (await anonymous(t)).post(`/comments/${d.targetId}/${comment}/useful`, { mark: '1' })).statusCode, 403);
  const { client } = await loginAs(t);
  assert.equal((await client.post(`/comments/${d.targetId}/${comment}/useful`, { mark: '1', _csrf: '' })).statusCode, 403);
  assert.equal((await client.post(`/comments/${d.targetId}/${pending}/useful`, { mark: '1' })).statusCode, 404);
  setState(t.db, d, 'closed');
  assert.equal((await client.post(`/comments/${d.targetId}/${comment}/useful`, { mark: '1' })).statusCode, 403);
  assert.equal(marks(), before);
});
