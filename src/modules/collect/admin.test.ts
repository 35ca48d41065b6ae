// The collect step's admin page: the proposal form's fields (modes, help, maximum cost) and
// their effect on the citizens' form, categories with their contrast check, custom questions
// through the platform's form engine (five types), reordered without JavaScript; errors beside
// the fields in French and English, nothing written on a refusal.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { makeApp, type TestApp } from '../../../test/helpers/app.ts';
import { countRows, loginAs } from '../../../test/helpers/factories.ts';
import { addProposal, makeCollect } from './test-fixtures.ts';
import { findCollect, listQuestions } from './queries.ts';

let t: TestApp;
before(async () => (t = await makeApp()));
after(() => t.close());

const modes = { mode_summary: 'optional', mode_body: 'required', mode_category: 'off', mode_district: 'off', mode_address: 'required', mode_cost: 'required', mode_image: 'off', mode_attachments: 'off' };

test('the administrator sets the form’s fields: the citizens’ form follows, with the help texts', async () => {
  const c = makeCollect(t.db);
  const { client } = await loginAs(t, 'admin');
  const page = await client.get(`/collect/${c.stepId}/admin`);
  assert.match(page.body, /name="mode_summary" value="required" checked/);
  const res = await client.post(`/collect/${c.stepId}/admin/form`, { ...modes, help_address: 'Le lieu exact, si possible.', cost_max: '50 000' });
  assert.equal(res.statusCode, 303);
  const form = findCollect(t.db, c.stepId).form;
  assert.equal(form.fields.cost.mode, 'required');
  assert.equal(form.costMax, 50000);
  const citizen = await (await loginAs(t)).client.get(`/collect/${c.stepId}/proposals/new`);
  assert.match(citizen.body, /Le lieu exact, si possible\./);
  assert.match(citizen.body, /name="cost"/);
  assert.doesNotMatch(citizen.body, /name="category"/);
  assert.match(citizen.body, /de 50[\s\u202f]000 € au plus/);
});

test('bad form settings: a mode no form sends is a 400; a long help or a bad maximum a 422 in French and English', async () => {
  const c = makeCollect(t.db);
  const { client } = await loginAs(t, 'admin');
  assert.equal((await client.post(`/collect/${c.stepId}/admin/form`, { ...modes, mode_cost: 'maybe' })).statusCode, 400);
  const res = await client.post(`/collect/${c.stepId}/admin/form`, { ...modes, help_body: 'x'.repeat(1001), cost_max: 'beaucoup' });
  assert.equal(res.statusCode, 422);
  assert.match(res.body, /id="field-help_body-error"/);
  assert.match(res.body, /Indiquez un montant entier en euros/);
  await client.get('/lang/en');
  assert.match((await client.post(`/collect/${c.stepId}/admin/form`, { ...modes, cost_max: '0' })).body, /Enter a whole amount in euros/);
  assert.equal(findCollect(t.db, c.stepId).form.fields.cost.mode, 'off', 'nothing saved');
});

test('categories are added, renamed and deleted; a colour too light is refused with its contrast', async () => {
  const c = makeCollect(t.db);
  const { client, userId } = await loginAs(t, 'admin');
  const base = `/collect/${c.stepId}/admin/categories`;
  const light = await client.post(base, { name: 'Soleil', colour: '#fde047' });
  assert.equal(light.statusCode, 422);
  assert.match(light.body, /Cette couleur est trop claire : son contraste avec le blanc est de 1[.,]\d:1/);
  assert.equal((await client.post(base, { name: '', colour: 'bleu' })).statusCode, 422);
  assert.equal(countRows(t, `collect_categories where step_id = ${c.stepId}`), 0);
  assert.equal((await client.post(base, { name: 'Nature', colour: '#166534' })).statusCode, 303);
  const id = Number(t.db.sqlite.prepare('select id from collect_categories where step_id = ?').pluck().get(c.stepId));
  assert.match((await client.get(`${base}/${id}/edit`)).body, /value="Nature"/);
  assert.equal((await client.post(`${base}/${id}`, { name: 'Nature en ville', colour: '#14532D' })).statusCode, 303);
  assert.deepEqual(t.db.sqlite.prepare('select name, colour from collect_categories where id = ?').get(id), { name: 'Nature en ville', colour: '#14532d' });
  const proposal = addProposal(t.db, c, userId, { categoryId: id });
  assert.equal((await client.post(`${base}/${id}/delete`)).statusCode, 303);
  assert.equal(t.db.sqlite.prepare('select category_id from collect_proposals where contribution_id = ?').pluck().get(proposal), null, 'its proposals stay, without a category');
});

