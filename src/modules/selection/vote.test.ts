// The ballot's routes on the real app: votes added and taken back without JavaScript (303 back
// to the page) and with htmx (the widget and the summary), refusals in plain words with nothing
// written, and who may vote and who may not.
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { makeApp } from '../../../test/helpers/app.ts';
import { anonymous, countRows } from '../../../test/helpers/factories.ts';
import { makeSelection, selectionCounters, setSelectionState, voterClient } from './test-fixtures.ts';

const t = await makeApp();
after(() => t.close());
const hx = { 'hx-request': 'true' };
/** The page's text with narrow and no-break spaces (number formatting) as plain spaces. */
const plain = (body: string) => body.replace(/[\u202f\u00a0]/g, ' ');

test('a voter votes without JavaScript, comes back to the page, and the counters move', async () => {
  const fx = makeSelection(t.db, { settings: { vote_type: 'budget', budget: 3000 }, proposals: [{ cost: 1000 }, { cost: 2500 }] });
  const { client, userId } = await voterClient(t);
  const back = `/selection/${fx.stepId}`;
  const res = await client.post(`/selection/${fx.stepId}/votes`, { proposal: String(fx.proposals[0]!.id), back });
  assert.equal(res.statusCode, 303);
  assert.equal(res.headers.location, `${back}#selection-vote-${fx.proposals[0]!.id}`);
  assert.equal(countRows(t, `selection_votes where user_id = ${userId}`), 1);
  const c = selectionCounters(t, fx.stepId);
  assert.deepEqual(c.stored, c.recount);
  assert.equal(c.stored[0]!.votes, 1);
  const page = await client.get(`/selection/${fx.stepId}/ballot`);
  assert.equal(page.statusCode, 200);
  assert.match(plain(page.body), /1 000 € utilisés sur 3 000 €, il reste 2 000 €/);
  const over = await client.post(`/selection/${fx.stepId}/votes`, { proposal: String(fx.proposals[1]!.id), back: `/selection/${fx.stepId}/ballot` });
  assert.equal(over.statusCode, 422);
  assert.match(plain(over.body), /coûte 2 500 € et il ne vous reste que 2 000 €/);
  assert.equal(countRows(t, `selection_votes where user_id = ${userId}`), 1);
});

test('with htmx the answer is the widget and the summary out of band', async () => {
  const fx = makeSelection(t.db, { settings: { vote_type: 'budget', budget: 3000 }, proposals: [{ cost: 1000 }, { cost: 2500 }] });
  const { client } = await voterClient(t, {});
  const res = await client.post(`/selection/${fx.stepId}/votes`, { proposal: String(fx.proposals[0]!.id), back: `/selection/${fx.stepId}` }, hx);
  assert.equal(res.statusCode, 200);
  assert.match(res.body, new RegExp(`id="selection-vote-${fx.proposals[0]!.id}"`));
  assert.match(res.body, /data-hx-swap-oob="outerHTML"/);
  const over = await client.post(`/selection/${fx.stepId}/votes`, { proposal: String(fx.proposals[1]!.id), back: `/selection/${fx.stepId}` }, hx);
  assert.equal(over.statusCode, 422);
  assert.match(over.body, /role="alert"/);
});

test('an anonymous visitor is sent to log in, and nothing is written', async () => {
  const fx = makeSelection(t.db);
  const client = await anonymous(t);
  const res = await client.post(`/selection/${fx.stepId}/votes`, { proposal: String(fx.proposals[0]!.id) });
  assert.equal(res.statusCode, 403);
  assert.equal(countRows(t, `selection_votes where step_id = ${fx.stepId}`), 0);
  const page = await client.get(`/selection/${fx.stepId}/ballot`);
  assert.equal(page.statusCode, 303);
  assert.match(String(page.headers.location), /^\/login\?next=/);
});

test('an unconfirmed person, or one lacking the step’s requirements, is refused by the gate and nothing is written', async () => {
  const fx = makeSelection(t.db, { requires: { district: true } });
  const unconfirmed = await voterClient(t, { confirmed: false, districtId: fx.districts[0] });
  const noDistrict = await voterClient(t);
  for (const { client, userId } of [unconfirmed, noDistrict]) {
    const res = await client.post(`/selection/${fx.stepId}/votes`, { proposal: String(fx.proposals[0]!.id) });
    assert.equal(res.statusCode, 403);
    assert.equal(countRows(t, `selection_ballots where user_id = ${userId}`), 0);
  }
  const ok = await voterClient(t, { districtId: fx.districts[0] });
  assert.equal((await ok.client.post(`/selection/${fx.stepId}/votes`, { proposal: String(fx.proposals[0]!.id) })).statusCode, 303);
});

