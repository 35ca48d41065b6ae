// The demo debate: it is added to the charter project (made when missing), every counter equals
// what the rows say, its pages render, and running the demo again adds nothing and does not fail.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { makeApp, type TestApp } from '../../../test/helpers/app.ts';
import { DEMO_PROJECT_SLUG as CHARTER_SLUG, runDemo } from '../../platform/demo.ts';
import { seed } from './seed.ts';
import { QUESTION } from './seed-content.ts';

let t: TestApp;
before(async () => (t = await makeApp()));
after(() => t.close());

const one = <T>(sql: string, ...params: unknown[]) => t.db.sqlite.prepare(sql).get(...params) as T;
const all = <T>(sql: string, ...params: unknown[]) => t.db.sqlite.prepare(sql).all(...params) as T[];
const noop = () => {};

test('alone, the seed creates the charter project with an open debate, its opinions, arguments, marks and votes', async () => {
  const lines: string[] = [];
  await seed({ db: t.db, log: (l) => lines.push(l) });
  const step = one<{ id: number; title: string; starts_at: string; ends_at: string; slug: string }>("select s.id, s.title, s.starts_at, s.ends_at, p.slug from steps s join projects p on p.id = s.project_id where s.type = 'debate'");
  assert.equal(step.slug, CHARTER_SLUG);
  assert.equal(step.title, QUESTION);
  assert.ok(step.starts_at < new Date().toISOString() && step.ends_at > new Date().toISOString(), 'open');
  assert.deepEqual(all('select side from debate_opinions where step_id = ? order by side desc', step.id), [{ side: 'for' }, { side: 'against' }]);
  assert.ok(one<{ n: number }>('select count(*) as n from debate_arguments').n >= 8);
  assert.ok(one<{ n: number }>('select count(*) as n from debate_useful_marks').n >= 8);
  assert.ok(one<{ n: number }>('select count(*) as n from debate_votes').n >= 8);
  assert.match(lines.join('\n'), /debate: .*2 invited opinions/);
});

test('every counter of the demo debate equals what its rows say', () => {
  const d = one<Record<string, number>>(`
    select d.*, s.contributions_count, s.votes_count, s.project_id,
      (select count(*) from debate_votes v where v.step_id = d.step_id and side = 'for') as rows_for,
      (select count(*) from debate_votes v where v.step_id = d.step_id and side = 'against') as rows_against,
      (select count(*) from debate_arguments a join contributions c on c.id = a.contribution_id where a.step_id = d.step_id and a.side = 'for' and c.status = 'published') as args_for,
      (select count(*) from debate_arguments a join contributions c on c.id = a.contribution_id where a.step_id = d.step_id and a.side = 'against' and c.status = 'published') as args_against,
      (select count(*) from contributions c where c.step_id = d.step_id) as contributions
    from debate_steps d join steps s on s.id = d.step_id`);
  assert.deepEqual([d.votes_for, d.votes_against, d.arguments_for, d.arguments_against], [d.rows_for, d.rows_against, d.args_for, d.args_against]);
  assert.deepEqual([d.contributions_count, d.votes_count], [d.contributions, d.rows_for! + d.rows_against!]);
  for (const a of all<{ useful_count: number; n: number; own: number }>(`
    select a.useful_count, (select count(*) from debate_useful_marks m where m.argument_id = a.contribution_id) as n,
      (select count(*) from debate_useful_marks m where m.argument_id = a.contribution_id and m.user_id = a.author_id) as own
    from debate_arguments a`)) {
    assert.equal(a.useful_count, a.n);
    assert.equal(a.own, 0, 'nobody marks their own argument');
  }
  const project = one<Record<string, number>>('select participants_count, contributions_count, votes_count, (select count(*) from project_participants where project_id = p.id) as participants from projects p where id = ?', d.project_id);
  assert.deepEqual([project.contributions_count, project.votes_count, project.participants_count], [d.contributions, d.votes_count, project.participants]);
});

test('the demo pages render: the debate with its opinions and its bar, and an argument’s own page', async () => {
  const step = one<{ id: number }>("select id from steps where type = 'debate'");
  const page = await t.client().get(`/debate/${step.id}`);
  assert.equal(page.statusCode, 200);
  assert.match(page.body, /Claire Fournier/);
  assert.match(page.body, /adjointe au maire, urbanisme/);
  assert.match(page.body, /<rect class="for" x="0" width="\d+%"/);
  const argument = one<{ id: number }>('select contribution_id as id from debate_arguments order by useful_count desc limit 1');
  assert.equal((await t.client().get(`/debate/${step.id}/arguments/${argument.id}`)).statusCode, 200);
});

test('running the demo again adds nothing; with every module, the debate follows the consultation in the charter', async () => {
  const count = () => one<{ n: number }>("select (select count(*) from contributions) + (select count(*) from steps where type = 'debate') + (select count(*) from users) + (select count(*) from debate_votes) + (select count(*) from debate_useful_marks) as n").n;
  const before = count();
  const lines: string[] = [];
  await seed({ db: t.db, log: (l) => lines.push(l) });
  assert.equal(count(), before);
  assert.match(lines.join('\n'), /nothing added/);

  const fresh = await makeApp();
  try {
    await runDemo(fresh.db, fresh.app.manifests, noop);
    await runDemo(fresh.db, fresh.app.manifests, noop);
    const steps = fresh.db.sqlite.prepare('select s.type from steps s join projects p on p.id = s.project_id where p.slug = ? order by s.position').all(CHARTER_SLUG) as { type: string }[];
    // Modules listed after the debate may add their steps after it (the votation adopts the charter).
    assert.deepEqual(steps.map((s) => s.type).slice(0, 3), ['presentation', 'consultation', 'debate']);
    // The demo citizens are the consultation's: ten of them, whichever seed made them.
    assert.equal((fresh.db.sqlite.prepare("select count(*) as n from users where email like 'demo%@example.org'").get() as { n: number }).n, 10);
  } finally {
    await fresh.close();
  }
});
