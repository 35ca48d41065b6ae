// The queue's pages: twenty rows a page, a "next" link only when a row more exists (nothing is
// counted), the pending tab oldest first, and unreadable page numbers read as the first page.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { makeApp, type TestApp } from '../../../test/helpers/app.ts';
import { addUser, loginAs } from '../../../test/helpers/factories.ts';
import { addArgument, addReport, makeModeratedStep } from './test-fixtures.ts';

let t: TestApp;
before(async () => (t = await makeApp()));
after(() => t.close());

const rows = (html: string) => [...html.matchAll(/id="queue-(\d+)"/g)].map((m) => Number(m[1]));

test('the reported tab pages by twenty without counting; the pending tab lists the oldest first', async () => {
  const s = makeModeratedStep(t.db);
  const ids: number[] = [];
  for (let i = 0; i < 23; i++) {
    const id = addArgument(t.db, s, addUser(t.db));
    addReport(t.db, id, addUser(t.db), 'spam', new Date(Date.UTC(2026, 0, 1, 0, i)).toISOString());
    ids.push(id);
  }
  const { client } = await loginAs(t, 'moderator');
  const first = await client.get('/moderation');
  assert.deepEqual(rows(first.body), ids.slice(3).reverse(), 'newest report first');
  assert.match(first.body, /href="\/moderation\?page=2" rel="next"/);
  const second = await client.get('/moderation?page=2');
  assert.deepEqual(rows(second.body), ids.slice(0, 3).reverse());
  assert.doesNotMatch(second.body, /rel="next"/);
  assert.match(second.body, /href="\/moderation" rel="prev"/);
  assert.match((await client.get('/moderation?page=3')).body, /Il n’y a rien d’autre sur cette page/);
  for (const bad of ['0', '-1', 'abc', '1e9']) assert.deepEqual(rows((await client.get(`/moderation?page=${bad}`)).body), rows(first.body), bad);

  const old = addArgument(t.db, s, addUser(t.db), { status: 'pending', at: '2026-01-01T00:00:00.000Z' });
  const recent = addArgument(t.db, s, addUser(t.db), { status: 'pending', at: '2026-02-01T00:00:00.000Z' });
  const pending = await client.get('/moderation?tab=pending');
  assert.deepEqual(rows(pending.body), [old, recent]);
  assert.match(pending.body, /aria-current="page"[^>]*>En attente de validation/);
  const empty = await loginAs(t, 'admin');
  assert.equal((await empty.client.get('/moderation?tab=nonsense')).statusCode, 200, 'an unknown tab is the reported one');
});
