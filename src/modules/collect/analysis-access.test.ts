// Who may use each route of the analysis by officials, as one table: anonymous visitors, a
// citizen, an analyst of another proposal of the step, the proposal's analyst, the step's
// decision maker, a moderator and an administrator; then ids from another step.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { makeApp, type Client, type TestApp } from '../../../test/helpers/app.ts';
import { addStatus } from './test-fixtures.ts';
import { ROLES, analysisScene, type Role } from './analysis-fixtures.ts';

let t: TestApp;
before(async () => (t = await makeApp()));
after(() => t.close());

type Scene = ReturnType<typeof analysisScene>;
type Expected = Record<Role, number>;
const row = (anonymous: number, citizen: number, other_analyst: number, analyst: number, decider: number, moderator: number, admin: number): Expected => ({ anonymous, citizen, other_analyst, analyst, decider, moderator, admin });

const ROUTES: { name: string; request: (c: Client, s: Scene) => ReturnType<Client['get']>; expected: Expected }[] = [
  { name: 'GET the analysis list', request: (c, s) => c.get(`${s.base}/analysis`), expected: row(401, 403, 200, 200, 200, 403, 200) },
  { name: 'GET a proposal’s analysis', request: (c, s) => c.get(`${s.base}/analysis/proposals/${s.proposal}`), expected: row(401, 403, 403, 200, 200, 403, 200) },
  { name: 'POST an opinion', request: (c, s) => c.post(`${s.base}/analysis/proposals/${s.proposal}/opinion`, { opinion: 'favourable', comment: 'Faisable.' }), expected: row(401, 403, 403, 303, 403, 403, 403) },
  { name: 'POST a decision', request: (c, s) => c.post(`${s.base}/analysis/proposals/${s.proposal}/decision`, { decision: 'retained', reason: '' }), expected: row(401, 403, 403, 403, 303, 403, 303) },
  { name: 'POST a status', request: (c, s) => c.post(`${s.base}/analysis/proposals/${s.proposal}/status`, { status: String(addStatus(t.db, s, 'À l’étude')) }), expected: row(401, 403, 403, 403, 303, 403, 303) },
  { name: 'POST an analyst', request: (c, s) => c.post(`${s.base}/analysis/proposals/${s.proposal}/analysts`, { email: s.email(s.people.citizen) }), expected: row(401, 403, 403, 403, 303, 403, 303) },
  { name: 'POST an analyst’s removal', request: (c, s) => c.post(`${s.base}/analysis/proposals/${s.proposal}/analysts/${s.people.analyst}/delete`), expected: row(401, 403, 403, 403, 303, 403, 303) },
  { name: 'GET the statuses', request: (c, s) => c.get(`${s.base}/admin/statuses`), expected: row(303, 403, 403, 403, 403, 403, 200) },
  { name: 'POST a status definition', request: (c, s) => c.post(`${s.base}/admin/statuses`, { name: 'Réalisé', colour: '#166534' }), expected: row(401, 403, 403, 403, 403, 403, 303) },
  { name: 'GET the decision makers', request: (c, s) => c.get(`${s.base}/admin/deciders`), expected: row(303, 403, 403, 403, 403, 403, 200) },
  { name: 'POST a decision maker', request: (c, s) => c.post(`${s.base}/admin/deciders`, { email: s.email(s.people.citizen) }), expected: row(401, 403, 403, 403, 403, 403, 303) },
  { name: 'POST a decision maker’s removal', request: (c, s) => c.post(`${s.base}/admin/deciders/${s.people.decider}/delete`), expected: row(401, 403, 403, 403, 403, 403, 303) },
];

for (const route of ROUTES) {
  test(`${route.name}: only the people allowed get through`, async () => {
    const got = {} as Expected;
    for (const who of ROLES) {
      const s = analysisScene(t);
      got[who] = (await route.request(await s.as(who), s)).statusCode;
    }
    assert.deepEqual(got, route.expected);
  });
}

test('a refused write writes nothing: no opinion, decision, status, analyst or decision maker', async () => {
  const s = analysisScene(t);
  const status = addStatus(t.db, s, 'À l’étude');
  for (const who of ['citizen', 'moderator', 'other_analyst'] as const) {
    const c = await s.as(who);
    await c.post(`${s.base}/analysis/proposals/${s.proposal}/opinion`, { opinion: 'favourable' });
    await c.post(`${s.base}/analysis/proposals/${s.proposal}/decision`, { decision: 'retained' });
    await c.post(`${s.base}/analysis/proposals/${s.proposal}/status`, { status: String(status) });
    await c.post(`${s.base}/analysis/proposals/${s.proposal}/analysts`, { email: s.email(s.people.citizen) });
    await c.post(`${s.base}/admin/deciders`, { email: s.email(s.people.citizen) });
  }
  const n = (sql: string) => (t.db.sqlite.prepare(sql).get(s.proposal) as { n: number }).n;
  assert.equal(n('select count(*) as n from collect_analyses where proposal_id = ?'), 0);
  assert.equal(n('select count(*) as n from collect_decisions where proposal_id = ?'), 0);
  assert.equal(n('select count(*) as n from collect_proposals where contribution_id = ? and status_id is not null'), 0);
  assert.equal(n('select count(*) as n from collect_analysts where proposal_id = ?'), 1);
  assert.equal((t.db.sqlite.prepare('select count(*) as n from collect_deciders where step_id = ?').get(s.stepId) as { n: number }).n, 1);
});

test('ids from another step are not found, and a decision maker of one step decides nothing on another', async () => {
  const s = analysisScene(t);
  const elsewhere = analysisScene(t);
  const decider = await s.as('decider');
  assert.equal((await decider.get(`${s.base}/analysis/proposals/${elsewhere.proposal}`)).statusCode, 404);
  assert.equal((await decider.post(`${s.base}/analysis/proposals/${elsewhere.proposal}/decision`, { decision: 'retained' })).statusCode, 404);
  assert.equal((await decider.get(`${elsewhere.base}/analysis`)).statusCode, 403);
  assert.equal((await decider.post(`${elsewhere.base}/analysis/proposals/${elsewhere.proposal}/decision`, { decision: 'retained' })).statusCode, 403);
  const status = addStatus(t.db, elsewhere, 'Ailleurs');
  assert.equal((await decider.post(`${s.base}/analysis/proposals/${s.proposal}/status`, { status: String(status) })).statusCode, 400, 'a status of another step');
  const admin = await s.as('admin');
  assert.equal((await admin.get(`${s.base}/admin/statuses/${status}/edit`)).statusCode, 404);
});
