// The selection admin page: importing a collect step's proposals (retained by default, or every
// published one; idempotent; the revised cost), taking one out of the vote while nobody voted for
// it, the envelopes' budgets, the counts' date; administrators only.
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { makeApp } from '../../../test/helpers/app.ts';
import { anonymous, countRows, loginAs, makeProject, makeStep } from '../../../test/helpers/factories.ts';
import { makeSelection, voterClient, type SelectionFixture } from './test-fixtures.ts';

const t = await makeApp();
after(() => t.close());
const admin = (await loginAs(t, 'admin')).client;
const now = new Date().toISOString();

function decide(fx: SelectionFixture, index: number, decision: 'retained' | 'not_retained') {
  t.db.sqlite.prepare('insert into collect_decisions (proposal_id, step_id, decision, decided_at) values (?, ?, ?, ?)').run(fx.proposals[index]!.id, fx.collectStepId, decision, now);
}
const inVote = (fx: SelectionFixture) => t.db.sqlite.prepare('select proposal_id as id, cost, district_id as district from selection_proposals where step_id = ? order by proposal_id').all(fx.stepId) as { id: number; cost: number; district: number | null }[];

test('an administrator imports the retained proposals by default, with the revised cost and the district as envelope, and again adds nothing', async () => {
  const fx = makeSelection(t.db, { proposals: [{ cost: 1000, district: 0, imported: false }, { cost: 2000, imported: false }, { cost: null, imported: false }, { imported: false }, { published: false, imported: false }] });
  decide(fx, 0, 'retained');
  decide(fx, 2, 'retained');
  decide(fx, 3, 'not_retained');
  decide(fx, 4, 'retained'); // hidden by moderation: never imported
  const analyst = (await loginAs(t, 'citizen')).userId;
  t.db.sqlite.prepare("insert into collect_analyses (proposal_id, analyst_id, opinion, revised_cost, updated_at) values (?, ?, 'favourable', 1500, ?)").run(fx.proposals[0]!.id, analyst, now);
  const res = await admin.post(`/selection/${fx.stepId}/admin/import`, { collect_step: String(fx.collectStepId) });
  assert.equal(res.statusCode, 303);
  assert.match(String(res.headers.location), /added=2&skipped=0/);
  assert.deepEqual(inVote(fx), [
    { id: fx.proposals[0]!.id, cost: 1500, district: fx.districts[0] },
    { id: fx.proposals[2]!.id, cost: 0, district: null },
  ]);
  const again = await admin.post(`/selection/${fx.stepId}/admin/import`, { collect_step: String(fx.collectStepId), scope: 'published' });
  assert.match(String(again.headers.location), /added=2&skipped=2/);
  assert.equal(inVote(fx).length, 4);
  const page = await admin.get(String(again.headers.location));
  assert.equal(page.statusCode, 200);
  assert.match(page.body, /2 proposition\(s\) ajoutée\(s\), 2 déjà dans le vote/);
});

test('an import from a step of another project, or of another kind, is refused with 422 and adds nothing', async () => {
  const fx = makeSelection(t.db, { proposals: [{ imported: false }] });
  const other = makeSelection(t.db, { proposals: [{ imported: false }] });
  for (const source of [other.collectStepId, fx.stepId, 'abc']) {
    const res = await admin.post(`/selection/${fx.stepId}/admin/import`, { collect_step: String(source), scope: 'published' });
    assert.equal(res.statusCode, 422);
    assert.match(res.body, /Choisissez une étape de dépôt de ce projet/);
  }
  assert.equal((await admin.post(`/selection/${fx.stepId}/admin/import`, { collect_step: String(fx.collectStepId), scope: 'everything' })).statusCode, 422);
  assert.equal(inVote(fx).length, 0);
});

