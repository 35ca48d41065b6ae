// Answering page by page: the first page, validation per page with errors beside the questions
// (French and English), next and previous, drafts kept and resumed, conditions applied on each
// page submit without JavaScript (and at once through the htmx preview), the review, and the
// submission with exact counters.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { makeApp, type TestApp } from '../../../test/helpers/app.ts';
import { countRows, loginAs } from '../../../test/helpers/factories.ts';
import { countersVsRows, makeQuestionnaire, questionIds } from './test-fixtures.ts';

let t: TestApp;
before(async () => (t = await makeApp()));
after(() => t.close());

/** The SMALL questionnaire's field names, by their role. */
function fields(stepId: number) {
  const [single, yesNo, multiple, , scale, grid, text, , majority, age] = questionIds(t, stepId).map((id) => `q${id}`);
  return { single: single!, yesNo: yesNo!, multiple: multiple!, scale: scale!, grid: grid!, text: text!, majority: majority!, age: age! };
}

test('a citizen answers page by page, reviews and submits; counters equal the rows', async () => {
  const q = makeQuestionnaire(t.db);
  const f = fields(q.stepId);
  const { client } = await loginAs(t);
  const base = `/questionnaire/${q.stepId}`;
  const first = await client.get(`${base}/answer`);
  assert.equal(first.statusCode, 200);
  assert.match(first.body, /Page 1 sur 3/);
  assert.match(first.body, /<legend>Votre quartier/);
  // The follow-up of the bike question is hidden until it is answered yes.
  assert.doesNotMatch(first.body, /Pour quels trajets/);
  let res = await client.post(`${base}/answer`, { page: '0', go: 'next', [f.single]: '1', [f.yesNo]: 'yes' });
  assert.equal(res.statusCode, 303);
  assert.equal(res.headers.location, `${base}/answer?page=0#questionnaire-page`, 'the follow-up appeared on the same page: it is shown again');
  res = await client.post(`${base}/answer`, { page: '0', go: 'next', [f.single]: '1', [f.yesNo]: 'yes', [f.multiple]: ['0', 'other'], [`${f.multiple}_other`]: 'École' });
  assert.equal(res.headers.location, `${base}/answer?page=1#questionnaire-page`);
  res = await client.post(`${base}/answer`, { page: '1', go: 'next', [f.scale]: '3', [`${f.grid}_0`]: '0', [f.text]: 'Plus de bancs' });
  assert.equal(res.headers.location, `${base}/answer?page=2#questionnaire-page`);
  res = await client.post(`${base}/answer`, { page: '2', go: 'review', [`${f.majority}_0`]: '0', [`${f.majority}_1`]: '5', [`${f.majority}_2`]: '2', [f.age]: '44' });
  assert.equal(res.headers.location, `${base}/review`);
  const review = await client.get(`${base}/review`);
  assert.match(review.body, /Gare/);
  assert.match(review.body, /Autre : École/);
  assert.match(review.body, /Propreté : Bien/);
  assert.match(review.body, /Piscine : À rejeter/);
  res = await client.post(`${base}/submit`);
  assert.equal(res.statusCode, 303);
  assert.equal(countRows(t, `questionnaire_responses where step_id = ${q.stepId} and status = 'submitted'`), 1);
  assert.equal(countRows(t, `questionnaire_texts where response_id in (select id from questionnaire_responses where step_id = ${q.stepId})`), 2);
  const c = countersVsRows(t, q.stepId);
  assert.deepEqual(c.stored, c.recount);
  assert.equal(c.responses, 1);
  const page = await client.get(base);
  assert.match(page.body, /Vous avez répondu le/);
});

