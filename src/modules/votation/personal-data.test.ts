// The votation's part of the personal data: its tables referencing people are declared; the
// account export says in which votations the person voted, never how; after the account is
// deleted the register keeps its row, so the turnout stays right.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { makeApp, type TestApp } from '../../../test/helpers/app.ts';
import { loginAs } from '../../../test/helpers/factories.ts';
import { hashPassword } from '../../platform/passwords.ts';
import { ballotForm, counts, makeVotation } from './test-fixtures.ts';
import { manifest } from './manifest.ts';

let t: TestApp;
before(async () => (t = await makeApp()));
after(() => t.close());

test('the votation declares each of its tables that references a person, and its electoral roll', () => {
  const referencing = (t.db.sqlite.prepare("select name from sqlite_master where type = 'table' and name like 'votation_%'").all() as { name: string }[])
    .map((r) => r.name)
    .filter((name) => (t.db.sqlite.prepare(`pragma foreign_key_list(${name})`).all() as { table: string }[]).some((fk) => fk.table === 'users'));
  assert.deepEqual([...(manifest.personalData?.tables ?? [])].sort(), [...referencing, 'votation_roll'].sort());
});

test('the export says where the person voted, not how; deleting the account keeps the turnout', async () => {
  const v = makeVotation(t.db);
  const { client, userId } = await loginAs(t);
  await client.get(`/votation/${v.stepId}`);
  assert.equal((await client.post(`/votation/${v.stepId}/ballot`, ballotForm('1', ['4', '3', '2']))).statusCode, 200);
  const data = (await client.get('/account/export')).json();
  assert.deepEqual(data.votation, { voted_in: [{ step_id: v.stepId, votation: v.step.title }] });
  const ballot = (t.db.sqlite.prepare('select answers from votation_ballots where step_id = ?').get(v.stepId) as { answers: string }).answers;
  assert.ok(!JSON.stringify(data).includes(ballot));
  t.db.sqlite.prepare('update users set password_hash = ? where id = ?').run(await hashPassword('une phrase de passe solide'), userId);
  await client.get('/account/delete');
  assert.equal((await client.post('/account/delete', { current_password: 'une phrase de passe solide', confirm: '1' })).statusCode, 303);
  assert.deepEqual(counts(t.db, v.stepId), { ballots: 1, voters: 1, turnout: 1 });
});
