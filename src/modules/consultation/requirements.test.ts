// Requirements per action in a consultation: a town asks for a postal code to vote but not to
// contribute. The page offers what the person may do, the server refuses the rest with the
// refused page, and completing the requirement in place opens it.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { makeApp, type TestApp } from '../../../test/helpers/app.ts';
import { loginAs, countRows } from '../../../test/helpers/factories.ts';
import { makeConsultation, addItem } from './test-fixtures.ts';

let t: TestApp;
before(async () => (t = await makeApp()));
after(() => t.close());

function postalCodeToVote() {
  const c = makeConsultation(t.db, { requirePostalCode: true });
  t.db.sqlite.prepare(`update steps set requirement_actions = '{"postal_code":["vote"]}' where id = ?`).run(c.stepId);
  return c;
}

test('a postal code asked to vote only: a citizen without one contributes, but voting is refused with the way to complete it', async () => {
  const c = postalCodeToVote();
  const item = addItem(t.db, c, c.childSectionId, (await loginAs(t)).userId);
  const { client } = await loginAs(t);
  const page = await client.get(`/consultation/${c.stepId}/sections/${c.childSectionId}`);
  assert.match(page.body, /action="[^"]+\/contributions"/, 'the contribution form is offered');
  assert.doesNotMatch(page.body, /name="value" value="agree"/, 'no vote buttons');
  assert.match(page.body, /name="postal_code"/, 'the postal code can be given in place');

  const contributed = await client.post(`/consultation/${c.stepId}/sections/${c.childSectionId}/contributions`, { type_id: String(c.typeId), title: 'Une idée', body: 'Un texte.' });
  assert.equal(contributed.statusCode, 303);
  const votes = countRows(t, 'consultation_item_votes');
  const refused = await client.post(`/consultation/${c.stepId}/items/${item}/vote`, { value: 'agree' });
  assert.equal(refused.statusCode, 403);
  assert.match(refused.body, /Vous ne remplissez pas encore les conditions pour participer à cette étape/);
  assert.match(refused.body, /name="postal_code"/);
  assert.match(refused.body, new RegExp(`href="/consultation/${c.stepId}">Retour à l’étape`));
  assert.equal(countRows(t, 'consultation_item_votes'), votes);

  assert.equal((await client.post(`/steps/${c.stepId}/requirements`, { postal_code: '44400', next: `/consultation/${c.stepId}` })).statusCode, 303);
  assert.equal((await client.post(`/consultation/${c.stepId}/items/${item}/vote`, { value: 'agree' })).statusCode, 303);
  assert.equal(countRows(t, 'consultation_item_votes'), votes + 1);
});

test('a postal code asked for every action blocks both, and the refused page is in English too', async () => {
  const c = makeConsultation(t.db, { requirePostalCode: true });
  const { client } = await loginAs(t);
  await client.get('/lang/en');
  const refused = await client.post(`/consultation/${c.stepId}/sections/${c.childSectionId}/contributions`, { type_id: String(c.typeId), title: 'Idea', body: 'Text.' });
  assert.equal(refused.statusCode, 403);
  assert.match(refused.body, /You do not meet the conditions to take part in this step yet/);
  assert.match(refused.body, /Back to the step/);
  assert.equal((await client.post(`/consultation/${c.stepId}/sections/${c.childSectionId}/vote`, { value: 'agree' })).statusCode, 403);
});

test('an administrator limits a requirement to some actions on the step form; all or none ticked means every action', async () => {
  const c = makeConsultation(t.db);
  const { client } = await loginAs(t, 'admin');
  const form = await client.get(`/admin/projects/${c.projectId}/steps/${c.stepId}/edit`);
  assert.match(form.body, /Le code postal est demandé pour :/);
  assert.match(form.body, /name="actions_postal_code" value="vote" checked/);
  const save = (extra: Record<string, string | string[]>) => client.post(`/admin/projects/${c.projectId}/steps/${c.stepId}`, { title: 'Consultation', require_postal_code: '1', ...extra });
  const stored = () => (t.db.sqlite.prepare('select requirement_actions as a from steps where id = ?').get(c.stepId) as { a: string }).a;
  assert.equal((await save({ actions_postal_code: 'vote' })).statusCode, 303);
  assert.equal(stored(), '{"postal_code":["vote"]}');
  assert.match((await client.get(`/admin/projects/${c.projectId}/steps/${c.stepId}/edit`)).body, /name="actions_postal_code" value="contribute">/);
  await save({ actions_postal_code: ['vote', 'contribute', 'comment'] });
  assert.equal(stored(), '{}');
  await save({ actions_postal_code: 'vote', actions_district: 'unknown-action' });
  assert.equal(stored(), '{"postal_code":["vote"]}', 'actions the module does not declare are ignored');
  await save({});
  assert.equal(stored(), '{}');
});
