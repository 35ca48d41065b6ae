// The debate's part of the personal data: its tables referencing people are declared, the
// account export holds the person's vote, the sides of their arguments and their marks (nobody
// else's), and after the account's deletion the debate shows their argument unsigned.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { makeApp, type TestApp } from '../../../test/helpers/app.ts';
import { addUser, loginAs } from '../../../test/helpers/factories.ts';
import { hashPassword } from '../../platform/passwords.ts';
import { addArgument, makeDebate } from './test-fixtures.ts';
import { manifest } from './manifest.ts';

let t: TestApp;
before(async () => (t = await makeApp()));
after(() => t.close());

test('the debate declares each of its tables that references a person', () => {
  const referencing = (t.db.sqlite.prepare("select name from sqlite_master where type = 'table' and name like 'debate_%'").all() as { name: string }[])
    .map((r) => r.name)
    .filter((name) => (t.db.sqlite.prepare(`pragma foreign_key_list(${name})`).all() as { table: string }[]).some((fk) => fk.table === 'users'));
  assert.deepEqual([...(manifest.personalData?.tables ?? [])].sort(), referencing.sort());
});

test('the account export holds the person’s debate vote, the sides of their arguments and their useful marks', async () => {
  const d = makeDebate(t.db);
  const { client } = await loginAs(t);
  const neighbour = addUser(t.db);
  const theirs = addArgument(t.db, d, neighbour, 'against');
  assert.equal((await client.post(`/debate/${d.stepId}/vote`, { value: 'against' })).statusCode, 303);
  const mine = Number(/#argument-(\d+)/.exec(String((await client.post(`/debate/${d.stepId}/arguments`, { side: 'for', body: 'Mon argument.' })).headers.location))?.[1]);
  assert.equal((await client.post(`/debate/${d.stepId}/arguments/${theirs}/useful`, { mark: '1' })).statusCode, 303);
  const other = await loginAs(t, neighbour);
  await other.client.post(`/debate/${d.stepId}/vote`, { value: 'for' });

  const data = (await client.get('/account/export')).json();
  const part = data.debate;
  assert.deepEqual(part.votes.map((v: { step_id: number; question: string; side: string }) => [v.step_id, v.side]), [[d.stepId, 'against']]);
  assert.match(part.votes[0].question, /^Faut-il fermer la rue/);
  assert.deepEqual(part.arguments, [{ contribution_id: mine, step_id: d.stepId, side: 'for', useful_count: 0 }]);
  assert.deepEqual(part.useful_marks.map((m: { contribution_id: number }) => m.contribution_id), [theirs]);
  assert.ok(data.contributions.some((c: { id: number; text: string }) => c.id === mine && c.text === 'Mon argument.'), 'the text is in the platform’s part');
});

test('after the account is deleted, its argument stays, signed "participant supprimé", and the counts stay', async () => {
  const d = makeDebate(t.db);
  const { client, userId } = await loginAs(t);
  await client.post(`/debate/${d.stepId}/vote`, { value: 'for' });
  const id = Number(/#argument-(\d+)/.exec(String((await client.post(`/debate/${d.stepId}/arguments`, { side: 'against', body: 'Avant de partir.' })).headers.location))?.[1]);
  t.db.sqlite.prepare('update users set password_hash = ? where id = ?').run(await hashPassword('une phrase de passe solide'), userId);
  await client.get('/account/delete');
  assert.equal((await client.post('/account/delete', { current_password: 'une phrase de passe solide', confirm: '1' })).statusCode, 303);
  const page = await (await loginAs(t)).client.get(`/debate/${d.stepId}/arguments/${id}`);
  assert.equal(page.statusCode, 200);
  assert.match(page.body, /Avant de partir/);
  assert.match(page.body, /participant supprimé/);
  assert.doesNotMatch(page.body, new RegExp(`/users/${userId}\\b`));
  const counts = t.db.sqlite.prepare('select votes_for, arguments_against from debate_steps where step_id = ?').get(d.stepId);
  assert.deepEqual(counts, { votes_for: 1, arguments_against: 1 });
});
