// The ballot's routes on the real app: votes added and taken back without JavaScript (303 back
// to the page) and with htmx (the widget and the summary), refusals in plain words with nothing
// written, and who may vote and who may not.
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { makeApp } from '../../../test/helpers/app.ts';
import { anonymous, countRows } from '../../../test/helpers/factories.ts';
import { makeSelection, selectionCounters, voterClient } from './test-fixtures.ts';

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
