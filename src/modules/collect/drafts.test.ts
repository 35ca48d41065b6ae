// Drafts: saved incomplete, seen by their author only (not listed, not searched, not in the
// contributions core), submitted later as a proposal with its reference number, or deleted.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { makeApp, type TestApp } from '../../../test/helpers/app.ts';
import { countRows, loginAs } from '../../../test/helpers/factories.ts';
import { addProposal, makeCollect, setState } from './test-fixtures.ts';

let t: TestApp;
before(async () => (t = await makeApp()));
after(() => t.close());

const url = (c: { stepId: number }) => `/collect/${c.stepId}/proposals`;

test('an incomplete proposal saved as a draft is its author’s alone: not listed, not searched, not a contribution', async () => {
  const c = makeCollect(t.db);
  const { client } = await loginAs(t);
  const res = await client.post(url(c), { title: 'Une patinoire éphémère', summary: '', body: 'Place de la mairie en hiver.', intent: 'draft' });
  assert.equal(res.statusCode, 303);
  assert.match(res.headers.location as string, new RegExp(`/collect/${c.stepId}/drafts/\\d+$`));
  const page = await client.get(res.headers.location as string);
  assert.equal(page.statusCode, 200);
  assert.match(page.body, /Ce brouillon n’est visible que par vous/);
  assert.match(page.body, /value="Une patinoire éphémère"/);
  assert.match(page.body, /Place de la mairie en hiver\.<\/textarea>/);
  assert.equal(countRows(t, `contributions where step_id = ${c.stepId}`), 0);
  assert.equal(t.db.sqlite.prepare("select count(*) from collect_fts where collect_fts match 'patinoire'").pluck().get(), 0);
  const list = await client.get(`/collect/${c.stepId}`);
  assert.match(list.body, /Mes brouillons/);
  assert.match(list.body, /Une patinoire éphémère/);
  const { client: other } = await loginAs(t);
  assert.doesNotMatch((await other.get(`/collect/${c.stepId}`)).body, /patinoire/);
  assert.equal((await other.get(res.headers.location as string)).statusCode, 404);
  assert.doesNotMatch((await t.client().get(`/collect/${c.stepId}?q=patinoire`)).body, /patinoire éphémère<\/a>/);
});

test('a draft still needs its title and keeps within the limits', async () => {
  const c = makeCollect(t.db);
  const { client } = await loginAs(t);
  const res = await client.post(url(c), { title: '', summary: 'x'.repeat(301), intent: 'draft' });
  assert.equal(res.statusCode, 422);
  assert.match(res.body, /id="field-title-error"/);
  assert.match(res.body, /id="field-summary-error"/);
  assert.equal(countRows(t, `collect_drafts where step_id = ${c.stepId}`), 0);
});

test('a draft saved again keeps its address; submitted, it becomes a proposal with the next reference and is gone', async () => {
  const c = makeCollect(t.db);
  const { client, userId } = await loginAs(t);
  addProposal(t.db, c, userId);
  const draftUrl = (await client.post(url(c), { title: 'Brouillon', intent: 'draft' })).headers.location as string;
  const again = await client.post(draftUrl, { title: 'Brouillon revu', summary: 'Plus complet', intent: 'draft' });
  assert.equal(again.headers.location, draftUrl);
  assert.equal(countRows(t, `collect_drafts where step_id = ${c.stepId}`), 1);
  const refused = await client.post(draftUrl, { title: 'Brouillon revu', summary: '', body: '', intent: 'submit' });
  assert.equal(refused.statusCode, 422, 'a submission asks for every required field');
  const submitted = await client.post(draftUrl, { title: 'Brouillon revu', summary: 'Plus complet', body: 'Le texte.', intent: 'submit' });
  assert.equal(submitted.statusCode, 303);
  assert.match(submitted.headers.location as string, /\/proposals\/\d+$/);
  assert.match((await client.get(submitted.headers.location as string)).body, /Proposition n° 2/);
  assert.equal(countRows(t, `collect_drafts where step_id = ${c.stepId}`), 0);
  assert.equal((await client.get(draftUrl)).statusCode, 404);
});

test('once the step is closed, the author still reads their draft but is offered no button to submit it', async () => {
  const c = makeCollect(t.db);
  const { client } = await loginAs(t);
  const draftUrl = (await client.post(url(c), { title: 'Trop tard', intent: 'draft' })).headers.location as string;
  setState(t.db, c, 'closed');
  const page = await client.get(draftUrl);
  assert.equal(page.statusCode, 200);
  assert.match(page.body, /Le dépôt de propositions est terminé/);
  assert.doesNotMatch(page.body, /name="intent"/);
  assert.equal((await client.post(draftUrl, { title: 'Trop tard', summary: 's', body: 'b', intent: 'submit' })).statusCode, 403);
});

test('a draft is deleted by its author; someone else’s deletion finds nothing', async () => {
  const c = makeCollect(t.db);
  const { client } = await loginAs(t);
  const draftUrl = (await client.post(url(c), { title: 'À jeter', intent: 'draft' })).headers.location as string;
  const { client: other } = await loginAs(t);
  assert.equal((await other.post(`${draftUrl}/delete`)).statusCode, 404);
  assert.equal((await client.post(`${draftUrl}/delete`)).statusCode, 303);
  assert.equal(countRows(t, `collect_drafts where step_id = ${c.stepId}`), 0);
});
