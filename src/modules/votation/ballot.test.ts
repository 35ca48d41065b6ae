// Casting ballots: by account and by access code, the receipt, one vote per voter kept by the
// database (50 parallel posts leave one mark and one ballot), replacement by receipt, refusals
// that write nothing, and bad input answered 422 in French and English.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { makeApp, type TestApp } from '../../../test/helpers/app.ts';
import { anonymous, loginAs } from '../../../test/helpers/factories.ts';
import { addRoll, ballotForm, counts, makeVotation, receiptOf } from './test-fixtures.ts';

let t: TestApp;
before(async () => (t = await makeApp()));
after(() => t.close());

test('a citizen casts a ballot and gets a receipt; the register and the box each get one row', async () => {
  const v = makeVotation(t.db);
  const { client } = await loginAs(t);
  const page = await client.get(`/votation/${v.stepId}`);
  assert.match(page.body, /Déposer mon bulletin/);
  const res = await client.post(`/votation/${v.stepId}/ballot`, ballotForm('1', ['0', '2', '5']));
  assert.equal(res.statusCode, 200);
  const receipt = receiptOf(res.body);
  assert.ok(receipt && /^([0-9a-f]{4}-){7}[0-9a-f]{4}$/.test(receipt), res.body.slice(0, 300));
  assert.deepEqual(counts(t.db, v.stepId), { ballots: 1, voters: 1, turnout: 1 });
  const stored = t.db.sqlite.prepare('select * from votation_ballots where step_id = ?').get(v.stepId) as Record<string, unknown>;
  assert.deepEqual(Object.keys(stored).sort(), ['answers', 'id', 'step_id'], 'no person, no time');
  assert.equal(stored.id, receipt.replace(/-/g, ''));
  assert.equal(stored.answers, '[1,[0,2,5]]');
  // Voting again is refused, and writes nothing.
  const again = await client.post(`/votation/${v.stepId}/ballot`, ballotForm('0', ['0', '0', '0']));
  assert.equal(again.statusCode, 422);
  assert.deepEqual(counts(t.db, v.stepId), { ballots: 1, voters: 1, turnout: 1 });
});

test('50 identical ballots posted at once leave one mark and one ballot', async () => {
  const v = makeVotation(t.db);
  const { client } = await loginAs(t);
  await client.get(`/votation/${v.stepId}`);
  const answers = await Promise.all(Array.from({ length: 50 }, () => client.post(`/votation/${v.stepId}/ballot`, ballotForm('0', ['1', '1', '1']))));
  assert.equal(answers.filter((r) => r.statusCode === 200).length, 1);
  assert.equal(answers.filter((r) => r.statusCode === 422).length, 49);
  assert.deepEqual(counts(t.db, v.stepId), { ballots: 1, voters: 1, turnout: 1 });
});

test('a code holder votes once with their code; a wrong code is refused with 422', async () => {
  const v = makeVotation(t.db, { electorate: 'roll' });
  const [code, other] = addRoll(t.db, t.dataDir, v.stepId, 2);
  const c = await anonymous(t);
  const page = await c.get(`/votation/${v.stepId}`);
  assert.match(page.body, /Ouvrir mon bulletin/);
  const wrong = await c.post(`/votation/${v.stepId}/code`, { code: 'AAAA-AAAA-AAAA-AAAA-AAAA-AAAA' });
  assert.equal(wrong.statusCode, 422);
  assert.match(wrong.body, /Ce code ne permet pas de voter ici/);
  const opened = await c.post(`/votation/${v.stepId}/code`, { code: code!.toLowerCase().replace(/-/g, ' ') });
  assert.equal(opened.statusCode, 200);
  assert.match(opened.body, /Déposer mon bulletin/);
  const res = await c.post(`/votation/${v.stepId}/ballot`, ballotForm('0', ['0', '1', '2'], { code: code! }));
  assert.equal(res.statusCode, 200);
  assert.ok(receiptOf(res.body));
  const twice = await c.post(`/votation/${v.stepId}/code`, { code: code! });
  assert.equal(twice.statusCode, 422);
  const twiceBallot = await c.post(`/votation/${v.stepId}/ballot`, ballotForm('0', ['0', '1', '2'], { code: code! }));
  assert.equal(twiceBallot.statusCode, 422);
  assert.ok((await c.post(`/votation/${v.stepId}/ballot`, ballotForm('1', ['0', '1', '2'], { code: other! }))).statusCode === 200);
  assert.deepEqual(counts(t.db, v.stepId), { ballots: 2, voters: 2, turnout: 2 });
  // The code of one votation means nothing in another.
  const w = makeVotation(t.db, { electorate: 'roll' });
  addRoll(t.db, t.dataDir, w.stepId, 1);
  assert.equal((await c.post(`/votation/${w.stepId}/code`, { code: code! })).statusCode, 422);
});

