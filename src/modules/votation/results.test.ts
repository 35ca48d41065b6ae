// After the close: the seal publishes the SHA-256 of the canonical ballot file and the results;
// the downloaded file hashes to it, and its recount equals the published results; ballots equal
// marks; a receipt finds its ballot; before the close, files and lookups are refused.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { spawnSync } from 'node:child_process';
import { makeApp, type TestApp } from '../../../test/helpers/app.ts';
import { anonymous, loginAs } from '../../../test/helpers/factories.ts';
import { ballotForm, counts, makeVotation, receiptOf, setState } from './test-fixtures.ts';
import { recountFile } from './ballot-file.ts';
import { findVotation, resultsOf } from './queries.ts';

let t: TestApp;
before(async () => (t = await makeApp()));
after(() => t.close());

test('the published file hashes to the published SHA-256, and its recount equals the published results', async () => {
  const v = makeVotation(t.db);
  const receipts: string[] = [];
  const grades: [string, string, string][] = [['0', '1', '5'], ['2', '2', '2'], ['1', '0', '4'], ['5', '5', '0'], ['1', '1', '1']];
  for (const [i, g] of grades.entries()) {
    const { client } = await loginAs(t);
    await client.get(`/votation/${v.stepId}`);
    const res = await client.post(`/votation/${v.stepId}/ballot`, i === 4 ? ballotForm('', g, { q0_blank: '1' }) : ballotForm(String(i % 2), g));
    assert.equal(res.statusCode, 200);
    receipts.push(receiptOf(res.body)!);
  }
  const c = await anonymous(t);
  assert.equal((await c.get(`/votation/${v.stepId}/ballots.json`)).statusCode, 403, 'not before the close');
  assert.equal((await c.post(`/votation/${v.stepId}/lookup`, { receipt: receipts[0]! })).statusCode, 403);
  const open = await c.get(`/votation/${v.stepId}`);
  assert.match(open.body, /Participation : 5 votants/);
  assert.doesNotMatch(open.body, /Résultats/);

  setState(t.db, v.stepId, 'closed');
  t.app.pageCache.clear(); // the state follows the clock; the cached open page would live 10 s
  const page = await c.get(`/votation/${v.stepId}`);
  assert.equal(page.statusCode, 200);
  const row = findVotation(t.db, v.stepId);
  assert.ok(row.sealed_at && row.ballots_sha256);
  assert.match(page.body, new RegExp(row.ballots_sha256!));
  const file = await c.get(`/votation/${v.stepId}/ballots.json`);
  assert.equal(file.statusCode, 200);
  assert.equal(createHash('sha256').update(file.rawPayload).digest('hex'), row.ballots_sha256);
  const recount = recountFile(file.rawPayload);
  assert.deepEqual(recount.results, resultsOf(row));
  assert.equal(recount.results.ballots, 5);
  // The command line prints the same results from the downloaded file.
  const saved = path.join(t.dataDir, 'ballots.json');
  fs.writeFileSync(saved, file.rawPayload);
  const cli = spawnSync(process.execPath, ['--import', 'tsx', 'src/main.ts', 'recount', saved], { encoding: 'utf8' });
  assert.equal(cli.status, 0, cli.stderr);
  assert.match(cli.stdout, new RegExp(`SHA-256 of the file: ${row.ballots_sha256}`));
  assert.match(cli.stdout, /Ballots: 5/);
  assert.match(cli.stdout, /1\. Place des Tilleuls: 2/);
  assert.deepEqual(recount.results.questions[0]!.method === 'single' && [recount.results.questions[0]!.result.counts, recount.results.questions[0]!.result.blank], [[2, 2], 1]);
  const c2 = counts(t.db, v.stepId);
  assert.equal(c2.ballots, c2.voters);
  // Ids in ascending order, nothing about people.
  const ids = (JSON.parse(file.body) as { ballots: { id: string }[] }).ballots.map((b) => b.id);
  assert.deepEqual(ids, [...ids].sort());
  assert.doesNotMatch(file.body, /user|email|@/);
  // Sealed once: a second read changes nothing.
  await c.get(`/votation/${v.stepId}`);
  assert.equal(findVotation(t.db, v.stepId).sealed_at, row.sealed_at);
  const csv = await c.get(`/votation/${v.stepId}/ballots.csv`);
  assert.equal(csv.statusCode, 200);
  assert.equal(csv.body.trim().split('\r\n').length, 6);
  // A receipt finds its ballot; another is not found (422).
  await c.get(`/votation/${v.stepId}`);
  const found = await c.post(`/votation/${v.stepId}/lookup`, { receipt: receipts[3]! });
  assert.equal(found.statusCode, 200);
  assert.match(found.body, /Fontaine : Excellent/);
  const missing = await c.post(`/votation/${v.stepId}/lookup`, { receipt: 'f'.repeat(32) });
  assert.equal(missing.statusCode, 422);
  assert.match(missing.body, /Aucun bulletin de ce vote ne porte ce reçu/);
  // Voting after the seal is refused.
  const { client } = await loginAs(t);
  assert.equal((await client.post(`/votation/${v.stepId}/ballot`, ballotForm('0', ['0', '0', '0']))).statusCode, 403);
});

test('a recount refuses a file whose ballots are out of order or do not fit their questions', () => {
  const head = '{"format":"palabre-ballots/1","step":{"id":1,"title":"x"},"questions":[{"id":1,"title":"q","method":"single","max":null,"blank":false,"options":["a","b"],"grades":null}],"ballots":[\n';
  const a = '0'.repeat(32);
  const b = '1'.repeat(32);
  assert.equal(recountFile(`${head}{"id":"${a}","answers":[1]},\n{"id":"${b}","answers":[0]}\n]}\n`).results.ballots, 2);
  assert.throws(() => recountFile(`${head}{"id":"${b}","answers":[1]},\n{"id":"${a}","answers":[0]}\n]}\n`), /ascending/);
  assert.throws(() => recountFile(`${head}{"id":"${a}","answers":[2]}\n]}\n`), /not an option/);
});

test('a box larger than one read chunk hashes and recounts the same, in id order', async () => {
  const v = makeVotation(t.db);
  const insert = t.db.sqlite.prepare('insert into votation_ballots (step_id, id, answers) values (?, ?, ?)');
  t.db.sqlite.transaction(() => {
    for (let i = 0; i < 4500; i++) insert.run(v.stepId, createHash('md5').update(String(i)).digest('hex'), JSON.stringify([i % 3 === 0 ? null : i % 2, [i % 6, (i * 7) % 6, 5]]));
  })();
  setState(t.db, v.stepId, 'closed');
  t.app.pageCache.clear();
  const c = await anonymous(t);
  assert.equal((await c.get(`/votation/${v.stepId}`)).statusCode, 200);
  const row = findVotation(t.db, v.stepId);
  const file = await c.get(`/votation/${v.stepId}/ballots.json`);
  assert.equal(createHash('sha256').update(file.rawPayload).digest('hex'), row.ballots_sha256);
  const recount = recountFile(file.rawPayload);
  assert.equal(recount.results.ballots, 4500);
  assert.deepEqual(recount.results, resultsOf(row));
});
