// The selection step's part of the personal data: its tables referencing people are declared,
// the account export holds the person's ballot and votes (nobody else's), and after the account
// is deleted the public counts stay.
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { makeApp } from '../../../test/helpers/app.ts';
import { hashPassword } from '../../platform/passwords.ts';
import { makeSelection, selectionCounters, voterClient } from './test-fixtures.ts';
import { manifest } from './manifest.ts';

const t = await makeApp();
after(() => t.close());

test('the selection step declares each of its tables that references a person', () => {
  const referencing = (t.db.sqlite.prepare("select name from sqlite_master where type = 'table' and name like 'selection_%'").all() as { name: string }[])
    .map((r) => r.name)
    .filter((name) => (t.db.sqlite.prepare(`pragma foreign_key_list(${name})`).all() as { table: string }[]).some((fk) => fk.table === 'users'));
  assert.deepEqual([...(manifest.personalData?.tables ?? [])].sort(), referencing.sort());
});

test('the account export holds the person’s ballot and votes in order, and nobody else’s', async () => {
  const fx = makeSelection(t.db, { settings: { ranked: true, votes_max: 3 }, proposals: 3 });
  const me = await voterClient(t);
  const neighbour = await voterClient(t);
  for (const p of [fx.proposals[1]!, fx.proposals[0]!]) await me.client.post(`/selection/${fx.stepId}/votes`, { proposal: String(p.id) });
  await neighbour.client.post(`/selection/${fx.stepId}/votes`, { proposal: String(fx.proposals[2]!.id) });
  const part = (await me.client.get('/account/export')).json().selection;
  assert.deepEqual(part.ballots.map((b: { step_id: number; votes: number; counted: number }) => [b.step_id, b.votes, b.counted]), [[fx.stepId, 2, 1]]);
  assert.deepEqual(part.votes.map((v: { proposal_id: number; position: number; proposal: string }) => [v.proposal_id, v.position, v.proposal]), [
    [fx.proposals[1]!.id, 0, fx.proposals[1]!.title],
    [fx.proposals[0]!.id, 1, fx.proposals[0]!.title],
  ]);
});

test('after the account is deleted, its votes still count', async () => {
  const fx = makeSelection(t.db, { proposals: 2 });
  const { client, userId } = await voterClient(t);
  await client.post(`/selection/${fx.stepId}/votes`, { proposal: String(fx.proposals[0]!.id) });
  t.db.sqlite.prepare('update users set password_hash = ? where id = ?').run(await hashPassword('une phrase de passe solide'), userId);
  await client.get('/account/delete');
  assert.equal((await client.post('/account/delete', { current_password: 'une phrase de passe solide', confirm: '1' })).statusCode, 303);
  const c = selectionCounters(t, fx.stepId);
  assert.deepEqual(c.stored, c.recount);
  assert.equal(c.stored.find((p) => p.id === fx.proposals[0]!.id)?.votes, 1);
});
