// The demo seed: idempotent, and it works whether or not another module's seed created the
// charter project first.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { makeApp, type TestApp } from '../../../test/helpers/app.ts';
import { seed } from './seed.ts';
import { makeProject, makeStep } from '../../../test/helpers/factories.ts';

let t: TestApp;
before(async () => (t = await makeApp()));
after(() => t.close());

const stepsOf = (slug: string) =>
  t.db.sqlite.prepare('select s.type, s.starts_at, s.ends_at from steps s join projects p on p.id = s.project_id where p.slug = ? order by s.position').all(slug) as { type: string; starts_at: string; ends_at: string }[];

test('when another seed created the charter first, the presentation step is added before its steps', () => {
  const id = makeProject(t.db, { slug: 'charte-participation', title: 'Charte de la participation citoyenne' });
  makeStep(t.db, id, { type: 'consultation', title: 'Consultation' });
  seed({ db: t.db, log: () => {} });
  assert.deepEqual(stepsOf('charte-participation').map((s) => s.type), ['presentation', 'consultation']);
});

test('the demo seed adds themes, districts and public projects, and running it again adds nothing', async () => {
  seed({ db: t.db, log: () => {} });
  const counts = () => ['themes', 'districts', 'projects', 'steps'].map((table) => (t.db.sqlite.prepare(`select count(*) as n from ${table}`).get() as { n: number }).n);
  const first = counts();
  seed({ db: t.db, log: () => {} });
  assert.deepEqual(counts(), first);
  const districts = (t.db.sqlite.prepare('select name from districts order by name').all() as { name: string }[]).map((r) => r.name);
  assert.deepEqual(districts, ['Centre-ville', 'Nord', 'Sud']);
  const charter = stepsOf('charte-participation')[0]!;
  assert.equal(charter.type, 'presentation');
  assert.ok(charter.ends_at < new Date().toISOString(), 'the presentation step is closed');
  const home = await t.client().get('/');
  assert.match(home.body, /Réaménagement du parc du Sud/);
  assert.match(home.body, /Budget participatif 2027/);
  assert.match(home.body, /Charte de la participation citoyenne/);
});

test('a fresh database gets the charter project with its closed presentation step', async () => {
  const fresh = await makeApp();
  try {
    seed({ db: fresh.db, log: () => {} });
    const row = fresh.db.sqlite.prepare("select visibility from projects where slug = 'charte-participation'").get() as { visibility: string };
    assert.equal(row.visibility, 'public');
    const page = await fresh.client().get('/projects/charte-participation');
    assert.equal(page.statusCode, 200);
    assert.match(page.body, /Présentation de la démarche/);
    assert.match(page.body, /Terminé/);
  } finally {
    await fresh.close();
  }
});
