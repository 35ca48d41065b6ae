// The demo selection step: added to the charter project after the demo collect step, holding its
// proposals, with the demo citizens' votes; every counter equals a recount from the votes, the
// pages render, and running the demo again adds nothing.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { makeApp, type TestApp } from '../../../test/helpers/app.ts';
import { modules } from '../index.ts';
import { seed, STEP_TITLE } from './seed.ts';
import { selectionCounters } from './test-fixtures.ts';

let t: TestApp;
before(async () => (t = await makeApp()));
after(() => t.close());

const one = <T>(sql: string, ...params: unknown[]) => t.db.sqlite.prepare(sql).get(...params) as T;
const stepId = () => one<{ id: number }>("select id from steps where type = 'selection'").id;

test('without a demo collect step, the seed adds nothing and says why', async () => {
  const lines: string[] = [];
  await seed({ db: t.db, log: (l) => lines.push(l) });
  assert.equal(one<{ n: number }>("select count(*) as n from steps where type = 'selection'").n, 0);
  assert.match(lines.join('\n'), /no collect step/);
});

test('after the collect seed, it adds an open budget vote holding the demo proposals, with votes', async () => {
  // The collect module's seed, reached through the module list (a module never imports another).
  await modules.find((m) => m.slug === 'collect')!.seed!({ db: t.db, log: () => {} });
  const lines: string[] = [];
  await seed({ db: t.db, log: (l) => lines.push(l) });
  const step = one<{ title: string; settings: string; starts_at: string; ends_at: string }>("select title, settings, starts_at, ends_at from steps where type = 'selection'");
  assert.equal(step.title, STEP_TITLE);
  assert.equal(JSON.parse(step.settings).vote_type, 'budget');
  assert.ok(step.starts_at < new Date().toISOString() && step.ends_at > new Date().toISOString(), 'open');
  assert.equal(one<{ n: number }>('select count(*) as n from selection_proposals where step_id = ?', stepId()).n, 10);
  assert.equal(one<{ n: number }>('select count(*) as n from selection_votes where step_id = ?', stepId()).n, 28);
  assert.match(lines.join('\n'), /selection: .*10 proposals, 28 votes/);
});

test('every counter of the demo vote equals a recount from its votes, and no ballot goes over the budget', () => {
  const { stored, recount, ballots } = selectionCounters(t, stepId());
  assert.deepEqual(stored, recount);
  assert.ok(ballots.every((b) => b.votes === b.rows));
  const over = one<{ n: number }>('select count(*) as n from (select v.user_id, sum(p.cost) as spent from selection_votes v join selection_proposals p on p.step_id = v.step_id and p.proposal_id = v.proposal_id where v.step_id = ? group by v.user_id) where spent > 100000', stepId()).n;
  assert.equal(over, 0);
});

test('the demo pages render: the list sorted by supports, a search, a proposal’s page', async () => {
  const list = await t.client().get(`/selection/${stepId()}?sort=supports`);
  assert.equal(list.statusCode, 200);
  assert.match(list.body, /Un verger partagé au square des Tilleuls/);
  assert.match(list.body, /4 voix/);
  assert.match((await t.client().get(`/selection/${stepId()}?q=verger`)).body, /Un verger partagé/);
  const id = one<{ id: number }>('select proposal_id as id from selection_proposals where step_id = ? order by proposal_id limit 1', stepId()).id;
  assert.match((await t.client().get(`/selection/${stepId()}/proposals/${id}`)).body, /Proposition n° 1/);
});

test('running the seed again adds nothing', async () => {
  const count = () => one<{ n: number }>("select (select count(*) from selection_proposals) + (select count(*) from selection_votes) + (select count(*) from steps where type = 'selection') as n").n;
  const before = count();
  const lines: string[] = [];
  await seed({ db: t.db, log: (l) => lines.push(l) });
  assert.equal(count(), before);
  assert.match(lines.join('\n'), /nothing added/);
});
