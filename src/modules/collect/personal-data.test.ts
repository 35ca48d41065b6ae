// The collect step's part of the personal data: its tables referencing people are declared, the
// account export holds the person's proposals' fields and drafts (nobody else's), and after the
// account's deletion the proposal stays unsigned, without its address and answers, the drafts gone.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { makeApp, type TestApp } from '../../../test/helpers/app.ts';
import { addUser, countRows, loginAs } from '../../../test/helpers/factories.ts';
import { hashPassword } from '../../platform/passwords.ts';
import { addProposal, addQuestion, makeCollect } from './test-fixtures.ts';
import { manifest } from './manifest.ts';

let t: TestApp;
before(async () => (t = await makeApp()));
after(() => t.close());

test('the collect step declares each of its tables that references a person', () => {
  const referencing = (t.db.sqlite.prepare("select name from sqlite_master where type = 'table' and name like 'collect_%'").all() as { name: string }[])
    .map((r) => r.name)
    .filter((name) => (t.db.sqlite.prepare(`pragma foreign_key_list(${name})`).all() as { table: string }[]).some((fk) => fk.table === 'users'));
  assert.deepEqual([...(manifest.personalData?.tables ?? [])].sort(), referencing.sort());
});

test('the account export holds the person’s proposals with their fields and answers, and their drafts', async () => {
  const c = makeCollect(t.db);
  const q = addQuestion(t.db, c, { type: 'short_text' });
  const { client } = await loginAs(t);
  addProposal(t.db, c, addUser(t.db), { title: 'Pas la mienne' });
  const mine = Number(/proposals\/(\d+)/.exec(String((await client.post(`/collect/${c.stepId}/proposals`, { title: 'La mienne', summary: 'Résumé', body: 'Texte', address: '3 rue des Lilas', [`q${q}`]: 'Les amis du parc', intent: 'submit' })).headers.location))?.[1]);
  await client.post(`/collect/${c.stepId}/proposals`, { title: 'Mon brouillon', intent: 'draft' });
  const part = (await client.get('/account/export')).json().collect;
  assert.equal(part.proposals.length, 1);
  assert.equal(part.proposals[0].contribution_id, mine);
  assert.equal(part.proposals[0].address, '3 rue des Lilas');
  assert.deepEqual(part.proposals[0].answers, { [q]: 'Les amis du parc' });
  assert.deepEqual(part.drafts.map((d: { title: string }) => d.title), ['Mon brouillon']);
});

test('after the account is deleted, the proposal stays signed "participant supprimé" without its address and answers; drafts are gone', async () => {
  const c = makeCollect(t.db);
  const q = addQuestion(t.db, c, { type: 'short_text', title: 'Votre association' });
  const { client, userId } = await loginAs(t);
  const id = Number(/proposals\/(\d+)/.exec(String((await client.post(`/collect/${c.stepId}/proposals`, { title: 'Avant de partir', summary: 'Résumé', body: 'Texte', address: '3 rue des Lilas', [`q${q}`]: 'Les amis du parc', intent: 'submit' })).headers.location))?.[1]);
  await client.post(`/collect/${c.stepId}/proposals`, { title: 'Mon brouillon', intent: 'draft' });
  t.db.sqlite.prepare('update users set password_hash = ? where id = ?').run(await hashPassword('une phrase de passe solide'), userId);
  await client.get('/account/delete');
  assert.equal((await client.post('/account/delete', { current_password: 'une phrase de passe solide', confirm: '1' })).statusCode, 303);
  const page = await (await loginAs(t)).client.get(`/collect/${c.stepId}/proposals/${id}`);
  assert.equal(page.statusCode, 200);
  assert.match(page.body, /Avant de partir/);
  assert.match(page.body, /participant supprimé/);
  assert.doesNotMatch(page.body, /rue des Lilas|Les amis du parc/);
  assert.equal(countRows(t, `collect_drafts where author_id = ${userId}`), 0);
  assert.equal(t.db.sqlite.prepare('select proposals_count from collect_steps where step_id = ?').pluck().get(c.stepId), 1, 'the count stays');
});
