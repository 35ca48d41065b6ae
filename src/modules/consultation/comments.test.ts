// Comments on a consultation's opinions and amendments: on by default, off by the step setting.
// The thread itself is the comments module's (its tests); here, what the item's page offers.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { makeApp, type TestApp } from '../../../test/helpers/app.ts';
import { addUser, loginAs } from '../../../test/helpers/factories.ts';
import { addItem, makeConsultation } from './test-fixtures.ts';

let t: TestApp;
before(async () => (t = await makeApp()));
after(() => t.close());

test('an item’s page loads its comments with htmx, links to them without JavaScript, and has none when the step turns them off', async () => {
  const d = makeConsultation(t.db);
  const itemId = addItem(t.db, d, d.sectionId, addUser(t.db));
  // Logged in: the page is built for the request (an anonymous one may come from the page cache).
  const { client } = await loginAs(t);
  const page = (await client.get(`/consultation/${d.stepId}/items/${itemId}`)).body;
  assert.match(page, new RegExp(`data-hx-get="/comments/${itemId}\\?embed=1" data-hx-trigger="load"`));
  assert.match(page, new RegExp(`<a href="/comments/${itemId}">`), 'the link without JavaScript');
  assert.equal((await client.get(`/comments/${itemId}`)).statusCode, 200);

  t.db.sqlite.prepare('update steps set settings = ? where id = ?').run(JSON.stringify({ comments: false }), d.stepId);
  const off = (await client.get(`/consultation/${d.stepId}/items/${itemId}`)).body;
  assert.doesNotMatch(off, /\/comments\//);
  assert.equal((await client.get(`/comments/${itemId}`)).statusCode, 404);
});
