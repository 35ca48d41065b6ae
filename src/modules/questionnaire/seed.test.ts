// The demo seed adds the barometer with responses whose counters equal the rows, and adds
// nothing when run twice.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { makeApp, type TestApp } from '../../../test/helpers/app.ts';
import { countRows } from '../../../test/helpers/factories.ts';
import { seed } from './seed.ts';
import { countersVsRows } from './test-fixtures.ts';

let t: TestApp;
before(async () => (t = await makeApp()));
after(() => t.close());

test('the demo questionnaire is the barometer with twelve responses, counted as the rows say, and seeding twice adds nothing', async () => {
  const lines: string[] = [];
  await seed({ db: t.db, log: (l) => lines.push(l) });
  const step = t.db.sqlite.prepare("select id from steps where type = 'questionnaire'").get() as { id: number };
  assert.ok(countRows(t, `questionnaire_questions where step_id = ${step.id}`) > 100);
  const c = countersVsRows(t, step.id);
  assert.equal(c.responses, 12);
  assert.deepEqual(c.stored, c.recount);
  await seed({ db: t.db, log: (l) => lines.push(l) });
  assert.equal(countRows(t, "steps where type = 'questionnaire'"), 1);
  assert.match(lines.at(-1)!, /nothing added/);
  const page = await t.client().get(`/questionnaire/${step.id}/results`);
  assert.equal(page.statusCode, 200, 'its results are public');
});
