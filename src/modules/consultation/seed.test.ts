// The demo consultation: every counter equals what the rows say, the pages render, and running
// the demo twice adds nothing and does not fail, whichever seed created the charter project.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { makeApp, type TestApp } from '../../../test/helpers/app.ts';
import { seed } from './seed.ts';
import { DEMO_PROJECT_SLUG as CHARTER_SLUG, runDemo } from '../../platform/demo.ts';

let t: TestApp;
before(async () => (t = await makeApp()));
after(() => t.close());

const all = <T>(sql: string, ...params: unknown[]) => t.db.sqlite.prepare(sql).all(...params) as T[];
const one = <T>(sql: string, ...params: unknown[]) => t.db.sqlite.prepare(sql).get(...params) as T;
const noop = () => {};

test('the demo creates the charter project when missing, with an open consultation step', async () => {
  const lines: string[] = [];
  await seed({ db: t.db, log: (l) => lines.push(l) });
  const project = one<{ id: number; visibility: string; title: string }>('select id, visibility, title from projects where slug = ?', CHARTER_SLUG);
  assert.equal(project.visibility, 'public');
  assert.equal(project.title, 'Charte de la participation citoyenne');
  const step = one<{ starts_at: string; ends_at: string }>("select starts_at, ends_at from steps where project_id = ? and type = 'consultation'", project.id);
  assert.ok(step.starts_at < new Date().toISOString() && step.ends_at > new Date(Date.now() + 59 * 86400_000).toISOString());
  assert.match(lines.join('\n'), /5 amendments/);
  const citizens = all<{ password_hash: string | null; email_confirmed_at: string | null }>("select password_hash, email_confirmed_at from users where email like 'demo%@example.org'");
  assert.equal(citizens.length, 10);
  assert.ok(citizens.every((c) => c.password_hash === null && c.email_confirmed_at !== null));
  assert.equal(one<{ n: number }>('select count(*) as n from consultation_sections').n, 7);
  assert.ok(one<{ n: number }>("select count(*) as n from contributions where kind = 'opinion'").n >= 20);
  assert.equal(one<{ n: number }>("select count(*) as n from contributions where kind = 'amendment'").n, 5);
  assert.ok(one<{ n: number }>("select count(*) as n from contributions where kind = 'argument'").n >= 15);
  assert.ok(one<{ n: number }>('select count(*) as n from consultation_item_votes').n >= 100);
});

test('every counter of the demo equals what its rows say', () => {
  const items = all<Record<string, number>>(`
    select i.contribution_id as id, i.votes_agree, i.votes_mitigated, i.votes_disagree, i.votes_total, i.controversy, i.arguments_for, i.arguments_against, i.sources_count,
      (select count(*) from consultation_item_votes v where v.item_id = i.contribution_id and value = 'agree') as agree,
      (select count(*) from consultation_item_votes v where v.item_id = i.contribution_id and value = 'mitigated') as mitigated,
      (select count(*) from consultation_item_votes v where v.item_id = i.contribution_id and value = 'disagree') as disagree,
      (select count(*) from consultation_arguments a where a.item_id = i.contribution_id and side = 'for') as args_for,
      (select count(*) from consultation_arguments a where a.item_id = i.contribution_id and side = 'against') as args_against,
      (select count(*) from consultation_sources s where s.item_id = i.contribution_id) as sources
    from consultation_items i`);
  for (const i of items) {
    assert.deepEqual(
      [i.votes_agree, i.votes_mitigated, i.votes_disagree, i.votes_total, i.controversy, i.arguments_for, i.arguments_against, i.sources_count],
      [i.agree, i.mitigated, i.disagree, i.agree! + i.mitigated! + i.disagree!, 2 * Math.min(i.agree!, i.disagree!), i.args_for, i.args_against, i.sources],
      `item ${i.id}`,
    );
  }
  assert.ok(items.some((i) => i.controversy! > 0), 'some items are controversial');
  for (const a of all<{ useful_count: number; n: number }>('select useful_count, (select count(*) from consultation_useful_marks m where m.argument_id = a.contribution_id) as n from consultation_arguments a')) {
    assert.equal(a.useful_count, a.n);
  }
  for (const s of all<Record<string, number>>(`
    select s.contributions_count, s.amendments_count, s.votes_agree, s.votes_mitigated, s.votes_disagree,
      (select count(*) from consultation_items i where i.section_id = s.id and kind = 'opinion' and published = 1) as opinions,
      (select count(*) from consultation_items i where i.section_id = s.id and kind = 'amendment' and published = 1) as amendments,
      (select count(*) from consultation_section_votes v where v.section_id = s.id and value = 'agree') as agree,
      (select count(*) from consultation_section_votes v where v.section_id = s.id and value = 'mitigated') as mitigated,
      (select count(*) from consultation_section_votes v where v.section_id = s.id and value = 'disagree') as disagree
    from consultation_sections s`)) {
    assert.deepEqual([s.contributions_count, s.amendments_count, s.votes_agree, s.votes_mitigated, s.votes_disagree], [s.opinions, s.amendments, s.agree, s.mitigated, s.disagree]);
  }
  const step = one<Record<string, number>>(`
    select s.contributions_count, s.votes_count, s.project_id,
      (select count(*) from contributions c where c.step_id = s.id) as contributions,
      (select count(*) from consultation_item_votes) + (select count(*) from consultation_section_votes) as votes
    from steps s where type = 'consultation'`);
  assert.equal(step.contributions_count, step.contributions);
  assert.equal(step.votes_count, step.votes);
  const project = one<Record<string, number>>('select participants_count, contributions_count, votes_count, (select count(*) from project_participants where project_id = p.id) as participants from projects p where id = ?', step.project_id);
  assert.deepEqual([project.contributions_count, project.votes_count, project.participants_count], [step.contributions, step.votes, project.participants]);
  assert.equal(project.participants, 10);
});

