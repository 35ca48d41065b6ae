// One person sending 100 vote requests at once, at the edge of the maximum and of the budget:
// the rules run inside each request's transaction, so the ballot never goes past either, and
// the counters equal a recount of the votes.
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { makeApp } from '../../../test/helpers/app.ts';
import { countRows } from '../../../test/helpers/factories.ts';
import { makeSelection, selectionCounters, voterClient, type SelectionFixture } from './test-fixtures.ts';

const t = await makeApp();
after(() => t.close());

async function flood(fx: SelectionFixture, proposalIds: number[]) {
  const { client, userId } = await voterClient(t);
  const results = await Promise.all(Array.from({ length: 100 }, (_, i) => client.post(`/selection/${fx.stepId}/votes`, { proposal: String(proposalIds[i % proposalIds.length]), back: `/selection/${fx.stepId}` })));
  return { userId, statuses: results.map((r) => r.statusCode) };
}

function assertConsistent(fx: SelectionFixture, userId: number, expectedVotes: number) {
  assert.equal(countRows(t, `selection_votes where step_id = ${fx.stepId} and user_id = ${userId}`), expectedVotes);
  const c = selectionCounters(t, fx.stepId);
  assert.deepEqual(c.stored, c.recount, 'the counters equal a recount');
  assert.deepEqual(c.ballots.map((b) => [b.votes, b.rows]), [[expectedVotes, expectedVotes]], 'the ballot counts its own votes');
  assert.equal(c.stored.reduce((sum, p) => sum + p.votes, 0), expectedVotes);
  const steps = t.db.sqlite.prepare('select votes_count as n from steps where id = ?').get(fx.stepId) as { n: number };
  assert.equal(steps.n, expectedVotes, 'the step’s participation counter');
}

test('100 parallel votes by one person at the edge of the maximum leave exactly the maximum', async () => {
  const fx = makeSelection(t.db, { settings: { votes_max: 3 }, proposals: 20 });
  const { userId, statuses } = await flood(fx, fx.proposals.map((p) => p.id));
  assert.equal(statuses.filter((s) => s === 303).length, 3);
  assert.ok(statuses.every((s) => s === 303 || s === 422 || s === 409), String(statuses));
  assertConsistent(fx, userId, 3);
});

test('100 parallel votes by one person at the edge of the budget never spend more than it', async () => {
  const fx = makeSelection(t.db, { settings: { vote_type: 'budget', budget: 1000 }, proposals: Array.from({ length: 10 }, () => ({ cost: 300 })) });
  const { userId, statuses } = await flood(fx, fx.proposals.map((p) => p.id));
  assert.equal(statuses.filter((s) => s === 303).length, 3);
  assertConsistent(fx, userId, 3);
  const spent = t.db.sqlite.prepare('select sum(p.cost) as s from selection_votes v join selection_proposals p on p.step_id = v.step_id and p.proposal_id = v.proposal_id where v.user_id = ?').get(userId) as { s: number };
  assert.ok(spent.s <= 1000);
});

test('100 parallel votes by one person for one proposal leave one vote', async () => {
  const fx = makeSelection(t.db, { proposals: 1 });
  const { userId, statuses } = await flood(fx, [fx.proposals[0]!.id]);
  assert.equal(statuses.filter((s) => s === 303).length, 1);
  assert.equal(statuses.filter((s) => s === 409).length, 99);
  assertConsistent(fx, userId, 1);
});
