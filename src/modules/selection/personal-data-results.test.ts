// The results' part of the personal data: the account export of a staff member holds the paper
// counts they entered and the follow-up news they wrote (nobody else's); after their account is
// deleted both stay, the municipality's record, tied to the emptied account.
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { makeApp } from '../../../test/helpers/app.ts';
import { loginAs } from '../../../test/helpers/factories.ts';
import { write } from '../../db/write.ts';
import { erasePersonalData } from '../../platform/personal-data.ts';
import { makeSelection } from './test-fixtures.ts';
import { setCounters } from './results-fixtures.ts';

const t = await makeApp();
after(() => t.close());

test('an administrator’s export holds their paper entries and news, nobody else’s, and erasure keeps them', async () => {
  const fx = makeSelection(t.db, { state: 'closed', settings: { vote_type: 'budget', budget: 5000 }, proposals: 2 });
  const [a, b] = fx.proposals.map((p) => p.id) as [number, number];
  setCounters(t.db, fx.stepId, a, 3);
  const me = await loginAs(t, 'admin');
  const colleague = await loginAs(t, 'admin');
  await me.client.post(`/selection/${fx.stepId}/results/paper`, { [`votes_${a}`]: '2', [`votes_${b}`]: '0' });
  await colleague.client.post(`/selection/${fx.stepId}/results/paper`, { [`votes_${a}`]: '2', [`votes_${b}`]: '1' });
  assert.equal((await me.client.post(`/selection/${fx.stepId}/results/publish`)).statusCode, 303);
  await me.client.post(`/selection/${fx.stepId}/proposals/${a}/follow-up/updates`, { update_title: 'Lancement', body: 'Les études commencent.' });
  await colleague.client.post(`/selection/${fx.stepId}/proposals/${a}/follow-up/updates`, { update_title: 'Commande', body: 'Le matériel est commandé.' });
  const part = (await me.client.get('/account/export')).json().selection;
  assert.deepEqual(part.paperEntries.map((e: { proposal_id: number; votes_before: number; votes_after: number }) => [e.proposal_id, e.votes_before, e.votes_after]), [[a, 0, 2]]);
  assert.deepEqual(part.followUpUpdates.map((u: { title: string }) => u.title), ['Lancement']);
  write(t.db, (tx) => erasePersonalData(t.db, tx, t.app.manifests, me.userId));
  const kept = (table: string, column: string) => (t.db.sqlite.prepare(`select count(*) as n from ${table} where ${column} = ?`).get(me.userId) as { n: number }).n;
  assert.equal(kept('selection_paper_entries', 'user_id'), 1);
  assert.equal(kept('selection_updates', 'author_id'), 1);
});