test('a proposal of another step, a hidden one or a forged id is refused with 404; a closed step with 403', async () => {
  const fx = makeSelection(t.db, { proposals: [{}, { published: false }] });
  const other = makeSelection(t.db);
  const { client, userId } = await voterClient(t);
  for (const id of [other.proposals[0]!.id, fx.proposals[1]!.id, 999999]) {
    const res = await client.post(`/selection/${fx.stepId}/votes`, { proposal: String(id) });
    assert.equal(res.statusCode, 404, String(id));
    assert.match(res.body, /ne fait pas partie de ce vote/);
  }
  assert.equal((await client.post(`/selection/${fx.stepId}/votes`, { proposal: 'abc' })).statusCode, 400);
  setSelectionState(t.db, fx.stepId, 'closed');
  assert.equal((await client.post(`/selection/${fx.stepId}/votes`, { proposal: String(fx.proposals[0]!.id) })).statusCode, 403);
  assert.equal(countRows(t, `selection_votes where user_id = ${userId}`), 0);
});

test('a ranked ballot is reordered without JavaScript, and the points follow', async () => {
  const fx = makeSelection(t.db, { settings: { ranked: true, votes_max: 3 }, proposals: 3 });
  const { client } = await voterClient(t);
  const [a, b] = fx.proposals.map((p) => p.id) as [number, number];
  for (const id of [a, b]) await client.post(`/selection/${fx.stepId}/votes`, { proposal: String(id) });
  const points = () => t.db.sqlite.prepare('select points from selection_proposals where step_id = ? and proposal_id in (?, ?) order by proposal_id').all(fx.stepId, a, b).map((r) => (r as { points: number }).points);
  assert.deepEqual(points(), [3, 2]);
  const page = await client.get(`/selection/${fx.stepId}/ballot`);
  assert.match(page.body, /Monter/);
  const moved = await client.post(`/selection/${fx.stepId}/votes/${b}/move`, { direction: 'up', back: `/selection/${fx.stepId}/ballot` });
  assert.equal(moved.statusCode, 303);
  assert.equal(moved.headers.location, `/selection/${fx.stepId}/ballot`);
  assert.deepEqual(points(), [2, 3]);
  const refused = await client.post(`/selection/${fx.stepId}/votes/${b}/move`, { direction: 'up', back: `/selection/${fx.stepId}/ballot` });
  assert.equal(refused.statusCode, 409);
  assert.match(refused.body, /déjà en première position/);
  assert.equal((await client.post(`/selection/${fx.stepId}/votes/${b}/move`, { direction: 'sideways' })).statusCode, 400);
});

test('votes under the minimum are stored but not counted, and count from the minimum on, either way', async () => {
  const fx = makeSelection(t.db, { settings: { votes_min: 2 }, proposals: 3 });
  const { client } = await voterClient(t);
  const [a, b] = fx.proposals.map((p) => String(p.id)) as [string, string];
  const total = () => selectionCounters(t, fx.stepId).stored.reduce((sum, p) => sum + p.votes, 0);
  await client.post(`/selection/${fx.stepId}/votes`, { proposal: a });
  assert.equal(total(), 0);
  assert.match(plain((await client.get(`/selection/${fx.stepId}/ballot`)).body), /compteront à partir de 2 votes : encore un/);
  await client.post(`/selection/${fx.stepId}/votes`, { proposal: b });
  assert.equal(total(), 2);
  await client.post(`/selection/${fx.stepId}/votes/${a}/delete`, { back: `/selection/${fx.stepId}` });
  assert.equal(total(), 0);
  const c = selectionCounters(t, fx.stepId);
  assert.deepEqual(c.stored, c.recount);
});

