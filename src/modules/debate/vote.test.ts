// Votes on a debate: one per person (the primary key), changeable and withdrawable with every
// counter exact, 50 simultaneous requests leave one vote, the htmx answer is the widget, and
// whoever may not vote is refused with nothing written.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { makeApp, type TestApp } from '../../../test/helpers/app.ts';
import { anonymous, countRows, loginAs, makeStep } from '../../../test/helpers/factories.ts';
import { debateCounters, makeDebate, setState } from './test-fixtures.ts';

let t: TestApp;
before(async () => (t = await makeApp()));
after(() => t.close());

const voteUrl = (d: { stepId: number }) => `/debate/${d.stepId}/vote`;

test('a citizen votes for, changes to against, withdraws: the debate, step and project counters stay exact', async () => {
  const d = makeDebate(t.db);
  const { client, userId } = await loginAs(t);
  const res = await client.post(voteUrl(d), { value: 'for' });
  assert.equal(res.statusCode, 303);
  assert.equal(res.headers.location, `/debate/${d.stepId}#debate-vote`);
  let k = debateCounters(t, d);
  assert.deepEqual([k.debate.votes_for, k.debate.votes_against], [1, 0]);
  assert.deepEqual(k.step, { contributions_count: 0, votes_count: 1 });
  assert.deepEqual(k.project, { participants_count: 1, contributions_count: 0, votes_count: 1 });
  const page = await client.get(`/debate/${d.stepId}`);
  assert.match(page.body, /Votre vote est enregistré/);
  assert.match(page.body, /id="debate-vote-for"[^>]*aria-pressed="true"/);
  assert.match(page.body, /id="debate-vote-against"[^>]*aria-pressed="false"/);

  await client.post(voteUrl(d), { value: 'against' });
  k = debateCounters(t, d);
  assert.deepEqual([k.debate.votes_for, k.debate.votes_against], [0, 1]);
  assert.equal(k.project.votes_count, 1);
  assert.deepEqual(t.db.sqlite.prepare('select user_id, side from debate_votes where step_id = ?').all(d.stepId), [{ user_id: userId, side: 'against' }]);

  const other = await loginAs(t);
  await other.client.post(voteUrl(d), { value: 'for' });
  k = debateCounters(t, d);
  assert.deepEqual([k.debate.votes_for, k.debate.votes_against], [1, 1]);
  assert.deepEqual(k.project, { participants_count: 2, contributions_count: 0, votes_count: 2 });

  const withdrawn = await client.post(voteUrl(d), { value: 'withdraw' });
  assert.equal(withdrawn.statusCode, 303);
  assert.match((await client.get(`/debate/${d.stepId}`)).body, /Votre vote est retiré/);
  await client.post(voteUrl(d), { value: 'withdraw' }); // again: nothing changes
  k = debateCounters(t, d);
  assert.deepEqual([k.debate.votes_for, k.debate.votes_against], [1, 0]);
  assert.deepEqual(k.step, { contributions_count: 0, votes_count: 1 });
  assert.deepEqual([k.debate.votes_for, k.debate.votes_against], [k.rows.votes_for, k.rows.votes_against]);
});

test('50 simultaneous identical votes by one person leave exactly one vote and exact counters', async () => {
  const d = makeDebate(t.db);
  const { client } = await loginAs(t);
  const results = await Promise.all(Array.from({ length: 50 }, () => client.post(voteUrl(d), { value: 'against' })));
  assert.ok(results.every((r) => r.statusCode === 303));
  assert.equal(countRows(t, `debate_votes where step_id = ${d.stepId}`), 1);
  const k = debateCounters(t, d);
  assert.deepEqual([k.debate.votes_for, k.debate.votes_against], [0, 1]);
  assert.deepEqual(k.step, { contributions_count: 0, votes_count: 1 });
  assert.deepEqual(k.project, { participants_count: 1, contributions_count: 0, votes_count: 1 });
  // Mixed simultaneous changes still leave counters equal to the rows.
  const values = ['for', 'against', 'withdraw', 'for', 'against'];
  await Promise.all(Array.from({ length: 40 }, (_, i) => client.post(voteUrl(d), { value: values[i % values.length]! })));
  const after = debateCounters(t, d);
  assert.deepEqual([after.debate.votes_for, after.debate.votes_against], [after.rows.votes_for, after.rows.votes_against]);
  assert.equal(after.step.votes_count, after.rows.votes_for + after.rows.votes_against);
});