test('running the demo again adds nothing and does not fail', async () => {
  // The consultation's own rows: other modules' demos (run below for the first time) add theirs.
  const count = () => one<{ n: number }>("select (select count(*) from contributions c join steps s on s.id = c.step_id where s.type = 'consultation') + (select count(*) from steps where type = 'consultation') + (select count(*) from users) + (select count(*) from consultation_item_votes) + (select count(*) from consultation_sections) as n").n;
  const before = count();
  const lines: string[] = [];
  await seed({ db: t.db, log: (l) => lines.push(l) });
  await runDemo(t.db, t.app.manifests, noop);
  assert.equal(count(), before);
  assert.match(lines.join('\n'), /nothing added/);
});

test('the demo pages render: the step, a section with its amendments, an amendment with its diff', async () => {
  const step = one<{ id: number }>("select id from steps where type = 'consultation'");
  const c = t.client();
  assert.equal((await c.get(`/consultation/${step.id}`)).statusCode, 200);
  const article = one<{ id: number }>("select id from consultation_sections where title like 'Article 2%'");
  const section = await c.get(`/consultation/${step.id}/sections/${article.id}?kind=amendment`);
  assert.equal(section.statusCode, 200);
  assert.match(section.body, /Abaisser le seuil de consultation/);
  const amendment = one<{ id: number }>("select id from contributions where kind = 'amendment' and title = 'Abaisser le seuil de consultation'");
  const page = await c.get(`/consultation/${step.id}/items/${amendment.id}`);
  assert.equal(page.statusCode, 200);
  assert.match(page.body, /<del><span class="visually-hidden">\[début de suppression\] <\/span>500/);
  assert.match(page.body, /<ins><span class="visually-hidden">\[début d’ajout\] <\/span>200/);
});

test('after the projects seed, the consultation step comes after the presentation step', async () => {
  const fresh = await (await import('../../../test/helpers/app.ts')).makeApp();
  try {
    await runDemo(fresh.db, fresh.app.manifests, noop);
    const steps = fresh.db.sqlite.prepare('select s.type from steps s join projects p on p.id = s.project_id where p.slug = ? order by s.position').all(CHARTER_SLUG) as { type: string }[];
    assert.deepEqual(steps.map((s) => s.type).slice(0, 2), ['presentation', 'consultation']);
    await runDemo(fresh.db, fresh.app.manifests, noop);
    assert.equal((fresh.db.sqlite.prepare("select count(*) as n from steps where type = 'consultation'").get() as { n: number }).n, 1);
  } finally {
    await fresh.close();
  }
});
