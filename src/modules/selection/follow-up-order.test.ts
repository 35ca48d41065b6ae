// A winner's milestones moved up and down with plain forms: administrators only, one place at a
// time, nothing past either end; positions stay 0..n-1 and unique through moves, removals and
// additions, whatever their order (a property test) and under requests at once.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { makeApp, type TestApp } from '../../../test/helpers/app.ts';
import { anonymous, loginAs } from '../../../test/helpers/factories.ts';
import { makeSelection } from './test-fixtures.ts';
import { setCounters } from './results-fixtures.ts';
import { addMilestone, deleteMilestone, moveMilestone } from './follow-up-writes.ts';

let t: TestApp;
before(async () => (t = await makeApp()));
after(() => t.close());

/** A published winner with milestones A, B, C (in that order). */
async function scene() {
  const fx = makeSelection(t.db, { state: 'closed', settings: { vote_type: 'budget', budget: 5000 }, proposals: 2 });
  const [winner, loser] = fx.proposals.map((p) => p.id) as [number, number];
  setCounters(t.db, fx.stepId, winner, 4);
  const { client: admin } = await loginAs(t, 'admin');
  assert.equal((await admin.post(`/selection/${fx.stepId}/results/publish`)).statusCode, 303);
  const ids = ['A', 'B', 'C'].map((title) => addMilestone(t.db, fx.stepId, winner, { title, startsOn: null, endsOn: null }));
  return { fx, winner, loser, admin, ids, base: `/selection/${fx.stepId}/proposals/${winner}/follow-up` };
}

/** [title, position] of a winner's milestones in their order. */
const order = (stepId: number, proposalId: number) =>
  (t.db.sqlite.prepare('select title, position from selection_milestones where step_id = ? and proposal_id = ? order by position').all(stepId, proposalId) as { title: string; position: number }[]).map((m) => [m.title, m.position]);

test('an administrator moves a milestone up or down one place with a form; the ends stay put', async () => {
  const s = await scene();
  const [a, b, c] = s.ids as [number, number, number];
  const page = (await s.admin.get(s.base)).body;
  assert.match(page, new RegExp(`action="${s.base}/milestones/${b}/move"`));
  assert.match(page, /Monter l’étape « B »/);
  assert.doesNotMatch(page, /Monter l’étape « A »/, 'the first has no button up');
  assert.doesNotMatch(page, /Descendre l’étape « C »/, 'the last has no button down');
  const res = await s.admin.post(`${s.base}/milestones/${c}/move`, { direction: 'up' });
  assert.equal(res.statusCode, 303);
  assert.equal(res.headers.location, s.base);
  assert.deepEqual(order(s.fx.stepId, s.winner), [['A', 0], ['C', 1], ['B', 2]]);
  await s.admin.post(`${s.base}/milestones/${a}/move`, { direction: 'down' });
  assert.deepEqual(order(s.fx.stepId, s.winner), [['C', 0], ['A', 1], ['B', 2]]);
  // Past the ends, as a stale page could ask: nothing moves.
  assert.equal((await s.admin.post(`${s.base}/milestones/${c}/move`, { direction: 'up' })).statusCode, 303);
  assert.equal((await s.admin.post(`${s.base}/milestones/${b}/move`, { direction: 'down' })).statusCode, 303);
  assert.deepEqual(order(s.fx.stepId, s.winner), [['C', 0], ['A', 1], ['B', 2]]);
  await s.admin.get('/lang/en');
  assert.match((await s.admin.get(s.base)).body, /Move the milestone “A” up/);
});

