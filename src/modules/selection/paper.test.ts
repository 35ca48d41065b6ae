// Paper ballots: administrators alone enter each proposal's paper votes (and points when ranked)
// on the results' admin page; whole numbers from 0, or the form comes back with its errors and
// nothing is written; each change is logged with who made it; refused before the vote opens and
// after publication; results add paper votes to digital ones.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { makeApp, type TestApp } from '../../../test/helpers/app.ts';
import { anonymous, loginAs } from '../../../test/helpers/factories.ts';
import { makeSelection, setSelectionState } from './test-fixtures.ts';
import { paperLog, setCounters } from './results-fixtures.ts';
import { parseCount } from './paper-rules.ts';

let t: TestApp;
before(async () => (t = await makeApp()));
after(() => t.close());

const paper = (stepId: number) => t.db.sqlite.prepare('select proposal_id as id, paper_votes as votes, paper_points as points from selection_proposals where step_id = ? order by proposal_id').all(stepId) as { id: number; votes: number; points: number }[];

test('typed counts are whole numbers from 0 to the ceiling, French thousands separators allowed', () => {
  const table: [string, number | string][] = [
    ['0', 0],
    ['12', 12],
    ['1 200', 1200],
    ['1\u202f200', 1200],
    ['', 'forms.required'],
    ['-1', 'selection.results.error.whole'],
    ['1.5', 'selection.results.error.whole'],
    ['1,5', 'selection.results.error.whole'],
    ['douze', 'selection.results.error.whole'],
    ['10 001', 'selection.results.error.whole'],
  ];
  for (const [input, expected] of table) {
    const r = parseCount(input, 10_000);
    assert.deepEqual(typeof r === 'number' ? r : r.key, expected, input);
  }
});

test('only administrators reach the results’ admin page and enter paper votes', async () => {
  const fx = makeSelection(t.db, { state: 'open', proposals: 2 });
  const url = `/selection/${fx.stepId}/results/admin`;
  const form = { [`votes_${fx.proposals[0]!.id}`]: '3', [`votes_${fx.proposals[1]!.id}`]: '0' };
  const post = `/selection/${fx.stepId}/results/paper`;
  assert.equal((await t.client().get(url)).statusCode, 303, 'anonymous: to the login page');
  assert.equal((await (await anonymous(t)).post(post, form)).statusCode, 401);
  for (const who of ['citizen', 'moderator'] as const) {
    const { client } = await loginAs(t, who);
    assert.equal((await client.get(url)).statusCode, 403, who);
    assert.equal((await client.post(post, form)).statusCode, 403, who);
  }
  assert.deepEqual(paper(fx.stepId).map((p) => p.votes), [0, 0]);
  assert.equal(paperLog(t.db, fx.stepId).length, 0);
  const { client: admin, userId } = await loginAs(t, 'admin');
  const page = await admin.get(url);
  assert.equal(page.statusCode, 200);
  assert.match(page.body, /<label class="visually-hidden" for="field-votes_\d+">Votes papier pour « Proposition \d+ »<\/label>/);
  const res = await admin.post(post, form);
  assert.equal(res.statusCode, 303);
  assert.equal(res.headers.location, url);
  assert.deepEqual(paper(fx.stepId).map((p) => p.votes), [3, 0]);
  assert.deepEqual(paperLog(t.db, fx.stepId), [{ proposal_id: fx.proposals[0]!.id, user_id: userId, votes_before: 0, votes_after: 3, points_before: 0, points_after: 0 }]);
  const after = await admin.get(url);
  assert.match(after.body, /Les votes papier sont enregistrés\./);
  assert.match(after.body, /« Proposition \d+ », votes papier 0 → 3\./);
});

