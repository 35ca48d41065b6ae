// Posting is limited per account (thirty texts in ten minutes), so one script cannot flood a
// consultation; another participant is not affected, and a refused post writes nothing.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { makeApp, type TestApp } from '../../../test/helpers/app.ts';
import { loginAs, countRows } from '../../../test/helpers/factories.ts';
import { makeConsultation } from './test-fixtures.ts';

let t: TestApp;
before(async () => (t = await makeApp({ rateLimits: true })));
after(() => t.close());

test('a participant posts thirty contributions in ten minutes, not thirty-one; another one still can', async () => {
  const c = makeConsultation(t.db);
  const url = `/consultation/${c.stepId}/sections/${c.childSectionId}/contributions`;
  const form = { type_id: String(c.typeId), title: 'Une idée', body: 'Un texte.' };
  const { client } = await loginAs(t, 'citizen');
  for (let i = 0; i < 30; i++) assert.equal((await client.post(url, form)).statusCode, 303, `post ${i + 1}`);
  const before = countRows(t.db, 'contributions');
  const blocked = await client.post(url, form);
  assert.equal(blocked.statusCode, 429);
  assert.match(blocked.body, /Trop de tentatives/);
  assert.equal(countRows(t.db, 'contributions'), before);
  const other = await loginAs(t, 'citizen');
  assert.equal((await other.client.post(url, form)).statusCode, 303);
});
