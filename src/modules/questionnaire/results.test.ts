// Results come from the counters, kept equal to a recount from the rows whatever the answers
// (random responses, edits, districts); the page shows counts, percentages, mean and median,
// grids, rankings and the majority judgment's ranking, filtered by district; free texts are
// paginated and searchable.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { makeApp, type TestApp } from '../../../test/helpers/app.ts';
import { anonymous, loginAs, addUser } from '../../../test/helpers/factories.ts';
import { write } from '../../db/write.ts';
import { listQuestions } from './queries.ts';
import { submitResponse } from './writes.ts';
import { rng, sampleAnswers } from './sample.ts';
import { countersVsRows, makeQuestionnaire, questionIds } from './test-fixtures.ts';
import { barometer } from './templates/barometer.ts';
import { TEXTS_PAGE } from './rules.ts';

let t: TestApp;
before(async () => (t = await makeApp()));
after(() => t.close());

function district(name: string): number {
  return write(t.db, (tx) => tx.run(t.db.insertInto('districts').values({ name, geojson: null })).lastInsertRowid);
}

test('counters equal a recount from the rows after 150 random responses to the barometer, in two districts', async () => {
  const q = makeQuestionnaire(t.db, { file: barometer });
  const questions = listQuestions(t.db, q.stepId);
  const random = rng(3);
  const districts = [district('Nord'), district('Sud')];
  await Promise.all(
    Array.from({ length: 150 }, (_, i) => submitResponse(t.db, q.step, { userId: null, token: null }, null, questions, sampleAnswers(questions, random), { single: true, districtId: i % 3 === 2 ? null : districts[i % 3]! })),
  );
  const c = countersVsRows(t, q.stepId);
  assert.equal(c.responses, 150);
  assert.equal(c.rows, 150);
  assert.deepEqual(c.stored, c.recount);
});

test('a changed response moves the counters by the difference', async () => {
  const q = makeQuestionnaire(t.db, { settings: { editable: true } });
  const f = questionIds(t, q.stepId).map((id) => `q${id}`);
  const { client } = await loginAs(t);
  const base = `/questionnaire/${q.stepId}`;
  const answer = async (quartier: string, scale: string) => {
    await client.post(`${base}/answer`, { page: '0', go: 'next', [f[0]!]: quartier, [f[1]!]: 'no' });
    await client.post(`${base}/answer`, { page: '2', go: 'review' });
    // The jump skipped the required scale: answering yes again shows it.
    await client.post(`${base}/answer`, { page: '0', go: 'next', [f[0]!]: quartier, [f[1]!]: 'yes', [f[2]!]: '0' });
    await client.post(`${base}/answer`, { page: '1', go: 'next', [f[4]!]: scale });
    await client.post(`${base}/answer`, { page: '2', go: 'review' });
    return client.post(`${base}/submit`);
  };
  assert.equal((await answer('0', '1')).statusCode, 303);
  assert.equal((await client.post(`${base}/edit`)).statusCode, 303);
  assert.equal((await answer('2', '3')).statusCode, 303);
  const c = countersVsRows(t, q.stepId);
  assert.equal(c.responses, 1);
  assert.deepEqual(c.stored, c.recount);
  assert.equal(c.stored[`/${questionIds(t, q.stepId)[0]}/2`], 1);
  assert.equal(c.stored[`/${questionIds(t, q.stepId)[0]}/0`], undefined);
});