test('with confirmation nothing counts until the ballot is validated, which is final', async () => {
  const fx = makeSelection(t.db, { settings: { confirm: true }, proposals: 3 });
  const { client } = await voterClient(t);
  const [a, b, c] = fx.proposals.map((p) => String(p.id)) as [string, string, string];
  const empty = await client.post(`/selection/${fx.stepId}/ballot/validate`, {});
  assert.equal(empty.statusCode, 422);
  await client.post(`/selection/${fx.stepId}/votes`, { proposal: a });
  await client.post(`/selection/${fx.stepId}/votes`, { proposal: b });
  assert.equal(selectionCounters(t, fx.stepId).stored.reduce((sum, p) => sum + p.votes, 0), 0);
  const page = await client.get(`/selection/${fx.stepId}/ballot`);
  assert.match(page.body, /Valider mon bulletin/);
  assert.equal((await client.post(`/selection/${fx.stepId}/ballot/validate`, {})).statusCode, 303);
  assert.equal(selectionCounters(t, fx.stepId).stored.reduce((sum, p) => sum + p.votes, 0), 2);
  const after = await client.post(`/selection/${fx.stepId}/votes`, { proposal: c, back: `/selection/${fx.stepId}/ballot` });
  assert.equal(after.statusCode, 409);
  assert.match(after.body, /définitif/);
  assert.equal((await client.post(`/selection/${fx.stepId}/votes/${a}/delete`, {})).statusCode, 409);
  assert.equal((await client.post(`/selection/${fx.stepId}/ballot/validate`, {})).statusCode, 409);
  assert.equal(selectionCounters(t, fx.stepId).stored.reduce((sum, p) => sum + p.votes, 0), 2);
});

test('with district envelopes a person votes in their declared district, may change it until a district vote, and never in another', async () => {
  const fx = makeSelection(t.db, { settings: { vote_type: 'budget', budget: 1000, envelopes: 'districts_and_city' }, proposals: [{ district: 0 }, { district: 1 }, { district: null }] });
  const [north, south] = fx.districts as [number, number];
  const { client, userId } = await voterClient(t, { districtId: north });
  const ballot = await client.get(`/selection/${fx.stepId}/ballot`);
  assert.match(ballot.body, new RegExp(`<option value="${north}" selected>`));
  assert.equal((await client.post(`/selection/${fx.stepId}/ballot/district`, { district: String(south) })).statusCode, 303);
  assert.equal((await client.post(`/selection/${fx.stepId}/votes`, { proposal: String(fx.proposals[0]!.id) })).statusCode, 422, 'north is no longer their envelope');
  assert.equal((await client.post(`/selection/${fx.stepId}/votes`, { proposal: String(fx.proposals[1]!.id) })).statusCode, 303);
  assert.equal((await client.post(`/selection/${fx.stepId}/votes`, { proposal: String(fx.proposals[2]!.id) })).statusCode, 303, 'the city-wide envelope');
  const locked = await client.post(`/selection/${fx.stepId}/ballot/district`, { district: String(north) });
  assert.equal(locked.statusCode, 409);
  assert.match(locked.body, /retirez ces votes pour changer de quartier/);
  assert.equal((await client.post(`/selection/${fx.stepId}/ballot/district`, { district: '999999' })).statusCode, 422);
  const row = t.db.sqlite.prepare('select district_id as d, votes from selection_ballots where step_id = ? and user_id = ?').get(fx.stepId, userId);
  assert.deepEqual(row, { d: south, votes: 2 });
  assert.match(plain((await client.get(`/selection/${fx.stepId}/ballot`)).body), /Enveloppe de toute la ville : 1 000 € utilisés sur 1 000 €/);
});

test('the ballot page reads in English too', async () => {
  const fx = makeSelection(t.db, { settings: { vote_type: 'budget', budget: 3000 }, proposals: [{ cost: 1000 }] });
  const { client } = await voterClient(t);
  await client.get('/lang/en');
  await client.post(`/selection/${fx.stepId}/votes`, { proposal: String(fx.proposals[0]!.id) });
  const page = await client.get(`/selection/${fx.stepId}/ballot`);
  assert.match(plain(page.body), /Budget: €1,000 used out of €3,000, €2,000 left/);
  assert.match(page.body, /Take my vote back/);
});

test('the ballot page tells a person lacking a requirement what to complete, and offers no vote form', async () => {
  const fx = makeSelection(t.db, { requires: { postal: true } });
  const { client } = await voterClient(t);
  const page = await client.get(`/selection/${fx.stepId}/ballot`);
  assert.equal(page.statusCode, 200);
  assert.match(page.body, /class="requirements"/);
  assert.doesNotMatch(page.body, /ballot\/validate|\/delete"/);
});