test('custom questions of the five types are defined through the form engine, edited, moved and deleted', async () => {
  const c = makeCollect(t.db);
  const { client } = await loginAs(t, 'admin');
  const base = `/collect/${c.stepId}/admin/questions`;
  assert.equal((await client.post(base, { type: 'short_text', title: 'Votre association ?', max_length: '80' })).statusCode, 303);
  assert.equal((await client.post(base, { type: 'single', title: 'Pour qui ?', options: 'Enfants\nAînés\nTous', required: '1' })).statusCode, 303);
  assert.equal((await client.post(base, { type: 'multiple', title: 'Quand ?', options: 'Matin\nSoir', max_select: '2' })).statusCode, 303);
  assert.equal((await client.post(base, { type: 'number', title: 'Combien ?', min: '1', max: '10' })).statusCode, 303);
  assert.equal((await client.post(base, { type: 'long_text', title: 'Pourquoi ?', private: '1' })).statusCode, 303);
  let questions = listQuestions(t.db, c.stepId);
  assert.deepEqual(questions.map((q) => q.type), ['short_text', 'single', 'multiple', 'number', 'long_text']);
  assert.deepEqual(questions[1]!.config.options, ['Enfants', 'Aînés', 'Tous']);
  assert.equal(questions[1]!.required, true);
  assert.equal(questions[4]!.private, true);
  assert.equal(questions[0]!.config.maxLength, 80);
  const [first, second] = questions;
  assert.equal((await client.post(`${base}/${second!.id}/move`, { direction: 'up' })).statusCode, 303);
  assert.deepEqual(listQuestions(t.db, c.stepId).slice(0, 2).map((q) => q.id), [second!.id, first!.id]);
  await client.post(`${base}/${second!.id}/move`, { direction: 'up' });
  assert.equal(listQuestions(t.db, c.stepId)[0]!.id, second!.id, 'the first stays first');
  assert.equal((await client.post(`${base}/${second!.id}/move`, { direction: 'sideways' })).statusCode, 400);
  assert.match((await client.get(`${base}/${second!.id}/edit`)).body, /Enfants\nAînés\nTous<\/textarea>/);
  assert.equal((await client.post(`${base}/${second!.id}`, { type: 'single', title: 'Pour qui surtout ?', options: 'Enfants\nAînés' })).statusCode, 303);
  assert.equal(listQuestions(t.db, c.stepId)[0]!.title, 'Pour qui surtout ?');
  const citizen = await (await loginAs(t)).client.get(`/collect/${c.stepId}/proposals/new`);
  assert.match(citizen.body, /<legend>Pour qui surtout \?/);
  assert.equal((await client.post(`${base}/${first!.id}/delete`)).statusCode, 303);
  questions = listQuestions(t.db, c.stepId);
  assert.equal(questions.length, 4);
});

test('bad questions are refused beside their fields: a type not offered, a choice with one option, a missing title', async () => {
  const c = makeCollect(t.db);
  const { client } = await loginAs(t, 'admin');
  const base = `/collect/${c.stepId}/admin/questions`;
  const ranking = await client.post(base, { type: 'ranking', title: 'Classez', options: 'A\nB' });
  assert.equal(ranking.statusCode, 422);
  assert.match(ranking.body, /id="field-type-error"/);
  const single = await client.post(base, { type: 'single', title: '', options: 'Seul' });
  assert.equal(single.statusCode, 422);
  assert.match(single.body, /id="field-title-error"/);
  assert.match(single.body, /id="field-options-error">Indiquez au moins 2 éléments/);
  assert.match(single.body, /Seul<\/textarea>/);
  assert.equal(countRows(t, `collect_questions where step_id = ${c.stepId}`), 0);
});
