// The builder: a form for every type of question, questions added with their settings, refused
// with 422 and the error beside the field, rules written as labels and checked, moved up and
// down without JavaScript, deleted with the rules that read them; import, export and templates.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { makeApp, type TestApp } from '../../../test/helpers/app.ts';
import { loginAs, countRows, postMultipart } from '../../../test/helpers/factories.ts';
import { QUESTION_TYPES } from '../../platform/questions/types.ts';
import { listQuestions } from './queries.ts';
import { makeQuestionnaire, questionIds, SMALL } from './test-fixtures.ts';
import { barometer } from './templates/barometer.ts';

let t: TestApp;
before(async () => (t = await makeApp()));
after(() => t.close());

test('the admin page and a new question form of every type render', async () => {
  const q = makeQuestionnaire(t.db);
  const { client } = await loginAs(t, 'admin');
  const admin = await client.get(`/questionnaire/${q.stepId}/admin`);
  assert.equal(admin.statusCode, 200);
  assert.match(admin.body, /Questions \(10\)/);
  for (const type of QUESTION_TYPES) {
    const res = await client.get(`/questionnaire/${q.stepId}/admin/questions/new?type=${type}`);
    assert.equal(res.statusCode, 200, type);
  }
  assert.equal((await client.get(`/questionnaire/${q.stepId}/admin/questions/new?type=poll`)).statusCode, 400);
  for (const id of questionIds(t, q.stepId)) assert.equal((await client.get(`/questionnaire/${q.stepId}/admin/questions/${id}`)).statusCode, 200);
});

const ADDS: [string, Record<string, string | string[]>, Record<string, unknown>][] = [
  ['a drop-down single choice', { type: 'single', title: 'Votre école', options: 'Jaurès\nCurie\nMoulin', display: 'select', required: '1' }, { options: ['Jaurès', 'Curie', 'Moulin'], display: 'select' }],
  ['a multiple choice with bounds and "other"', { type: 'multiple', title: 'Vos sports', options: 'Foot\nNatation\nDanse', min_select: '1', max_select: '2', other: '1' }, { options: ['Foot', 'Natation', 'Danse'], minSelect: 1, maxSelect: 2, other: true }],
  ['a Likert scale', { type: 'scale', title: 'Accord', labels: 'Non\nPlutôt non\nPlutôt oui\nOui' }, { min: 1, labels: ['Non', 'Plutôt non', 'Plutôt oui', 'Oui'] }],
  ['a grid', { type: 'grid', title: 'Services', rows: 'Accueil\nSite', columns: 'Bien\nMal' }, { rows: ['Accueil', 'Site'], columns: ['Bien', 'Mal'] }],
  ['a file question', { type: 'file', title: 'Un plan', accept: ['pdf', 'png'], max_mb: '3' }, { accept: ['pdf', 'png'], maxBytes: 3_000_000 }],
];
for (const [name, form, config] of ADDS) {
  test(`an administrator adds ${name}`, async () => {
    const q = makeQuestionnaire(t.db);
    const { client } = await loginAs(t, 'admin');
    const res = await client.post(`/questionnaire/${q.stepId}/admin/questions`, form);
    assert.equal(res.statusCode, 303);
    const added = listQuestions(t.db, q.stepId).at(-1)!;
    assert.equal(added.title, form.title);
    assert.deepEqual(added.config, config);
  });
}

test('a refused question comes back with 422, its errors beside the fields, nothing added', async () => {
  const q = makeQuestionnaire(t.db);
  const { client } = await loginAs(t, 'admin');
  const res = await client.post(`/questionnaire/${q.stepId}/admin/questions`, { type: 'single', title: '', options: 'Seule' });
  assert.equal(res.statusCode, 422);
  assert.match(res.body, /id="field-title-error">Ce champ est obligatoire/);
  assert.match(res.body, /id="field-options-error">Indiquez au moins 2 éléments/);
  assert.equal(listQuestions(t.db, q.stepId).length, 10);
  assert.equal((await client.post(`/questionnaire/${q.stepId}/admin/questions`, { type: 'poll', title: 'X' })).statusCode, 400);
});

