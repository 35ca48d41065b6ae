// The author's edit and deletion while the step is open (unless the administrator forbids
// them), the search index following the text (also a moderator's edit of the core row),
// moderation's hook moving the list and counters, and comments and follows counted on the
// proposal by the triggers of migration 0016.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { makeApp, type TestApp } from '../../../test/helpers/app.ts';
import { countRows, loginAs } from '../../../test/helpers/factories.ts';
import { write } from '../../db/write.ts';
import { addProposal, collectCounters, makeCollect } from './test-fixtures.ts';
import { onProposalStatusChange } from './writes.ts';

let t: TestApp;
before(async () => (t = await makeApp()));
after(() => t.close());

const matches = (word: string) => t.db.sqlite.prepare('select rowid from collect_fts where collect_fts match ?').pluck().all(word) as number[];

test('the author edits the proposal: its page and the search follow the new text, the old words are gone from the index', async () => {
  const c = makeCollect(t.db);
  const { client, userId } = await loginAs(t);
  const id = addProposal(t.db, c, userId, { title: 'Des bancs en bois', summary: 'Sur la promenade' });
  const edit = `/collect/${c.stepId}/proposals/${id}/edit`;
  const formPage = await client.get(edit);
  assert.match(formPage.body, /value="Des bancs en bois"/);
  const res = await client.post(edit, { title: 'Des bancs en pierre', summary: 'Le long du canal', body: 'Solides.', intent: 'submit' });
  assert.equal(res.statusCode, 303);
  const page = await client.get(`/collect/${c.stepId}/proposals/${id}`);
  assert.match(page.body, /Des bancs en pierre/);
  assert.match(page.body, /modifiée le/);
  assert.deepEqual(matches('pierre'), [id]);
  assert.deepEqual(matches('canal'), [id]);
  assert.deepEqual(matches('bois'), []);
  assert.deepEqual(matches('promenade'), []);
  assert.equal((await client.post(edit, { title: '', intent: 'submit' })).statusCode, 422);
  assert.equal((await client.post(edit, { title: 'x', intent: 'draft' })).statusCode, 400, 'an edit is never a draft');
});

test('a moderator’s edit of the core row reaches the index too', () => {
  const c = makeCollect(t.db);
  const id = addProposal(t.db, { step: c.step }, addUserId(), { title: 'Appelez Jean Dupont' });
  write(t.db, (tx) => tx.run(t.db.updateTable('contributions').set({ title: 'Appelez la mairie' }).where('id', '=', id)));
  assert.deepEqual(matches('dupont'), []);
  assert.deepEqual(matches('mairie'), [id]);
});

function addUserId(): number {
  return Number(t.db.sqlite.prepare("insert into users (email, display_name, role, locale, created_at) values (?, 'X', 'citizen', 'fr', '2026-01-01') returning id").pluck().get(`x${Date.now()}${Math.random()}@example.org`));
}

test('the author deletes the proposal: out of the list and the counts, its reference not given again', async () => {
  const c = makeCollect(t.db);
  const { client, userId } = await loginAs(t);
  const id = addProposal(t.db, c, userId, { title: 'À retirer' });
  const res = await client.post(`/collect/${c.stepId}/proposals/${id}/delete`);
  assert.equal(res.statusCode, 303);
  assert.doesNotMatch((await t.client().get(`/collect/${c.stepId}`)).body, /À retirer/);
  assert.equal((await (await loginAs(t)).client.get(`/collect/${c.stepId}/proposals/${id}`)).statusCode, 404);
  const counters = collectCounters(t, c);
  assert.deepEqual([counters.proposals, counters.published, counters.step], [0, 0, 0]);
  assert.equal((await client.post(`/collect/${c.stepId}/proposals/${id}/delete`)).statusCode, 404, 'twice: nothing more');
  addProposal(t.db, c, userId);
  assert.deepEqual(t.db.sqlite.prepare('select reference from collect_proposals where step_id = ? order by reference').pluck().all(c.stepId), [1, 2]);
});

test('when the administrator forbids edits or deletion, the buttons are gone and the posts refused', async () => {
  const c = makeCollect(t.db, { settings: { allow_edit: false, allow_delete: false } });
  const { client, userId } = await loginAs(t);
  const id = addProposal(t.db, c, userId);
  const page = await client.get(`/collect/${c.stepId}/proposals/${id}`);
  assert.doesNotMatch(page.body, /\/edit"/);
  assert.doesNotMatch(page.body, /\/delete"/);
  assert.equal((await client.get(`/collect/${c.stepId}/proposals/${id}/edit`)).statusCode, 403);
  assert.equal((await client.post(`/collect/${c.stepId}/proposals/${id}/delete`)).statusCode, 403);
  assert.equal(collectCounters(t, c).proposals, 1);
});

test('moderation hiding and restoring a proposal moves the list, the step’s count and the participation', async () => {
  const c = makeCollect(t.db);
  const { userId } = await loginAs(t);
  const id = addProposal(t.db, c, userId, { title: 'Modérée' });
  const moderate = (from: 'published' | 'hidden', to: 'published' | 'hidden') =>
    write(t.db, (tx) => {
      tx.run(t.db.updateTable('contributions').set({ status: to }).where('id', '=', id));
      onProposalStatusChange(t.db, tx, { id, step_id: c.stepId, parent_id: null, author_id: userId, kind: 'proposal' }, from, to);
    });
  moderate('published', 'hidden');
  assert.doesNotMatch((await t.client().get(`/collect/${c.stepId}?sort=newest`)).body, /Modérée/);
  assert.deepEqual(Object.values(collectCounters(t, c)).slice(0, 4), [0, 0, 0, 0]);
  moderate('hidden', 'published');
  assert.match((await t.client().get(`/collect/${c.stepId}?sort=newest`)).body, /Modérée/);
  assert.deepEqual(Object.values(collectCounters(t, c)).slice(0, 4), [1, 1, 1, 1]);
});

test('a comment posted on a proposal is counted on it, and its page offers the comments and the follow button', async () => {
  const c = makeCollect(t.db);
  const { userId } = await loginAs(t);
  const id = addProposal(t.db, c, userId);
  const { client } = await loginAs(t);
  const page = await client.get(`/collect/${c.stepId}/proposals/${id}`);
  assert.match(page.body, /href="\/comments\/\d+"/);
  assert.match(page.body, /data-hx-get="\/follow\?kind=contribution/);
  assert.match(page.body, /href="\/moderation\/report\/\d+"/);
  const res = await client.post(`/comments/${id}`, { comment: 'Bonne idée, je soutiens.' });
  assert.equal(res.statusCode, 303);
  assert.equal(t.db.sqlite.prepare('select comments_count from collect_proposals where contribution_id = ?').pluck().get(id), 1);
  assert.match((await t.client().get(`/collect/${c.stepId}?sort=newest`)).body, /1 commentaire/);
  assert.equal(countRows(t, `follows where target_kind = 'contribution' and target_id = ${id}`), Number(t.db.sqlite.prepare('select followers_count from collect_proposals where contribution_id = ?').pluck().get(id)));
});

test('when the step takes no comments, the proposal’s page shows none and the comments module refuses them', async () => {
  const c = makeCollect(t.db, { settings: { comments: false } });
  const { userId } = await loginAs(t);
  const id = addProposal(t.db, c, userId);
  const { client } = await loginAs(t);
  assert.doesNotMatch((await client.get(`/collect/${c.stepId}/proposals/${id}`)).body, /id="comments"/);
  assert.ok((await client.post(`/comments/${id}`, { comment: 'Refusé ?' })).statusCode >= 400);
});
