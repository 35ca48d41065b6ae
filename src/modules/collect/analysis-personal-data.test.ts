// What the analysis by officials keeps about a person: the account export lists the steps they
// decide on, the proposals they analyse, their opinions and decisions; once the account is
// deleted their roles are gone, while their opinions and the public decisions stay, unsigned.
// Plus the analysis rules' invariants (fast-check).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { makeApp, type TestApp } from '../../../test/helpers/app.ts';
import { countRows } from '../../../test/helpers/factories.ts';
import { hashPassword } from '../../platform/passwords.ts';
import { analysisScene } from './analysis-fixtures.ts';
import { pairOf, parseReferences } from './analysis-rules.ts';

let t: TestApp;
before(async () => (t = await makeApp()));
after(() => t.close());

test('the account export holds an official’s roles, opinions and decisions', async () => {
  const s = analysisScene(t);
  await (await s.as('analyst')).post(`${s.base}/analysis/proposals/${s.proposal}/opinion`, { opinion: 'favourable', comment: 'Bonne idée.' });
  const analyst = (await (await s.as('analyst')).get('/account/export')).json().collect;
  assert.deepEqual(analyst.analysing_proposals, [s.proposal]);
  assert.deepEqual(analyst.analyses.map((a: { opinion: string; comment: string }) => [a.opinion, a.comment]), [['favourable', 'Bonne idée.']]);
  const decider = await s.as('decider');
  await decider.post(`${s.base}/analysis/proposals/${s.proposal}/decision`, { decision: 'not_retained', reason: 'Hors budget.' });
  const data = (await decider.get('/account/export')).json().collect;
  assert.deepEqual(data.deciding_on_steps, [s.stepId]);
  assert.deepEqual(data.decisions.map((d: { decision: string; reason_md: string }) => [d.decision, d.reason_md]), [['not_retained', 'Hors budget.']]);
  assert.deepEqual(data.analyses, []);
});

test('after an official’s account is deleted, their roles are gone; their opinion and decision stay, unsigned', async () => {
  const s = analysisScene(t);
  const analyst = await s.as('analyst');
  await analyst.post(`${s.base}/analysis/proposals/${s.proposal}/opinion`, { opinion: 'unfavourable', comment: 'Trop cher.' });
  await (await s.as('decider')).post(`${s.base}/analysis/proposals/${s.proposal}/decision`, { decision: 'not_retained', reason: 'Hors budget.' });
  for (const who of ['analyst', 'decider'] as const) {
    t.db.sqlite.prepare('update users set password_hash = ? where id = ?').run(await hashPassword('une phrase de passe solide'), s.people[who]);
    const client = await s.as(who);
    await client.get('/account/delete');
    assert.equal((await client.post('/account/delete', { current_password: 'une phrase de passe solide', confirm: '1' })).statusCode, 303);
  }
  assert.equal(countRows(t, `collect_analysts where user_id = ${s.people.analyst}`), 0);
  assert.equal(countRows(t, `collect_deciders where user_id = ${s.people.decider}`), 0);
  assert.equal(countRows(t, `collect_analyses where proposal_id = ${s.proposal}`), 1);
  const page = await (await s.as('admin')).get(`${s.base}/analysis/proposals/${s.proposal}`);
  assert.match(page.body, /participant supprimé/);
  assert.doesNotMatch(page.body, /Alex Analyste/);
  assert.match((await t.client().get(`${s.base}/proposals/${s.proposal}`)).body, /Hors budget\./, 'the public answer stays');
});

test('property: a pair is the same whichever proposal comes first, smaller id first', () => {
  fc.assert(
    fc.property(fc.integer({ min: 1, max: 1e9 }), fc.integer({ min: 1, max: 1e9 }), (a, b) => {
      const [x, y] = pairOf(a, b);
      assert.deepEqual(pairOf(b, a), [x, y]);
      assert.ok(x <= y);
      assert.deepEqual([x, y].sort((m, n) => m - n), [a, b].sort((m, n) => m - n));
    }),
  );
});

test('property: references written in any of the accepted ways read back as the same set', () => {
  const separators = fc.constantFrom(', ', ',', ' ', ' ; ', ';', ' , ');
  fc.assert(
    fc.property(fc.array(fc.integer({ min: 1, max: 999_999 }), { minLength: 1, maxLength: 20 }), separators, fc.boolean(), (refs, sep, prefixed) => {
      const typed = refs.map((r) => (prefixed ? `n° ${r}` : String(r))).join(sep);
      assert.deepEqual(parseReferences(typed), [...new Set(refs)]);
    }),
  );
});