test('nobody else moves a milestone; a bad direction is a 400 and another winner’s milestone a 404', async () => {
  const s = await scene();
  const [, b] = s.ids as [number, number];
  const url = `${s.base}/milestones/${b}/move`;
  assert.equal((await (await anonymous(t)).post(url, { direction: 'up' })).statusCode, 401);
  for (const who of ['citizen', 'moderator'] as const) assert.equal((await (await loginAs(t, who)).client.post(url, { direction: 'up' })).statusCode, 403, who);
  assert.equal((await s.admin.post(url, { direction: 'sideways' })).statusCode, 400);
  assert.equal((await s.admin.post(url, {})).statusCode, 400);
  const other = await scene();
  assert.equal((await s.admin.post(`${s.base}/milestones/${other.ids[0]}/move`, { direction: 'down' })).statusCode, 404);
  assert.equal((await s.admin.post(`/selection/${s.fx.stepId}/proposals/${s.loser}/follow-up/milestones/${b}/move`, { direction: 'up' })).statusCode, 404);
  assert.deepEqual(order(s.fx.stepId, s.winner), [['A', 0], ['B', 1], ['C', 2]]);
  assert.deepEqual(order(other.fx.stepId, other.winner), [['A', 0], ['B', 1], ['C', 2]]);
});

test('removing a milestone closes its gap, and the database refuses two milestones on one place', async () => {
  const s = await scene();
  assert.equal((await s.admin.post(`${s.base}/milestones/${s.ids[1]}/delete`)).statusCode, 303);
  assert.deepEqual(order(s.fx.stepId, s.winner), [['A', 0], ['C', 1]]);
  addMilestone(t.db, s.fx.stepId, s.winner, { title: 'D', startsOn: null, endsOn: null });
  assert.deepEqual(order(s.fx.stepId, s.winner), [['A', 0], ['C', 1], ['D', 2]]);
  assert.throws(() => t.db.sqlite.prepare('update selection_milestones set position = 0 where id = ?').run(s.ids[2]), /UNIQUE constraint failed/);
});

test('fifty moves posted at once leave the positions dense and unique', async () => {
  const s = await scene();
  const moves = Array.from({ length: 50 }, (_, i) => s.admin.post(`${s.base}/milestones/${s.ids[i % 3]}/move`, { direction: i % 2 ? 'up' : 'down' }));
  for (const res of await Promise.all(moves)) assert.equal(res.statusCode, 303);
  const after = order(s.fx.stepId, s.winner);
  assert.deepEqual(after.map(([, p]) => p), [0, 1, 2]);
  assert.deepEqual(after.map(([title]) => title).sort(), ['A', 'B', 'C']);
});

test('whatever the additions, moves and removals, positions are 0..n-1 and the milestones those added and not removed', async () => {
  const s = await scene();
  const op = fc.oneof(
    fc.constant({ kind: 'add' as const }),
    fc.record({ kind: fc.constant('delete' as const), pick: fc.nat() }),
    fc.record({ kind: fc.constant('move' as const), pick: fc.nat(), up: fc.boolean() }),
  );
  const proposal = s.winner;
  fc.assert(
    fc.property(fc.array(op, { maxLength: 25 }), (ops) => {
      t.db.sqlite.prepare('delete from selection_milestones where step_id = ? and proposal_id = ?').run(s.fx.stepId, proposal);
      const live: number[] = [];
      for (const o of ops) {
        if (o.kind === 'add') live.push(addMilestone(t.db, s.fx.stepId, proposal, { title: `M${live.length}`, startsOn: null, endsOn: null }));
        else if (live.length) {
          const id = live[o.pick % live.length]!;
          if (o.kind === 'delete') {
            assert.ok(deleteMilestone(t.db, s.fx.stepId, proposal, id));
            live.splice(live.indexOf(id), 1);
          } else assert.ok(moveMilestone(t.db, s.fx.stepId, proposal, id, o.up ? 'up' : 'down'));
        }
      }
      const rows = t.db.sqlite.prepare('select id, position from selection_milestones where step_id = ? and proposal_id = ? order by position').all(s.fx.stepId, proposal) as { id: number; position: number }[];
      assert.deepEqual(rows.map((r) => r.position), rows.map((_, i) => i));
      assert.deepEqual(rows.map((r) => r.id).sort((x, y) => x - y), [...live].sort((x, y) => x - y));
    }),
    { numRuns: 60 },
  );
});