test('a page with an error comes back with 422, the error beside the question and the values sent', async () => {
  const q = makeQuestionnaire(t.db);
  const f = fields(q.stepId);
  const { client } = await loginAs(t);
  const res = await client.post(`/questionnaire/${q.stepId}/answer`, { page: '0', go: 'next', [f.yesNo]: 'yes' });
  assert.equal(res.statusCode, 422);
  assert.match(res.body, new RegExp(`id="field-${f.single}-error">Répondez à cette question\\.`));
  assert.match(res.body, /href="#field-q\d+">Votre quartier — Répondez/);
  assert.match(res.body, new RegExp(`name="${f.yesNo}" value="yes" checked`));
  assert.match(res.body, /Pour quels trajets/, 'the follow-up the answers sent reveal is shown with them');
  assert.equal(countRows(t, `questionnaire_responses where step_id = ${q.stepId}`), 0, 'nothing saved');
});

test('errors are in English for an English reader', async () => {
  const q = makeQuestionnaire(t.db);
  const f = fields(q.stepId);
  const { client } = await loginAs(t);
  await client.get('/lang/en');
  const res = await client.post(`/questionnaire/${q.stepId}/answer`, { page: '0', go: 'next', [f.single]: '7' });
  assert.equal(res.statusCode, 422);
  assert.match(res.body, /This choice is not one of the options/);
  assert.match(res.body, /Page 1 of 3/);
});

test('bad input on each page is refused with its own message', async () => {
  const q = makeQuestionnaire(t.db);
  const f = fields(q.stepId);
  const { client } = await loginAs(t);
  const base = `/questionnaire/${q.stepId}`;
  await client.post(`${base}/answer`, { page: '0', go: 'next', [f.single]: '0', [f.yesNo]: 'yes', [f.multiple]: '1' });
  const CASES: [string, Record<string, string | string[]>, RegExp][] = [
    ['1', { [f.scale]: '9' }, /Indiquez une valeur entre 1 et 3/],
    ['1', { [f.scale]: '2', [`${f.grid}_0`]: '5' }, /ne fait pas partie des options/],
    ['1', { [f.scale]: '2', [f.text]: 'x'.repeat(5001) }, /ne doit pas dépasser 5.000 caractères/u],
    ['2', { [`${f.majority}_0`]: '1' }, /Donnez une mention à chaque option/],
    ['2', { [f.age]: 'quarante' }, /Indiquez un nombre/],
  ];
  for (const [page, form, message] of CASES) {
    const res = await client.post(`${base}/answer`, { page, go: page === '2' ? 'review' : 'next', ...form });
    assert.equal(res.statusCode, 422, JSON.stringify(form));
    assert.match(res.body, message);
  }
  assert.equal((await client.post(`${base}/answer`, { page: '9', go: 'next' })).statusCode, 400, 'a page that does not exist');
  assert.equal((await client.post(`${base}/answer`, { page: '0', go: 'sideways' })).statusCode, 400, 'a move no form sends');
});

test('a draft is saved without blocking on errors, and resumed on the page where it stopped', async () => {
  const q = makeQuestionnaire(t.db);
  const f = fields(q.stepId);
  const { client } = await loginAs(t);
  const base = `/questionnaire/${q.stepId}`;
  await client.post(`${base}/answer`, { page: '0', go: 'next', [f.single]: '2', [f.yesNo]: 'yes', [f.multiple]: '1' });
  const saved = await client.post(`${base}/answer`, { page: '1', go: 'save', [f.scale]: '7', [f.text]: 'Mon idée' });
  assert.equal(saved.statusCode, 303);
  assert.equal(saved.headers.location, `${base}/answer?page=1`);
  const intro = await client.get(base);
  assert.match(intro.body, /Reprendre mes réponses/);
  const resumed = await client.get(`${base}/answer`);
  assert.match(resumed.body, /Page 2 sur 3/);
  assert.match(resumed.body, />Mon idée<\/textarea>/);
  assert.doesNotMatch(resumed.body, /value="7"/, 'the invalid point was not kept');
  const back = await client.post(`${base}/answer`, { page: '1', go: 'previous', [f.scale]: '2' });
  assert.equal(back.headers.location, `${base}/answer?page=0#questionnaire-page`);
  const page0 = await client.get(`${base}/answer?page=0`);
  assert.match(page0.body, new RegExp(`name="${f.single}" value="2" checked`));
});