test('rules are written with labels, stored as answers hold them, and checked against the order', async () => {
  const q = makeQuestionnaire(t.db);
  const ids = questionIds(t, q.stepId);
  const { client } = await loginAs(t, 'admin');
  const base = `/questionnaire/${q.stepId}/admin/questions`;
  let res = await client.post(base, { type: 'short_text', title: 'Quelle rue ?', show_if_question: String(ids[0]), show_if_op: 'is', show_if_value: 'gare' });
  assert.equal(res.statusCode, 303);
  assert.deepEqual(listQuestions(t.db, q.stepId).at(-1)!.showIf, [{ question: ids[0], op: 'is', value: '1' }]);
  res = await client.post(base, { type: 'short_text', title: 'Et encore ?', show_if_question: String(ids[0]), show_if_op: 'is', show_if_value: 'Lune' });
  assert.equal(res.statusCode, 422);
  assert.match(res.body, /ne correspond à aucune option/);
  // A jump back to an earlier section is refused.
  res = await client.post(`${base}/${ids[4]}`, { title: 'Satisfaction', labels: 'Mauvais\nMoyen\nBon', jump_question: String(ids[4]), jump_op: 'is', jump_value: '1', jump_to: String(ids[3]) });
  assert.equal(res.statusCode, 422);
  assert.match(res.body, /Le saut doit mener à une section placée après/);
  // The edit form shows a stored condition as the option's label again.
  const edit = await client.get(`${base}/${listQuestions(t.db, q.stepId).at(-1)!.id}`);
  assert.match(edit.body, /name="show_if_value" type="text" value="Gare"/);
});

test('editing a question keeps the conditions the form does not show', async () => {
  const q = makeQuestionnaire(t.db, { file: { ...SMALL, questions: [SMALL.questions[0]!, { id: 2, type: 'yes_no', title: 'Vélo ?' }, { id: 9, type: 'short_text', title: 'Deux conditions', showIf: [{ question: 1, op: 'is', value: '0' }, { question: 2, op: 'is', value: 'yes' }] }] } });
  const ids = questionIds(t, q.stepId);
  const { client } = await loginAs(t, 'admin');
  const form = await client.get(`/questionnaire/${q.stepId}/admin/questions/${ids[2]}`);
  assert.match(form.body, /name="show_if_value" type="text" value="Centre"/);
  assert.equal((await client.post(`/questionnaire/${q.stepId}/admin/questions/${ids[2]}`, { title: 'Deux conditions, renommée', show_if_question: String(ids[0]), show_if_op: 'is', show_if_value: 'Gare' })).statusCode, 303);
  assert.deepEqual(listQuestions(t.db, q.stepId)[2]!.showIf, [{ question: ids[0], op: 'is', value: '1' }, { question: ids[1], op: 'is', value: 'yes' }]);
});

test('questions move up and down without JavaScript, and stay put at either end', async () => {
  const q = makeQuestionnaire(t.db);
  const ids = questionIds(t, q.stepId);
  const { client } = await loginAs(t, 'admin');
  const res = await client.post(`/questionnaire/${q.stepId}/admin/questions/${ids[1]}/move`, { direction: 'up' });
  assert.equal(res.statusCode, 303);
  assert.equal(res.headers.location, `/questionnaire/${q.stepId}/admin#move-up-${ids[1]}`);
  assert.deepEqual(questionIds(t, q.stepId).slice(0, 2), [ids[1], ids[0]]);
  await client.post(`/questionnaire/${q.stepId}/admin/questions/${ids[1]}/move`, { direction: 'up' });
  assert.deepEqual(questionIds(t, q.stepId).slice(0, 2), [ids[1], ids[0]], 'the first stays first');
  assert.equal((await client.post(`/questionnaire/${q.stepId}/admin/questions/${ids[1]}/move`, { direction: 'left' })).statusCode, 400);
  // The follow-up (shown if the bike question is yes) may not move above that question.
  await client.post(`/questionnaire/${q.stepId}/admin/questions/${ids[2]}/move`, { direction: 'up' });
  const before = questionIds(t, q.stepId);
  assert.deepEqual(before.slice(0, 3), [ids[1], ids[2], ids[0]]);
  await client.post(`/questionnaire/${q.stepId}/admin/questions/${ids[2]}/move`, { direction: 'up' });
  assert.deepEqual(questionIds(t, q.stepId), before, 'refused: the rule would read a later question');
  assert.match((await client.get(`/questionnaire/${q.stepId}/admin`)).body, /Déplacement refusé/);
});

