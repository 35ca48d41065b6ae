// "Useful" marks: others mark and unmark (never their own), the form's wanted state makes
// repeated and simultaneous requests agree, the counter follows the rows, htmx swaps the button
// in place, and without JavaScript the answer leads back to the list it came from.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { makeApp, type TestApp } from '../../../test/helpers/app.ts';
import { addUser, anonymous, countRows, loginAs } from '../../../test/helpers/factories.ts';
import { addArgument, makeDebate, setState } from './test-fixtures.ts';

let t: TestApp;
before(async () => (t = await makeApp()));
after(() => t.close());

const usefulUrl = (d: { stepId: number }, id: number) => `/debate/${d.stepId}/arguments/${id}/useful`;
const count = (id: number) => (t.db.sqlite.prepare('select useful_count as n from debate_arguments where contribution_id = ?').get(id) as { n: number }).n;
const marks = (id: number) => countRows(t, `debate_useful_marks where argument_id = ${id}`);

test('others mark an argument useful and unmark it; the counter follows; its author cannot', async () => {
  const d = makeDebate(t.db);
  const author = await loginAs(t);
  const id = addArgument(t.db, d, author.userId, 'for');
  const { client } = await loginAs(t);
  const back = `/debate/${d.stepId}?sort=newest&page=1`;
  const res = await client.post(usefulUrl(d, id), { mark: '1', back });
  assert.equal(res.statusCode, 303);
  assert.equal(res.headers.location, `${back}#argument-${id}`, 'back to the list it came from');
  assert.deepEqual([count(id), marks(id)], [1, 1]);
  const second = await loginAs(t);
  await second.client.post(usefulUrl(d, id), { mark: '1' });
  assert.deepEqual([count(id), marks(id)], [2, 2]);
  const page = await client.get(`/debate/${d.stepId}`);
  assert.match(page.body, new RegExp(`id="useful-${id}-button" class="secondary" aria-pressed="true"`));
  assert.match(page.body, /2 personnes le trouvent utile/);
  await client.post(usefulUrl(d, id), { mark: '0' });
  assert.deepEqual([count(id), marks(id)], [1, 1]);

  const own = await author.client.post(usefulUrl(d, id), { mark: '1' });
  assert.equal(own.statusCode, 403);
  assert.match(own.body, /Vous ne pouvez pas marquer votre propre argument comme utile/);
  assert.deepEqual([count(id), marks(id)], [1, 1]);
  assert.doesNotMatch((await author.client.get(`/debate/${d.stepId}`)).body, new RegExp(`action="${usefulUrl(d, id)}"`), 'no button on one’s own argument');
});

test('the wanted state makes repeated and simultaneous marks agree: a double click leaves one mark', async () => {
  const d = makeDebate(t.db);
  const id = addArgument(t.db, d, addUser(t.db), 'against');
  const { client } = await loginAs(t);
  const results = await Promise.all(Array.from({ length: 20 }, () => client.post(usefulUrl(d, id), { mark: '1' })));
  assert.ok(results.every((r) => r.statusCode === 303));
  assert.deepEqual([count(id), marks(id)], [1, 1]);
  await Promise.all(Array.from({ length: 5 }, () => client.post(usefulUrl(d, id), { mark: '0' })));
  assert.deepEqual([count(id), marks(id)], [0, 0]);
  await client.post(usefulUrl(d, id), { mark: '0' });
  assert.equal(count(id), 0, 'never below zero');
});

test('with htmx the answer is the mark alone, pressed, with the same button id so the focus stays', async () => {
  const d = makeDebate(t.db);
  const id = addArgument(t.db, d, addUser(t.db), 'for');
  const { client } = await loginAs(t);
  const res = await client.post(usefulUrl(d, id), { mark: '1', back: `/debate/${d.stepId}?sort=useful` }, { 'hx-request': 'true' });
  assert.equal(res.statusCode, 200);
  assert.match(res.body, /^<form class="debate-useful"/);
  assert.doesNotMatch(res.body, /<html/);
  assert.match(res.body, new RegExp(`id="useful-${id}-button" class="secondary" aria-pressed="true"`));
  assert.match(res.body, /name="mark" value="0"/, 'the next press unmarks');
  assert.match(res.body, new RegExp(`name="back" value="/debate/${d.stepId}\\?sort=useful"`));
  assert.match(res.body, /Une personne le trouve utile/);
});

test('who may not mark: anonymous, unconfirmed, closed steps; bad values, forged back addresses and ids', async () => {
  const d = makeDebate(t.db);
  const id = addArgument(t.db, d, addUser(t.db), 'for');
  assert.equal((await (await anonymous(t)).post(usefulUrl(d, id), { mark: '1' })).statusCode, 403);
  assert.equal((await (await loginAs(t, 'citizen', { confirmed: false })).client.post(usefulUrl(d, id), { mark: '1' })).statusCode, 403);
  const { client } = await loginAs(t);
  for (const mark of ['', '2', 'yes']) {
    const res = await client.post(usefulUrl(d, id), { mark });
    assert.equal(res.statusCode, 400, mark);
    assert.match(res.body, /Cette demande n&#39;est pas valable/);
  }
  assert.equal((await client.post(usefulUrl(makeDebate(t.db), id), { mark: '1' })).statusCode, 404, 'through another step');
  assert.equal((await client.post(usefulUrl(d, 999999), { mark: '1' })).statusCode, 404);
  const res = await client.post(usefulUrl(d, id), { mark: '1', back: 'https://evil.example/' });
  assert.equal(res.headers.location, `/debate/${d.stepId}#argument-${id}`, 'a back address elsewhere is ignored');
  setState(t.db, d, 'closed');
  assert.equal((await client.post(usefulUrl(d, id), { mark: '0' })).statusCode, 403);
  assert.deepEqual([count(id), marks(id)], [1, 1]);
});

test('marks count the person once as a participant of the project, and never as a vote', async () => {
  const d = makeDebate(t.db);
  const id = addArgument(t.db, d, addUser(t.db), 'for');
  const { client } = await loginAs(t);
  await client.post(usefulUrl(d, id), { mark: '1' });
  const project = t.db.sqlite.prepare('select participants_count, votes_count from projects where id = ?').get(d.projectId);
  assert.deepEqual(project, { participants_count: 1, votes_count: 0 });
});
