// Access-code entries are limited per address: fifty wrong codes in fifteen minutes, then even the
// right code is refused (429) and nothing is written; other addresses are not affected.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { makeApp, type TestApp } from '../../../test/helpers/app.ts';
import { anonymous } from '../../../test/helpers/factories.ts';
import { addRoll, ballotForm, counts, makeVotation } from './test-fixtures.ts';
import { WRONG_CODES_PER_ADDRESS } from './rules.ts';

let t: TestApp;
before(async () => (t = await makeApp({ rateLimits: true })));
after(() => t.close());

test('fifty wrong codes from one address, then the right one is refused too; another address still votes', async () => {
  assert.equal(WRONG_CODES_PER_ADDRESS, 50);
  const v = makeVotation(t.db, { electorate: 'roll' });
  const [code, other] = addRoll(t.db, t.dataDir, v.stepId, 2);
  const c = await anonymous(t);
  for (let i = 0; i < WRONG_CODES_PER_ADDRESS; i++) assert.equal((await c.post(`/votation/${v.stepId}/code`, { code: `WRONG-${i}` })).statusCode, 422, `try ${i + 1}`);
  assert.equal((await c.post(`/votation/${v.stepId}/code`, { code: code! })).statusCode, 429);
  assert.equal((await c.post(`/votation/${v.stepId}/ballot`, ballotForm('0', ['0', '0', '0'], { code: code! }))).statusCode, 429);
  assert.deepEqual(counts(t.db, v.stepId), { ballots: 0, voters: 0, turnout: 0 });
  const elsewhere = await anonymous(t);
  const res = await t.app.inject({ method: 'POST', url: `/votation/${v.stepId}/ballot`, remoteAddress: '192.0.2.7', payload: new URLSearchParams({ _csrf: elsewhere.csrf, ...ballotForm('0', ['0', '0', '0'], { code: other! }) }).toString(), headers: { cookie: [...elsewhere.cookies].map(([k, val]) => `${k}=${val}`).join('; '), 'content-type': 'application/x-www-form-urlencoded' } });
  assert.equal(res.statusCode, 200);
});
