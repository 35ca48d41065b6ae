// The queue of likely duplicates: recent proposals with their look-alikes (each pair once),
// "not a duplicate" remembered so the pair leaves the queue, the merge link for administrators;
// moderators and administrators only; bad input refused.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { makeApp, type TestApp } from '../../../test/helpers/app.ts';
import { addUser, loginAs } from '../../../test/helpers/factories.ts';
import { addProposal, makeCollect } from './test-fixtures.ts';
import { listSuspects, PER_PROPOSAL, QUEUE_SIZE } from './duplicates.ts';

let t: TestApp;
before(async () => (t = await makeApp()));
after(() => t.close());

function scene() {
  const c = makeCollect(t.db);
  const author = addUser(t.db);
  const fountain = addProposal(t.db, c, author, { title: 'Une fontaine à eau au parc Montsouris' });
  const bench = addProposal(t.db, c, author, { title: 'Des bancs pour la place du marché' });
  const fountain2 = addProposal(t.db, c, author, { title: 'Fontaine à eau potable parc Montsouris' });
  return { c, fountain, bench, fountain2, base: `/collect/${c.stepId}` };
}

test('the queue shows each likely pair once, under the newer proposal; unrelated ones are not listed', async () => {
  const s = scene();
  const suspects = listSuspects(t.db, s.c.stepId);
  assert.deepEqual(suspects.map((x) => [x.id, x.similar.map((y) => y.id)]), [[s.fountain2, [s.fountain]]]);
  const { client } = await loginAs(t, 'moderator');
  const page = await client.get(`${s.base}/admin/duplicates`);
  assert.equal(page.statusCode, 200);
  assert.match(page.body, /Fontaine à eau potable parc Montsouris/);
  assert.match(page.body, /Ressemble à :/);
  assert.doesNotMatch(page.body, /Fusionner…/, 'merging is the administrators’');
  const admin = (await loginAs(t, 'admin')).client;
  assert.match((await admin.get(`${s.base}/admin/duplicates`)).body, /href="\/collect\/\d+\/admin\/merge\?target=\d+&amp;sources=\d+"/);
});

test('"not a duplicate" is remembered: the pair leaves the queue for good', async () => {
  const s = scene();
  const { client } = await loginAs(t, 'moderator');
  const res = await client.post(`${s.base}/admin/duplicates/distinct`, { first: String(s.fountain2), second: String(s.fountain) });
  assert.equal(res.statusCode, 303);
  assert.equal(res.headers.location, `${s.base}/admin/duplicates`);
  assert.equal((await client.post(`${s.base}/admin/duplicates/distinct`, { first: String(s.fountain), second: String(s.fountain2) })).statusCode, 303, 'twice, in either order: one row');
  assert.equal((t.db.sqlite.prepare('select count(*) as n from collect_distinct_pairs where step_id = ?').get(s.c.stepId) as { n: number }).n, 1);
  assert.deepEqual(listSuspects(t.db, s.c.stepId), []);
  assert.match((await client.get(`${s.base}/admin/duplicates`)).body, /Aucun doublon probable/);
});

test('bad input and proposals of another step are refused, and nothing is remembered', async () => {
  const s = scene();
  const other = scene();
  const { client } = await loginAs(t, 'admin');
  const url = `${s.base}/admin/duplicates/distinct`;
  assert.equal((await client.post(url, { first: 'x', second: String(s.fountain) })).statusCode, 400);
  assert.equal((await client.post(url, { first: String(s.fountain), second: String(s.fountain) })).statusCode, 400);
  assert.equal((await client.post(url, { first: String(s.fountain), second: String(other.fountain) })).statusCode, 404);
  assert.equal((t.db.sqlite.prepare('select count(*) as n from collect_distinct_pairs where step_id in (?, ?)').get(s.c.stepId, other.c.stepId) as { n: number }).n, 0);
});

test('only moderators and administrators see the queue or dismiss a pair', async () => {
  const s = scene();
  const { client } = await loginAs(t, 'citizen');
  assert.equal((await client.get(`${s.base}/admin/duplicates`)).statusCode, 403);
  assert.equal((await client.post(`${s.base}/admin/duplicates/distinct`, { first: String(s.fountain), second: String(s.fountain2) })).statusCode, 403);
  assert.equal((await t.client().get(`${s.base}/admin/duplicates`)).statusCode, 303);
  assert.equal((t.db.sqlite.prepare('select count(*) as n from collect_distinct_pairs where step_id = ?').get(s.c.stepId) as { n: number }).n, 0);
});

test('the work is bounded: only the newest proposals are looked at, each with a few look-alikes', () => {
  const c = makeCollect(t.db);
  const author = addUser(t.db);
  for (let i = 0; i < QUEUE_SIZE + 10; i++) addProposal(t.db, c, author, { title: `Jardin partagé numéro ${i}` });
  const suspects = listSuspects(t.db, c.stepId);
  assert.ok(suspects.length <= QUEUE_SIZE);
  assert.ok(suspects.every((x) => x.similar.length <= PER_PROPOSAL));
  const newestIds = (t.db.sqlite.prepare('select contribution_id as id from collect_proposals where step_id = ? order by contribution_id desc limit ?').all(c.stepId, QUEUE_SIZE) as { id: number }[]).map((r) => r.id);
  assert.ok(suspects.every((x) => newestIds.includes(x.id)));
});