test('a proposal leaves the vote only while nobody voted for it', async () => {
  const fx = makeSelection(t.db, { proposals: 2 });
  const { client } = await voterClient(t);
  await client.post(`/selection/${fx.stepId}/votes`, { proposal: String(fx.proposals[0]!.id) });
  const refused = await admin.post(`/selection/${fx.stepId}/admin/proposals/${fx.proposals[0]!.id}/remove`);
  assert.equal(refused.statusCode, 409);
  assert.match(refused.body, /ne peut plus être retirée du vote/);
  const removed = await admin.post(`/selection/${fx.stepId}/admin/proposals/${fx.proposals[1]!.id}/remove`);
  assert.equal(removed.statusCode, 303);
  assert.deepEqual(inVote(fx).map((p) => p.id), [fx.proposals[0]!.id]);
  assert.equal((await admin.post(`/selection/${fx.stepId}/admin/proposals/${fx.proposals[1]!.id}/remove`)).statusCode, 404);
});

test('envelope budgets are set per district and city-wide before the vote opens, then fixed', async () => {
  const fx = makeSelection(t.db, { state: 'upcoming', settings: { vote_type: 'budget', budget: 1000, envelopes: 'districts_and_city' } });
  const [north, south] = fx.districts as [number, number];
  const bad = await admin.post(`/selection/${fx.stepId}/admin/envelopes`, { [`budget_${north}`]: '-5', budget_city: '' });
  assert.equal(bad.statusCode, 422);
  assert.equal(countRows(t, `selection_envelopes where step_id = ${fx.stepId}`), 0);
  const ok = await admin.post(`/selection/${fx.stepId}/admin/envelopes`, { [`budget_${north}`]: '5000', [`budget_${south}`]: '', budget_city: '20000' });
  assert.equal(ok.statusCode, 303);
  const rows = t.db.sqlite.prepare('select district_id as d, budget from selection_envelopes where step_id = ? order by budget').all(fx.stepId);
  assert.deepEqual(rows, [{ d: north, budget: 5000 }, { d: null, budget: 20000 }]);
  t.db.sqlite.prepare('update steps set starts_at = ? where id = ?').run(new Date(Date.now() - 60_000).toISOString(), fx.stepId);
  const fixed = await admin.post(`/selection/${fx.stepId}/admin/envelopes`, { [`budget_${north}`]: '1' });
  assert.equal(fixed.statusCode, 409);
  assert.equal(countRows(t, `selection_envelopes where step_id = ${fx.stepId} and budget = 1`), 0);
});

test('the counts date is read in the instance’s time zone, blank meaning always, and a bad one is refused', async () => {
  const fx = makeSelection(t.db);
  assert.equal((await admin.post(`/selection/${fx.stepId}/admin/counts`, { counts_public_at: '2027-02-30T10:00' })).statusCode, 422);
  assert.equal((await admin.post(`/selection/${fx.stepId}/admin/counts`, { counts_public_at: '2027-01-15T10:00' })).statusCode, 303);
  const at = () => (t.db.sqlite.prepare('select counts_public_at as at from selection_steps where step_id = ?').get(fx.stepId) as { at: string | null }).at;
  assert.equal(at(), '2027-01-15T09:00:00.000Z');
  await admin.post(`/selection/${fx.stepId}/admin/counts`, { counts_public_at: '' });
  assert.equal(at(), null);
});

test('citizens get 403 and anonymous visitors the login page on every admin route', async () => {
  const fx = makeSelection(t.db, { proposals: [{ imported: false }] });
  const citizen = (await loginAs(t, 'citizen')).client;
  const visitor = await anonymous(t);
  const base = `/selection/${fx.stepId}/admin`;
  assert.equal((await citizen.get(base)).statusCode, 403);
  assert.equal((await visitor.get(base)).statusCode, 303);
  for (const [url, form] of [[`${base}/import`, { collect_step: String(fx.collectStepId) }], [`${base}/proposals/${fx.proposals[0]!.id}/remove`, {}], [`${base}/envelopes`, {}], [`${base}/counts`, { counts_public_at: '' }]] as const) {
    assert.equal((await citizen.post(url, form)).statusCode, 403, url);
    assert.equal((await visitor.post(url, form)).statusCode, 401, url);
  }
  assert.equal(inVote(fx).length, 0);
  assert.equal((await admin.get(base)).statusCode, 200);
  const lonely = makeStep(t.db, makeProject(t.db), { type: 'selection' });
  const empty = await admin.get(`/selection/${lonely}/admin`);
  assert.match(empty.body, /pas d’étape de dépôt/);
});
