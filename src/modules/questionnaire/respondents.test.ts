// Who answers and how often: one response per person kept by the database (not only the code),
// several when the step allows it, anonymous answers by a one-time token (a second submission
// with it is refused), the acknowledgement email, and the answering routes' rate limits.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { makeApp, type TestApp } from '../../../test/helpers/app.ts';
import { anonymous, addUser, countRows, loginAs } from '../../../test/helpers/factories.ts';
import { listQuestions } from './queries.ts';
import { submitResponse } from './writes.ts';
import { makeQuestionnaire, questionIds, SMALL } from './test-fixtures.ts';

let t: TestApp;
before(async () => (t = await makeApp()));
after(() => t.close());

const ONE_PAGE = { ...SMALL, questions: [{ id: 1, type: 'yes_no', title: 'Êtes-vous d’accord ?', required: true }] };

async function answerAndSubmit(client: Awaited<ReturnType<typeof anonymous>>, stepId: number) {
  const [id] = questionIds(t, stepId);
  await client.post(`/questionnaire/${stepId}/answer`, { page: '0', go: 'review', [`q${id}`]: 'yes' });
  return client.post(`/questionnaire/${stepId}/submit`);
}

test('the database keeps one submitted response per person where the step says so', async () => {
  const q = makeQuestionnaire(t.db, { file: ONE_PAGE });
  const questions = listQuestions(t.db, q.stepId);
  const userId = addUser(t.db);
  const who = { userId, token: null };
  const results = await Promise.all([1, 2, 3].map(() => submitResponse(t.db, q.step, who, null, questions, { [questions[0]!.id]: true }, { single: true, districtId: null })));
  assert.deepEqual(results.map((r) => r.ok).sort(), [false, false, true]);
  assert.equal(countRows(t, `questionnaire_responses where step_id = ${q.stepId} and status = 'submitted'`), 1);
  assert.throws(() => t.db.sqlite.prepare(`insert into questionnaire_responses (step_id, user_id, status, single, created_at, updated_at) values (?, ?, 'submitted', 1, 'x', 'x')`).run(q.stepId, userId), /UNIQUE/);
  assert.equal((await submitResponse(t.db, q.step, who, null, questions, {}, { single: true, districtId: null })).ok, false);
});

test('a person who answered once is told so and cannot start again; with several responses allowed they can', async () => {
  const once = makeQuestionnaire(t.db, { file: ONE_PAGE });
  const { client } = await loginAs(t);
  assert.equal((await answerAndSubmit(client, once.stepId)).statusCode, 303);
  assert.equal((await client.get(`/questionnaire/${once.stepId}/answer`)).statusCode, 403);
  assert.equal((await answerAndSubmit(client, once.stepId)).statusCode, 403);
  const several = makeQuestionnaire(t.db, { file: ONE_PAGE, settings: { several_responses: true } });
  assert.equal((await answerAndSubmit(client, several.stepId)).statusCode, 303);
  assert.equal((await answerAndSubmit(client, several.stepId)).statusCode, 303);
  assert.equal(countRows(t, `questionnaire_responses where step_id = ${several.stepId} and status = 'submitted'`), 2);
});

test('an anonymous token is used once: a replayed submission is refused and writes nothing', async () => {
  const q = makeQuestionnaire(t.db, { file: ONE_PAGE, settings: { anonymous: true } });
  const visitor = await anonymous(t);
  const [id] = questionIds(t, q.stepId);
  await visitor.post(`/questionnaire/${q.stepId}/answer`, { page: '0', go: 'review', [`q${id}`]: 'yes' });
  const token = visitor.cookies.get(`qn${q.stepId}`)!;
  assert.ok(token && token.length >= 20, 'the draft is known by a token in a cookie');
  assert.equal((await visitor.post(`/questionnaire/${q.stepId}/submit`)).statusCode, 303);
  assert.equal(countRows(t, `questionnaire_responses where step_id = ${q.stepId} and status = 'submitted' and user_id is null`), 1);
  // The same token again (a replay, a second tab): refused.
  visitor.cookies.set(`qn${q.stepId}`, token);
  assert.equal((await visitor.post(`/questionnaire/${q.stepId}/submit`)).statusCode, 403);
  assert.equal((await visitor.get(`/questionnaire/${q.stepId}/answer`)).statusCode, 403);
  assert.equal(countRows(t, `questionnaire_responses where step_id = ${q.stepId} and status = 'submitted'`), 1);
  // Without the cookie, another anonymous response starts afresh.
  visitor.cookies.delete(`qn${q.stepId}`);
  assert.equal((await answerAndSubmit(visitor, q.stepId)).statusCode, 303);
});

test('an anonymous draft is resumed from its cookie', async () => {
  const q = makeQuestionnaire(t.db, { settings: { anonymous: true } });
  const visitor = await anonymous(t);
  const [first] = questionIds(t, q.stepId);
  await visitor.post(`/questionnaire/${q.stepId}/answer`, { page: '0', go: 'save', [`q${first}`]: '2' });
  const page = await visitor.get(`/questionnaire/${q.stepId}`);
  assert.match(page.body, /Reprendre mes réponses/);
  assert.match((await visitor.get(`/questionnaire/${q.stepId}/answer`)).body, new RegExp(`name="q${first}" value="2" checked`));
});

test('the acknowledgement email is queued with the submission', async () => {
  const q = makeQuestionnaire(t.db, { file: ONE_PAGE });
  const { client, userId } = await loginAs(t);
  const email = (t.db.sqlite.prepare('select email from users where id = ?').get(userId) as { email: string }).email;
  const before = countRows(t, 'mail_outbox');
  await answerAndSubmit(client, q.stepId);
  assert.equal(countRows(t, 'mail_outbox') - before, 1);
  const mail = t.db.sqlite.prepare('select to_address, subject from mail_outbox order by id desc limit 1').get() as { to_address: string; subject: string };
  assert.equal(mail.to_address, email);
  assert.match(mail.subject, /Vos réponses au questionnaire/);
  const quiet = makeQuestionnaire(t.db, { file: ONE_PAGE, settings: { acknowledgement: false } });
  const n = countRows(t, 'mail_outbox');
  await answerAndSubmit(client, quiet.stepId);
  assert.equal(countRows(t, 'mail_outbox'), n);
});

test('answering and submitting are rate limited', async () => {
  const limited = await makeApp({ rateLimits: true });
  try {
    const q = makeQuestionnaire(limited.db, { file: ONE_PAGE, settings: { anonymous: true, several_responses: true } });
    const visitor = await anonymous(limited);
    const statuses: number[] = [];
    for (let i = 0; i < 302; i++) statuses.push((await visitor.post(`/questionnaire/${q.stepId}/submit`)).statusCode);
    assert.ok(statuses.includes(429), 'submissions are limited per address');
  } finally {
    await limited.close();
  }
});

test('a person’s draft or latest response is found by one index walk, not among all the step’s responses', async () => {
  const { byUserQuery } = await import('./queries.ts');
  for (const status of ['draft', 'submitted'] as const) {
    const { sql, parameters } = byUserQuery(t.db, status, { stepId: 1, userId: 1 }).compile();
    const plan = (t.db.sqlite.prepare(`explain query plan ${sql}`).all(...(parameters as unknown[])) as { detail: string }[]).map((r) => r.detail).join('\n');
    assert.match(plan, /questionnaire_responses_person \(user_id=\? AND step_id=\? AND status=\?\)/, `${status}: ${plan}`);
    assert.doesNotMatch(plan, /TEMP B-TREE/, status);
  }
});