test('with changes allowed, the receipt replaces the ballot; the old one is gone; a wrong receipt writes nothing', async () => {
  const v = makeVotation(t.db, { allowChanges: true });
  const { client } = await loginAs(t);
  await client.get(`/votation/${v.stepId}`);
  const first = receiptOf((await client.post(`/votation/${v.stepId}/ballot`, ballotForm('0', ['0', '0', '0']))).body)!;
  const page = await client.get(`/votation/${v.stepId}`);
  assert.match(page.body, /Remplacer votre bulletin/);
  const wrong = await client.post(`/votation/${v.stepId}/ballot`, ballotForm('1', ['5', '5', '5'], { receipt: '0'.repeat(32) }));
  assert.equal(wrong.statusCode, 422);
  assert.match(wrong.body, /Ce reçu ne correspond à aucun bulletin/);
  const missing = await client.post(`/votation/${v.stepId}/ballot`, ballotForm('1', ['5', '5', '5']));
  assert.equal(missing.statusCode, 422);
  const second = await client.post(`/votation/${v.stepId}/ballot`, ballotForm('1', ['5', '5', '5'], { receipt: first }));
  assert.equal(second.statusCode, 200);
  const newId = receiptOf(second.body)!.replace(/-/g, '');
  const rows = t.db.sqlite.prepare('select id, answers from votation_ballots where step_id = ?').all(v.stepId) as { id: string; answers: string }[];
  assert.deepEqual(rows, [{ id: newId, answers: '[1,[5,5,5]]' }]);
  assert.deepEqual(counts(t.db, v.stepId), { ballots: 1, voters: 1, turnout: 1 });
});

test('a ballot missing answers is re-rendered with 422 and its errors, in French and in English', async () => {
  const v = makeVotation(t.db);
  const { client } = await loginAs(t);
  await client.get(`/votation/${v.stepId}`);
  const fr = await client.post(`/votation/${v.stepId}/ballot`, { q0: '', q1_o0: '1' });
  assert.equal(fr.statusCode, 422);
  assert.match(fr.body, /Choisissez une réponse/);
  assert.match(fr.body, /Donnez une mention à chaque proposition/);
  assert.match(fr.body, /value="1" checked/);
  await client.get('/lang/en');
  const en = await client.post(`/votation/${v.stepId}/ballot`, { q0: '', q1_o0: '1' });
  assert.equal(en.statusCode, 422);
  assert.match(en.body, /Choose an answer/);
  assert.match(en.body, /Give each proposal a grade/);
  // A value no form sends is a bad request.
  assert.equal((await client.post(`/votation/${v.stepId}/ballot`, ballotForm('7', ['0', '0', '0']))).statusCode, 400);
  assert.equal((await client.post(`/votation/${v.stepId}/ballot`, ballotForm('0', ['0', '9', '0']))).statusCode, 400);
  assert.deepEqual(counts(t.db, v.stepId), { ballots: 0, voters: 0, turnout: 0 });
});

test('the blank vote is taken when offered', async () => {
  const v = makeVotation(t.db);
  const { client } = await loginAs(t);
  await client.get(`/votation/${v.stepId}`);
  const res = await client.post(`/votation/${v.stepId}/ballot`, ballotForm('', ['0', '1', '2'], { q0_blank: '1' }));
  assert.equal(res.statusCode, 200);
  assert.equal((t.db.sqlite.prepare('select answers from votation_ballots where step_id = ?').get(v.stepId) as { answers: string }).answers, '[null,[0,1,2]]');
});

test('a code holder replaces their ballot with their code and receipt when changes are allowed', async () => {
  const v = makeVotation(t.db, { electorate: 'roll', allowChanges: true });
  const [code] = addRoll(t.db, t.dataDir, v.stepId, 1);
  const c = await anonymous(t);
  await c.get(`/votation/${v.stepId}`);
  const first = receiptOf((await c.post(`/votation/${v.stepId}/ballot`, ballotForm('0', ['0', '0', '0'], { code: code! }))).body)!;
  const reopened = await c.post(`/votation/${v.stepId}/code`, { code: code! });
  assert.equal(reopened.statusCode, 200);
  assert.match(reopened.body, /Remplacer votre bulletin/);
  assert.match(reopened.body, /name="receipt"/);
  const second = await c.post(`/votation/${v.stepId}/ballot`, ballotForm('1', ['1', '1', '1'], { code: code!, receipt: first }));
  assert.equal(second.statusCode, 200);
  assert.match(second.body, /l’ancien est supprimé/);
  assert.deepEqual(counts(t.db, v.stepId), { ballots: 1, voters: 1, turnout: 1 });
  // The old receipt no longer names a ballot.
  assert.equal((await c.post(`/votation/${v.stepId}/ballot`, ballotForm('0', ['2', '2', '2'], { code: code!, receipt: first }))).statusCode, 422);
  assert.deepEqual(counts(t.db, v.stepId), { ballots: 1, voters: 1, turnout: 1 });
});
