// The participation limits on the debate's routes (platform/rate-limits.ts): thirty arguments in
// ten minutes per account, not thirty-one, even posting and deleting in turn, and six hundred
// votes; a refused request writes nothing, and another participant is not affected.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { makeApp, type TestApp } from '../../../test/helpers/app.ts';
import { countRows, loginAs } from '../../../test/helpers/factories.ts';
import { makeDebate } from './test-fixtures.ts';

let t: TestApp;
before(async () => (t = await makeApp({ rateLimits: true })));
after(() => t.close());

test('a participant posts thirty arguments in ten minutes, not thirty-one; another one still can', async () => {
  const d = makeDebate(t.db);
  const url = `/debate/${d.stepId}/arguments`;
  const { client } = await loginAs(t);
  for (let i = 0; i < 30; i++) {
    const res = await client.post(url, { side: 'for', body: `Argument ${i + 1}` });
    assert.equal(res.statusCode, 303, `post ${i + 1}`);
    const id = /#argument-(\d+)/.exec(String(res.headers.location))![1];
    assert.equal((await client.post(`/debate/${d.stepId}/arguments/${id}/delete`)).statusCode, 303);
  }
  const before = countRows(t, 'contributions');
  const blocked = await client.post(url, { side: 'for', body: 'Un de trop' });
  assert.equal(blocked.statusCode, 429);
  assert.match(blocked.body, /Trop de tentatives/);
  assert.equal(countRows(t, 'contributions'), before);
  assert.equal((await (await loginAs(t)).client.post(url, { side: 'for', body: 'Un autre participant' })).statusCode, 303);
});

test('votes are limited to six hundred in ten minutes per account (each route counts its own)', async () => {
  const d = makeDebate(t.db);
  const { client } = await loginAs(t);
  // Sent in parallel batches: the limit counts requests, not their order.
  for (let i = 0; i < 600; i += 100) {
    const batch = await Promise.all(Array.from({ length: 100 }, (_, j) => client.post(`/debate/${d.stepId}/vote`, { value: (i + j) % 2 ? 'for' : 'against' })));
    assert.ok(batch.every((r) => r.statusCode === 303));
  }
  assert.equal((await client.post(`/debate/${d.stepId}/vote`, { value: 'for' })).statusCode, 429);
  const before = countRows(t, 'debate_votes');
  assert.equal((await client.post(`/debate/${d.stepId}/vote`, { value: 'withdraw' })).statusCode, 429);
  assert.equal(countRows(t, 'debate_votes'), before, 'the refused withdrawal wrote nothing');
});
