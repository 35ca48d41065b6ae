// The participation limits on the collect step's routes (platform/rate-limits.ts): thirty
// proposals or drafts in ten minutes per account, not thirty-one; a refused request writes
// nothing, and another participant is not affected; similar proposals, searched as people type,
// 600 times in ten minutes.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { makeApp, type TestApp } from '../../../test/helpers/app.ts';
import { countRows, loginAs } from '../../../test/helpers/factories.ts';
import { makeCollect } from './test-fixtures.ts';

let t: TestApp;
before(async () => (t = await makeApp({ rateLimits: true })));
after(() => t.close());

test('a participant submits thirty proposals or drafts in ten minutes, not thirty-one; another one still can', async () => {
  const c = makeCollect(t.db);
  const url = `/collect/${c.stepId}/proposals`;
  const { client } = await loginAs(t);
  for (let i = 0; i < 30; i++) {
    const res = await client.post(url, { title: `Idée ${i + 1}`, summary: 'Résumé', body: 'Texte', intent: i % 2 ? 'submit' : 'draft' });
    assert.equal(res.statusCode, 303, `post ${i + 1}`);
  }
  const before = countRows(t, 'contributions') + countRows(t, 'collect_drafts');
  const blocked = await client.post(url, { title: 'Une de trop', summary: 'Résumé', body: 'Texte', intent: 'submit' });
  assert.equal(blocked.statusCode, 429);
  assert.equal(countRows(t, 'contributions') + countRows(t, 'collect_drafts'), before);
  assert.equal((await (await loginAs(t)).client.post(url, { title: 'Un autre participant', summary: 'Résumé', body: 'Texte', intent: 'submit' })).statusCode, 303);
});

test('similar proposals, searched as people type, answer 600 times in ten minutes per account, then 429; another account still searches', async () => {
  const c = makeCollect(t.db);
  const url = `/collect/${c.stepId}/similar?title=${encodeURIComponent('jardin partagé')}`;
  const { client } = await loginAs(t);
  for (let i = 0; i < 600; i++) assert.equal((await client.get(url)).statusCode, 200, `search ${i + 1}`);
  assert.equal((await client.get(url)).statusCode, 429);
  assert.equal((await (await loginAs(t)).client.get(url)).statusCode, 200);
});