test('without JavaScript a jump applies on the page submit: answering no skips to the last section and drops skipped answers', async () => {
  const q = makeQuestionnaire(t.db);
  const f = fields(q.stepId);
  const { client } = await loginAs(t);
  const base = `/questionnaire/${q.stepId}`;
  await client.post(`${base}/answer`, { page: '0', go: 'next', [f.single]: '0', [f.yesNo]: 'yes', [f.multiple]: '1' });
  await client.post(`${base}/answer`, { page: '1', go: 'next', [f.scale]: '2', [f.text]: 'Texte oublié' });
  // Back to page 1, now without a bike: page 2 ("Avis") is jumped over.
  const res = await client.post(`${base}/answer`, { page: '0', go: 'next', [f.single]: '0', [f.yesNo]: 'no' });
  assert.equal(res.headers.location, `${base}/answer?page=2#questionnaire-page`);
  assert.match((await client.get(`${base}/answer?page=2`)).body, /Page 2 sur 2/);
  await client.post(`${base}/answer`, { page: '2', go: 'review' });
  assert.doesNotMatch((await client.get(`${base}/review`)).body, /Texte oublié/);
  assert.equal((await client.post(`${base}/submit`)).statusCode, 303);
  const stored = JSON.parse((t.db.sqlite.prepare(`select answers from questionnaire_responses where step_id = ?`).get(q.stepId) as { answers: string }).answers);
  const [, yesNo, multiple, , scale, , text] = questionIds(t, q.stepId);
  assert.equal(stored[yesNo!], false);
  for (const hidden of [multiple, scale, text]) assert.equal(stored[hidden!], undefined, 'answers on the skipped branch are not stored');
  assert.equal(countRows(t, `questionnaire_texts where question_id = ${text}`), 0);
});

test('with htmx the preview shows a dependent question at once, without saving anything', async () => {
  const q = makeQuestionnaire(t.db);
  const f = fields(q.stepId);
  const { client } = await loginAs(t);
  const res = await client.post(`/questionnaire/${q.stepId}/answer/preview`, { page: '0', [f.yesNo]: 'yes' }, { 'hx-request': 'true' });
  assert.equal(res.statusCode, 200);
  assert.match(res.body, /Pour quels trajets/);
  assert.doesNotMatch(res.body, /<html/);
  assert.equal(countRows(t, `questionnaire_responses where step_id = ${q.stepId}`), 0);
  // An answer that shows or hides nothing: no swap (204), so errors on the page stay.
  const shown = /name="shown" value="([^"]*)"/.exec(res.body)![1]!;
  const same = await client.post(`/questionnaire/${q.stepId}/answer/preview`, { page: '0', shown, [f.yesNo]: 'yes', [f.single]: '1' }, { 'hx-request': 'true' });
  assert.equal(same.statusCode, 204);
});

test('a submission missing a required answer shows that page again with its error', async () => {
  const q = makeQuestionnaire(t.db);
  const f = fields(q.stepId);
  const { client } = await loginAs(t);
  const base = `/questionnaire/${q.stepId}`;
  await client.post(`${base}/answer`, { page: '0', go: 'save', [f.yesNo]: 'yes' });
  const res = await client.post(`${base}/submit`);
  assert.equal(res.statusCode, 422);
  assert.match(res.body, /Page 1 sur 3/);
  assert.match(res.body, /Répondez à cette question/);
  assert.equal(countRows(t, `questionnaire_responses where step_id = ${q.stepId} and status = 'submitted'`), 0);
});

test('parallel first pages of one person leave one draft', async () => {
  const q = makeQuestionnaire(t.db);
  const f = fields(q.stepId);
  const { client } = await loginAs(t);
  const results = await Promise.all(Array.from({ length: 5 }, (_, i) => client.post(`/questionnaire/${q.stepId}/answer`, { page: '0', go: 'save', [f.single]: String(i % 3) })));
  assert.deepEqual(results.map((r) => r.statusCode), [303, 303, 303, 303, 303]);
  assert.equal(countRows(t, `questionnaire_responses where step_id = ${q.stepId} and status = 'draft'`), 1);
});