test('the results page shows percentages, mean and median, grids, and the majority judgment ranking', async () => {
  const q = makeQuestionnaire(t.db, { settings: { public_results: true } });
  const questions = listQuestions(t.db, q.stepId);
  const [single, yesNo, , , scale, grid, text, , majority] = questions.map((x) => x.id);
  const answers = [
    { [single!]: 0, [yesNo!]: true, [scale!]: 1, [grid!]: [0, 1], [text!]: 'Des bancs', [majority!]: [0, 5, 2] },
    { [single!]: 0, [yesNo!]: true, [scale!]: 3, [grid!]: [0, null], [majority!]: [1, 4, 2] },
    { [single!]: 1, [yesNo!]: true, [scale!]: 3, [grid!]: [1, 1], [text!]: 'Un marché couvert', [majority!]: [0, 5, 3] },
    { [single!]: 2, [yesNo!]: true, [scale!]: 2, [majority!]: [2, 5, 1] },
  ];
  for (const a of answers) await submitResponse(t.db, q.step, { userId: null, token: null }, null, questions, a, { single: true, districtId: null });
  const page = await (await anonymous(t)).get(`/questionnaire/${q.stepId}/results`);
  assert.equal(page.statusCode, 200);
  assert.match(page.body, /4 répondants/);
  assert.match(page.body, /<th scope="row">Centre<\/th><td>2<\/td><td>50 %<\/td>/);
  assert.match(page.body, /<rect class="value" width="50%" height="100%"\/>/);
  assert.match(page.body, /Moyenne : 2,25 · médiane : 2,5/);
  // Parc: grades 0,0,1,2 best first → the lower median (position 2 of 4) is Très bien, first.
  assert.match(page.body, /<tr><td>1<\/td><th scope="row">Parc<\/th><td>Très bien<\/td>/);
  assert.match(page.body, /<tr><td>3<\/td><th scope="row">Piscine<\/th><td>À rejeter<\/td>/);
  assert.doesNotMatch(page.body, /style=/);
  // The page is kept until the counters move: a new response shows at once.
  await submitResponse(t.db, q.step, { userId: null, token: null }, null, questions, { [single!]: 2, [scale!]: 1 }, { single: true, districtId: null });
  assert.match((await (await anonymous(t)).get(`/questionnaire/${q.stepId}/results`)).body, /5 répondants[\s\S]*<th scope="row">Centre<\/th><td>2<\/td><td>40 %<\/td>/);
  const texts = await (await anonymous(t)).get(`/questionnaire/${q.stepId}/results/${text}?q=MARCHÉ`);
  assert.match(texts.body, /Un marché couvert/);
  assert.doesNotMatch(texts.body, /Des bancs/);
});

test('results filtered by district count only that district’s respondents', async () => {
  const q = makeQuestionnaire(t.db, { settings: { public_results: true } });
  const questions = listQuestions(t.db, q.stepId);
  const single = questions[0]!.id;
  const nord = district('Nord-Est');
  for (const [choice, d] of [[0, nord], [1, nord], [2, null]] as const) {
    const userId = addUser(t.db);
    if (d) t.db.sqlite.prepare('update users set district_id = ? where id = ?').run(d, userId);
    await submitResponse(t.db, q.step, { userId, token: null }, null, questions, { [single]: choice, [questions[4]!.id]: 2 }, { single: true, districtId: d });
  }
  const page = await (await anonymous(t)).get(`/questionnaire/${q.stepId}/results?segment=d${nord}`);
  assert.match(page.body, /2 répondants/);
  assert.match(page.body, /<option value="d\d+" selected>Nord-Est<\/option>/);
  assert.match(page.body, /<th scope="row">Port<\/th><td>0<\/td>/);
  assert.match((await (await anonymous(t)).get(`/questionnaire/${q.stepId}/results?segment=d999999`)).body, /3 répondants/, 'an unknown district shows everyone');
});

test('free texts come a page at a time, newest first, without counting', async () => {
  const q = makeQuestionnaire(t.db, { settings: { public_results: true } });
  const questions = listQuestions(t.db, q.stepId);
  const text = questions[6]!.id;
  for (let i = 0; i < TEXTS_PAGE + 5; i++) await submitResponse(t.db, q.step, { userId: null, token: null }, null, questions, { [questions[0]!.id]: 0, [questions[4]!.id]: 1, [text]: `Idée numéro ${i}` }, { single: true, districtId: null });
  const visitor = await anonymous(t);
  const first = await visitor.get(`/questionnaire/${q.stepId}/results/${text}`);
  assert.match(first.body, new RegExp(`Idée numéro ${TEXTS_PAGE + 4}`));
  assert.doesNotMatch(first.body, /Idée numéro 4</);
  const next = first.body.match(/href="([^"]+before=\d+)"/)![1]!.replaceAll('&amp;', '&');
  const second = await visitor.get(next);
  assert.match(second.body, /Idée numéro 4</);
  assert.match(second.body, /Idée numéro 0</);
  const fragment = await visitor.get(next, { 'hx-request': 'true' });
  assert.doesNotMatch(fragment.body, /<html/);
});
