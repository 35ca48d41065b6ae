// The demo collect step: added to the charter project with its categories and ten proposals,
// every counter and the search index equal to what the rows say, its pages render, and running
// the demo again adds nothing.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { makeApp, type TestApp } from '../../../test/helpers/app.ts';
import { seed } from './seed.ts';
import { DEMO_PROJECT_SLUG as CHARTER_SLUG } from '../../platform/demo.ts';
import { PROPOSALS, STEP_TITLE } from './seed-content.ts';

let t: TestApp;
before(async () => (t = await makeApp()));
after(() => t.close());

const one = <T>(sql: string, ...params: unknown[]) => t.db.sqlite.prepare(sql).get(...params) as T;

test('alone, the seed creates the charter project with an open collect step, its categories and proposals', async () => {
  const lines: string[] = [];
  await seed({ db: t.db, log: (l) => lines.push(l) });
  const step = one<{ id: number; title: string; slug: string; starts_at: string; ends_at: string }>("select s.id, s.title, s.starts_at, s.ends_at, p.slug from steps s join projects p on p.id = s.project_id where s.type = 'collect'");
  assert.equal(step.slug, CHARTER_SLUG);
  assert.equal(step.title, STEP_TITLE);
  assert.ok(step.starts_at < new Date().toISOString() && step.ends_at > new Date().toISOString(), 'open');
  assert.equal(one<{ n: number }>('select count(*) as n from collect_categories where step_id = ?', step.id).n, 4);
  assert.match(lines.join('\n'), /collect: .*10 proposals/);
});

test('every counter of the demo step equals what its rows say, and the index finds its proposals', () => {
  const step = one<{ id: number; project_id: number; contributions_count: number }>("select id, project_id, contributions_count from steps where type = 'collect'");
  const published = one<{ n: number }>("select count(*) as n from collect_proposals p join contributions c on c.id = p.contribution_id where p.step_id = ? and c.status = 'published' and p.published = 1", step.id).n;
  assert.equal(published, PROPOSALS.length);
  assert.equal(one<{ proposals_count: number; next_reference: number }>('select proposals_count, next_reference from collect_steps where step_id = ?', step.id).proposals_count, published);
  assert.equal(step.contributions_count, published);
  assert.equal(one<{ n: number }>("select count(*) as n from collect_fts where collect_fts match 'velos'").n, 2);
  assert.equal(one<{ n: number }>('select count(*) as n from collect_proposals where followers_count <> (select count(*) from follows f where f.target_kind = \'contribution\' and f.target_id = contribution_id)').n, 0);
});

test('the demo pages render: the list, a search, a proposal’s page', async () => {
  const step = one<{ id: number }>("select id from steps where type = 'collect'");
  const list = await t.client().get(`/collect/${step.id}?sort=newest`);
  assert.equal(list.statusCode, 200);
  assert.match(list.body, /Un abri à vélos fermé près de la gare/);
  assert.match((await t.client().get(`/collect/${step.id}?q=verger`)).body, /Un verger partagé/);
  const id = one<{ id: number }>('select contribution_id as id from collect_proposals where step_id = ? and reference = 1', step.id).id;
  assert.match((await t.client().get(`/collect/${step.id}/proposals/${id}`)).body, /Proposition n° 1/);
});

test('running the seed again adds nothing', async () => {
  const count = () => one<{ n: number }>("select (select count(*) from contributions) + (select count(*) from steps where type = 'collect') + (select count(*) from collect_categories) as n").n;
  const before = count();
  const lines: string[] = [];
  await seed({ db: t.db, log: (l) => lines.push(l) });
  assert.equal(count(), before);
  assert.match(lines.join('\n'), /nothing added/);
});