test('deleting a question removes the rules that read it', async () => {
  const q = makeQuestionnaire(t.db);
  const ids = questionIds(t, q.stepId);
  const { client } = await loginAs(t, 'admin');
  assert.equal((await client.post(`/questionnaire/${q.stepId}/admin/questions/${ids[1]}/delete`)).statusCode, 303);
  const left = listQuestions(t.db, q.stepId);
  assert.equal(left.length, 9);
  assert.deepEqual(left.find((x) => x.id === ids[2])!.showIf, []);
});

test('once answered, a question’s choices are locked but its title may change', async () => {
  const q = makeQuestionnaire(t.db);
  const ids = questionIds(t, q.stepId);
  t.db.sqlite.prepare('insert into questionnaire_steps (step_id, responses_count) values (?, 1) on conflict do update set responses_count = 1').run(q.stepId);
  const { client } = await loginAs(t, 'admin');
  const base = `/questionnaire/${q.stepId}/admin/questions/${ids[0]}`;
  assert.equal((await client.post(base, { title: 'Votre quartier', options: 'Centre\nGare', required: '1' })).statusCode, 422);
  assert.equal((await client.post(base, { title: 'Dans quel quartier ?', options: 'Centre\nGare\nPort', required: '1' })).statusCode, 303);
  assert.equal(listQuestions(t.db, q.stepId)[0]!.title, 'Dans quel quartier ?');
  const imported = await client.post(`/questionnaire/${q.stepId}/admin/template`, { template: 'event' });
  assert.equal(imported.statusCode, 422, 'no import once answered');
});

test('a questionnaire exported as a file and imported elsewhere has the same questions and rules', async () => {
  const a = makeQuestionnaire(t.db);
  const b = makeQuestionnaire(t.db, { file: { ...SMALL, questions: SMALL.questions.slice(0, 1) } });
  const { client } = await loginAs(t, 'admin');
  const file = await client.get(`/questionnaire/${a.stepId}/admin/questionnaire.json`);
  assert.match(String(file.headers['content-disposition']), /attachment/);
  const res = await postMultipart(t, client, `/questionnaire/${b.stepId}/admin/import`, [{ name: '_csrf', value: client.csrf }, { name: 'file', filename: 'q.json', type: 'application/json', data: Buffer.from(file.body) }]);
  assert.equal(res.statusCode, 303);
  const strip = (stepId: number) => listQuestions(t.db, stepId).map(({ type, title, config, showIf, jump }) => ({ type, title, config, conditions: showIf.length, jump: !!jump }));
  assert.deepEqual(strip(b.stepId), strip(a.stepId));
});

test('a broken file is refused with its reason, and nothing changes', async () => {
  const q = makeQuestionnaire(t.db);
  const { client } = await loginAs(t, 'admin');
  const send = (content: string) => postMultipart(t, client, `/questionnaire/${q.stepId}/admin/import`, [{ name: '_csrf', value: client.csrf }, { name: 'file', filename: 'q.json', type: 'application/json', data: Buffer.from(content) }]);
  for (const [content, message] of [
    ['{ pas du json', /pas du JSON valide/],
    ['{"format":"autre"}', /pas un questionnaire Palabre/],
    [JSON.stringify({ format: 'palabre-questionnaire', version: 1, title: 'x', questions: [{ id: 1, type: 'single', title: 'Q', config: { options: ['A'] } }] }), /Question 1, champ « options »/],
    [JSON.stringify({ format: 'palabre-questionnaire', version: 1, title: 'x', questions: [{ id: 1, type: 'yes_no', title: 'Q', showIf: [{ question: 2, op: 'is', value: 'yes' }] }, { id: 2, type: 'yes_no', title: 'R' }] }), /une condition porte sur une question placée après/],
  ] as const) {
    const res = await send(content);
    assert.equal(res.statusCode, 422, content);
    assert.match(res.body, message);
  }
  assert.equal(listQuestions(t.db, q.stepId).length, 10);
});

test('the barometer template holds over a hundred questions and applies in one click', async () => {
  assert.ok(barometer.questions.filter((q) => q.type !== 'section').length > 100);
  const q = makeQuestionnaire(t.db);
  const { client } = await loginAs(t, 'admin');
  assert.equal((await client.post(`/questionnaire/${q.stepId}/admin/template`, { template: 'barometer' })).statusCode, 303);
  assert.equal(listQuestions(t.db, q.stepId).length, barometer.questions.length);
  assert.equal(countRows(t, `questionnaire_questions where step_id = ${q.stepId} and jump is not null`), 1);
  assert.equal((await client.post(`/questionnaire/${q.stepId}/admin/template`, { template: 'nope' })).statusCode, 400);
});