test('a wrong count comes back beside its field in the person’s language, and nothing is written', async () => {
  const fx = makeSelection(t.db, { state: 'closed', proposals: 2 });
  const [a, b] = fx.proposals.map((p) => p.id) as [number, number];
  const { client: admin } = await loginAs(t, 'admin');
  await admin.post(`/selection/${fx.stepId}/results/paper`, { [`votes_${a}`]: '4', [`votes_${b}`]: '1' });
  const post = `/selection/${fx.stepId}/results/paper`;
  const res = await admin.post(post, { [`votes_${a}`]: '7', [`votes_${b}`]: '-2' });
  assert.equal(res.statusCode, 422);
  assert.match(res.body, /Saisissez un nombre entier, de 0 à 10[\s\u202f]000[\s\u202f]000\./);
  assert.match(res.body, new RegExp(`id="field-votes_${b}" name="votes_${b}" type="text" inputmode="numeric" size="8" value="-2" aria-invalid="true"`));
  assert.match(res.body, new RegExp(`value="7"`), 'the values sent are kept');
  assert.match(res.body, /class="error-summary"/);
  const empty = await admin.post(post, { [`votes_${a}`]: '' });
  assert.equal(empty.statusCode, 422);
  await admin.get('/lang/en');
  assert.match((await admin.post(post, { [`votes_${a}`]: '1.5', [`votes_${b}`]: '1' })).body, /Enter a whole number from 0 to 10,000,000\./);
  assert.deepEqual(paper(fx.stepId).map((p) => p.votes), [4, 1]);
  assert.equal(paperLog(t.db, fx.stepId).length, 2);
  const winners = await admin.post(`/selection/${fx.stepId}/results/winners`, { winners_max: 'deux' });
  assert.equal(winners.statusCode, 422);
  assert.match(winners.body, /Enter a whole number from 0 to 1,000\./);
});

test('a ranked step takes paper points too, and results add them to the digital ones exactly', async () => {
  const fx = makeSelection(t.db, { state: 'closed', settings: { ranked: true, votes_max: 3 }, proposals: 2 });
  const [a, b] = fx.proposals.map((p) => p.id) as [number, number];
  setCounters(t.db, fx.stepId, a, 4, 10);
  setCounters(t.db, fx.stepId, b, 3, 9);
  const { client: admin } = await loginAs(t, 'admin');
  const post = `/selection/${fx.stepId}/results/paper`;
  const missing = await admin.post(post, { [`votes_${a}`]: '1', [`votes_${b}`]: '2' });
  assert.equal(missing.statusCode, 422, 'points are asked for');
  assert.equal((await admin.post(post, { [`votes_${a}`]: '1', [`points_${a}`]: '2', [`votes_${b}`]: '2', [`points_${b}`]: '5' })).statusCode, 303);
  assert.deepEqual(paper(fx.stepId), [
    { id: a, votes: 1, points: 2 },
    { id: b, votes: 2, points: 5 },
  ]);
  const body = (await admin.get(`/selection/${fx.stepId}/results`)).body;
  assert.match(body, /14 <span class="meta">\(dont 5 sur papier\)<\/span>/);
  assert.match(body, /12 <span class="meta">\(dont 2 sur papier\)<\/span>/);
  assert.match((await admin.get(`/selection/${fx.stepId}/results/admin`)).body, /points papier 0 → 5\./);
});

test('paper votes are refused before the vote opens and after publication, and an unchanged form logs nothing', async () => {
  const fx = makeSelection(t.db, { state: 'upcoming', proposals: 1 });
  const a = fx.proposals[0]!.id;
  const { client: admin } = await loginAs(t, 'admin');
  const post = `/selection/${fx.stepId}/results/paper`;
  const early = await admin.post(post, { [`votes_${a}`]: '1' });
  assert.equal(early.statusCode, 403);
  assert.match(early.body, /Le vote n’a pas commencé/);
  assert.match((await admin.get(`/selection/${fx.stepId}/results/admin`)).body, /Les votes papier se saisissent une fois le vote ouvert\./);
  setSelectionState(t.db, fx.stepId, 'closed');
  assert.equal((await admin.post(post, { [`votes_${a}`]: '1' })).statusCode, 303);
  assert.equal((await admin.post(post, { [`votes_${a}`]: '1' })).statusCode, 303);
  assert.equal(paperLog(t.db, fx.stepId).length, 1, 'the same count again is no change');
  assert.equal((await admin.post(`/selection/${fx.stepId}/results/publish`)).statusCode, 303);
  const late = await admin.post(post, { [`votes_${a}`]: '5' });
  assert.equal(late.statusCode, 403);
  assert.match(late.body, /déjà publiés/);
  assert.deepEqual(paper(fx.stepId).map((p) => p.votes), [1]);
  assert.match((await admin.get(`/selection/${fx.stepId}/results/admin`)).body, /les votes papier ne changent plus/);
});

test('with district envelopes the paper form names each proposal’s envelope', async () => {
  const fx = makeSelection(t.db, { state: 'closed', settings: { envelopes: 'districts_and_city' }, proposals: [{ district: 0 }, { district: null }] });
  const { client: admin } = await loginAs(t, 'admin');
  const body = (await admin.get(`/selection/${fx.stepId}/results/admin`)).body;
  assert.match(body, /<th scope="col">Enveloppe<\/th>/);
  assert.match(body, /<td>Enveloppe pour toute la collectivité<\/td>/);
  assert.match(body, /<td>Quartier \d+-1<\/td>/);
});
