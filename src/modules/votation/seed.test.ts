// The demo votation: added to the charter project, its ballots equal its register and turnout,
// its page renders, and running the demo again adds nothing.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { makeApp, type TestApp } from '../../../test/helpers/app.ts';
import { anonymous } from '../../../test/helpers/factories.ts';
import { seed } from './seed.ts';
import { counts } from './test-fixtures.ts';

let t: TestApp;
before(async () => (t = await makeApp()));
after(() => t.close());

test('the seed adds an open votation with two questions and seven ballots, once', async () => {
  const lines: string[] = [];
  await seed({ db: t.db, log: (l) => lines.push(l) });
  const step = t.db.sqlite.prepare("select id from steps where type = 'votation'").get() as { id: number };
  assert.deepEqual(counts(t.db, step.id), { ballots: 7, voters: 7, turnout: 7 });
  assert.equal((t.db.sqlite.prepare('select count(*) as n from votation_questions where step_id = ?').get(step.id) as { n: number }).n, 2);
  assert.match(lines.join('\n'), /votation: .*7 ballots/);
  const page = await (await anonymous(t)).get(`/votation/${step.id}`);
  assert.equal(page.statusCode, 200);
  assert.match(page.body, /7 votants/);
  await seed({ db: t.db, log: (l) => lines.push(l) });
  assert.deepEqual(counts(t.db, step.id), { ballots: 7, voters: 7, turnout: 7 });
  assert.match(lines.at(-1)!, /nothing added/);
});