test('with htmx the answer is the widget: the bar as SVG widths, the numbers in text, the choice pressed', async () => {
  const d = makeDebate(t.db);
  for (const value of ['for', 'for', 'against']) await (await loginAs(t)).client.post(voteUrl(d), { value });
  const { client } = await loginAs(t);
  const res = await client.post(voteUrl(d), { value: 'against' }, { 'hx-request': 'true' });
  assert.equal(res.statusCode, 200);
  assert.match(res.body, /^<form class="debate-vote" id="debate-vote"/);
  assert.doesNotMatch(res.body, /<html/);
  assert.match(res.body, /<svg class="debate-bar" aria-hidden="true"[\s\S]*<rect class="for" x="0" width="50%"[^>]*\/>\s*<rect class="against" x="50%" width="50%"/);
  assert.doesNotMatch(res.body, /style=/, 'no inline style under the CSP');
  assert.match(res.body, /2 pour \(50 %\)/);
  assert.match(res.body, /2 contre \(50 %\)/);
  assert.match(res.body, /Répartition des 4 votes/);
  assert.match(res.body, /id="debate-vote-against"[^>]*aria-pressed="true"/);
  assert.match(res.body, /value="withdraw"/);
  assert.match(res.body, /name="_csrf"/);
});

test('who may not vote: anonymous, unconfirmed, missing CSRF, closed and upcoming steps; nothing written', async () => {
  const d = makeDebate(t.db);
  const before = countRows(t, 'debate_votes');
  const anon = await anonymous(t);
  const refused = await anon.post(voteUrl(d), { value: 'for' });
  assert.equal(refused.statusCode, 403);
  assert.match(refused.body, /Vous ne remplissez pas encore les conditions/);
  assert.match(refused.body, new RegExp(`href="/debate/${d.stepId}"`), 'the refused page leads back to the debate');
  const { client: unconfirmed } = await loginAs(t, 'citizen', { confirmed: false });
  assert.equal((await unconfirmed.post(voteUrl(d), { value: 'for' })).statusCode, 403);
  const { client } = await loginAs(t);
  assert.equal((await client.post(voteUrl(d), { value: 'for', _csrf: 'forged' })).statusCode, 403);
  for (const state of ['closed', 'upcoming'] as const) {
    const x = makeDebate(t.db, { state });
    const res = await client.post(voteUrl(x), { value: 'for' });
    assert.equal(res.statusCode, 403, state);
    // The platform says the same for both (participation.closed).
    assert.match(res.body, /Cette étape est fermée/, state);
    const page = await client.get(`/debate/${x.stepId}`);
    assert.equal(page.statusCode, 200, `a ${state} debate is readable`);
    assert.doesNotMatch(page.body, /<form class="debate-vote"/);
  }
  assert.equal(countRows(t, 'debate_votes'), before);
});

test('a vote stays on its step: a hidden project, another step type, unknown ids; bad choices in French and English', async () => {
  const { client } = await loginAs(t);
  const draft = makeDebate(t.db, { visibility: 'draft' });
  assert.equal((await client.post(voteUrl(draft), { value: 'for' })).statusCode, 404);
  assert.equal((await client.get(`/debate/${draft.stepId}`)).statusCode, 404);
  const presentation = makeStep(t.db, makeDebate(t.db).projectId, { type: 'presentation' });
  assert.equal((await client.post(`/debate/${presentation}/vote`, { value: 'for' })).statusCode, 404, 'a step of another type');
  assert.equal((await client.post('/debate/999999/vote', { value: 'for' })).statusCode, 404);
  assert.equal((await client.post('/debate/x1/vote', { value: 'for' })).statusCode, 404);
  const d = makeDebate(t.db);
  const before = countRows(t, 'debate_votes');
  for (const value of ['', 'pour', 'FOR', 'mitigated']) {
    const res = await client.post(voteUrl(d), { value });
    assert.equal(res.statusCode, 400, value);
    assert.match(res.body, /Ce choix n&#39;existe pas : votez pour, contre, ou retirez votre vote/);
  }
  await client.get('/lang/en');
  const english = await client.post(voteUrl(d), { value: 'maybe' });
  assert.equal(english.statusCode, 400);
  assert.match(english.body, /This choice does not exist: vote for, against, or withdraw your vote/);
  assert.equal(countRows(t, 'debate_votes'), before);
});

test('a postal code asked to vote only: the person may argue, but voting is refused with the way to complete it', async () => {
  const d = makeDebate(t.db, { postalFor: ['vote'] });
  const { client } = await loginAs(t);
  const page = await client.get(`/debate/${d.stepId}`);
  assert.doesNotMatch(page.body, /<form class="debate-vote"/, 'no vote buttons');
  assert.match(page.body, /action="\/debate\/\d+\/arguments"/, 'the argument form is offered');
  assert.match(page.body, /name="postal_code"/, 'the postal code can be given in place');
  assert.equal((await client.post(`/debate/${d.stepId}/arguments`, { side: 'for', body: 'Un argument.' })).statusCode, 303);
  const refused = await client.post(voteUrl(d), { value: 'for' });
  assert.equal(refused.statusCode, 403);
  assert.match(refused.body, /name="postal_code"/);
  assert.equal((await client.post(`/steps/${d.stepId}/requirements`, { postal_code: '44400', next: `/debate/${d.stepId}` })).statusCode, 303);
  assert.equal((await client.post(voteUrl(d), { value: 'for' })).statusCode, 303);
  assert.equal(countRows(t, `debate_votes where step_id = ${d.stepId}`), 1);
  setState(t.db, d, 'closed');
  assert.equal((await client.post(voteUrl(d), { value: 'against' })).statusCode, 403);
});
