// Participation requirements completed in place: each one blocks until the person provides
// it, and the form saves only what is missing, then goes back to the step.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { makeApp, type TestApp } from '../../../test/helpers/app.ts';
import { missingRequirements, type Step } from '../../platform/participation.ts';
import { validateSession } from '../../platform/sessions.ts';
import { loginAs, anonymous, makeProject, makeStep, countRows as count } from '../../../test/helpers/factories.ts';

let t: TestApp;
before(async () => (t = await makeApp()));
after(() => t.close());

const stepRow = (id: number) => t.db.sqlite.prepare('select * from steps where id = ?').get(id) as Step;
const sessionUser = (client: { cookies: Map<string, string> }) => validateSession(t.db, client.cookies.get('session'))!.user;
const userRow = (id: number) => t.db.sqlite.prepare('select postal_code, district_id from users where id = ?').get(id) as { postal_code: string | null; district_id: number | null };

test('an anonymous visitor is asked to log in or register and come back', async () => {
  const project = makeProject(t.db);
  const step = makeStep(t.db, project, { postal: true });
  const anon = await anonymous(t);
  const res = await anon.get(`/steps/${step}/requirements?next=/presentation/${step}`);
  assert.equal(res.statusCode, 200);
  assert.match(res.body, /Connectez-vous ou créez un compte/);
  assert.match(res.body, new RegExp(`href="/login\\?next=%2Fpresentation%2F${step}"`));
  assert.match(res.body, new RegExp(`href="/register\\?next=%2Fpresentation%2F${step}"`));
  assert.doesNotMatch(res.body, /name="postal_code"/);
  assert.equal((await anon.post(`/steps/${step}/requirements`, { postal_code: '75011' })).statusCode, 401);
});

test('an unconfirmed email blocks participation and points to the account page', async () => {
  const project = makeProject(t.db);
  const step = makeStep(t.db, project);
  const { client } = await loginAs(t, 'citizen', { confirmed: false });
  assert.deepEqual(missingRequirements(t.db, sessionUser(client), stepRow(step)), ['confirmed_email']);
  const res = await client.get(`/steps/${step}/requirements`);
  assert.match(res.body, /Confirmez d’abord votre adresse e-mail/);
  assert.match(res.body, /href="\/account"/);
  assert.doesNotMatch(res.body, /<form method="post" action="\/steps/);
});

test('a postal code requirement blocks until a French five-digit code is given', async () => {
  const project = makeProject(t.db);
  const step = makeStep(t.db, project, { postal: true });
  const { client, userId } = await loginAs(t, 'citizen');
  assert.deepEqual(missingRequirements(t.db, sessionUser(client), stepRow(step)), ['postal_code']);
  const page = await client.get(`/steps/${step}/requirements?next=/presentation/${step}`);
  assert.match(page.body, /name="postal_code"/);
  assert.doesNotMatch(page.body, /name="district_id"|name="accept"/);
  for (const bad of ['', '7501', '750111', 'ABCDE']) {
    const res = await client.post(`/steps/${step}/requirements`, { postal_code: bad, next: `/presentation/${step}` });
    assert.equal(res.statusCode, 422, bad);
    assert.match(res.body, bad ? /exactement cinq chiffres/ : /Ce champ est obligatoire/);
  }
  assert.equal(userRow(userId).postal_code, null);
  const ok = await client.post(`/steps/${step}/requirements`, { postal_code: '75 011', next: `/presentation/${step}` });
  assert.equal(ok.statusCode, 303);
  assert.equal(ok.headers.location, `/presentation/${step}`);
  assert.equal(userRow(userId).postal_code, '75011');
  assert.deepEqual(missingRequirements(t.db, sessionUser(client), stepRow(step)), []);
  assert.match((await client.get(`/steps/${step}/requirements`)).body, /Vous remplissez toutes les conditions/);
});

test('a district requirement blocks until an existing district is chosen', async () => {
  const district = Number(t.db.sqlite.prepare("insert into districts (name) values ('Les Coteaux')").run().lastInsertRowid);
  const project = makeProject(t.db);
  const step = makeStep(t.db, project, { district: true });
  const { client, userId } = await loginAs(t, 'citizen');
  assert.deepEqual(missingRequirements(t.db, sessionUser(client), stepRow(step)), ['district']);
  const page = await client.get(`/steps/${step}/requirements`);
  assert.match(page.body, new RegExp(`<option value="${district}">Les Coteaux</option>`));
  assert.doesNotMatch(page.body, /name="postal_code"/);
  assert.equal((await client.post(`/steps/${step}/requirements`, { district_id: '999999' })).statusCode, 422);
  assert.equal((await client.post(`/steps/${step}/requirements`, { district_id: '' })).statusCode, 422);
  assert.equal(userRow(userId).district_id, null);
  assert.equal((await client.post(`/steps/${step}/requirements`, { district_id: String(district) })).statusCode, 303);
  assert.equal(userRow(userId).district_id, district);
  assert.deepEqual(missingRequirements(t.db, sessionUser(client), stepRow(step)), []);
});

test('a custom checkbox blocks until ticked, once per step, and shows the step’s own label', async () => {
  const project = makeProject(t.db);
  const step = makeStep(t.db, project, { checkbox: 'Je certifie habiter la commune' });
  const other = makeStep(t.db, project, { checkbox: 'Autre engagement' });
  const { client } = await loginAs(t, 'citizen');
  const page = await client.get(`/steps/${step}/requirements`);
  assert.match(page.body, /<label for="field-accept">Je certifie habiter la commune<\/label>/);
  const before = count(t.db, 'step_checkbox_acceptances');
  const refused = await client.post(`/steps/${step}/requirements`, {});
  assert.equal(refused.statusCode, 422);
  assert.match(refused.body, /Cochez la case/);
  assert.equal(count(t.db, 'step_checkbox_acceptances'), before);
  assert.equal((await client.post(`/steps/${step}/requirements`, { accept: '1' })).statusCode, 303);
  assert.deepEqual(missingRequirements(t.db, sessionUser(client), stepRow(step)), []);
  assert.deepEqual(missingRequirements(t.db, sessionUser(client), stepRow(other)), ['checkbox']);
});

test('several missing requirements share one form, and only the missing fields are shown', async () => {
  const district = Number(t.db.sqlite.prepare("insert into districts (name) values ('Le Port')").run().lastInsertRowid);
  const project = makeProject(t.db);
  const step = makeStep(t.db, project, { postal: true, district: true, checkbox: 'D’accord' });
  const { client, userId } = await loginAs(t, 'citizen');
  t.db.sqlite.prepare("update users set postal_code = '13001' where id = ?").run(userId);
  const page = await client.get(`/steps/${step}/requirements`);
  assert.equal((page.body.match(/<form method="post" action="\/steps\//g) ?? []).length, 1);
  assert.doesNotMatch(page.body, /name="postal_code"/);
  assert.match(page.body, /name="district_id"/);
  assert.match(page.body, /name="accept"/);
  const partial = await client.post(`/steps/${step}/requirements`, { district_id: String(district) });
  assert.equal(partial.statusCode, 422);
  assert.equal(userRow(userId).district_id, null); // nothing half-written
  assert.equal((await client.post(`/steps/${step}/requirements`, { district_id: String(district), accept: 'on', next: '//evil.example' })).statusCode, 303);
  assert.deepEqual(missingRequirements(t.db, sessionUser(client), stepRow(step)), []);
});

test('the next address stays on this site', async () => {
  const project = makeProject(t.db);
  const step = makeStep(t.db, project, { postal: true });
  const { client } = await loginAs(t, 'citizen');
  const res = await client.post(`/steps/${step}/requirements`, { postal_code: '69001', next: '//evil.example/x' });
  assert.equal(res.headers.location, '/');
});

test('steps of hidden projects have no requirements page (404), and nothing is saved', async () => {
  const draft = makeProject(t.db, { visibility: 'draft' });
  const step = makeStep(t.db, draft, { postal: true });
  const { client, userId } = await loginAs(t, 'citizen');
  assert.equal((await client.get(`/steps/${step}/requirements`)).statusCode, 404);
  assert.equal((await client.post(`/steps/${step}/requirements`, { postal_code: '75011' })).statusCode, 404);
  assert.equal(userRow(userId).postal_code, null);
  assert.equal((await client.get('/steps/999999/requirements')).statusCode, 404);
  assert.equal((await client.post(`/steps/${step}/requirements`, { postal_code: '75011', _csrf: '' })).statusCode, 403);
});

test('the requirements form’s next field never leads off the site, whatever characters a browser would strip', async () => {
  const project = makeProject(t.db);
  const step = makeStep(t.db, project, { postal: true });
  const { client } = await loginAs(t, 'citizen');
  const page = await client.get(`/steps/${step}/requirements?next=${encodeURIComponent('/\t/evil.example')}`);
  assert.match(page.body, /name="next" value="\/"/);
  for (const next of ['/\t/evil.example', '/\r\n/evil.example', '//evil.example']) {
    const res = await client.post(`/steps/${step}/requirements`, { postal_code: '75011', next });
    assert.equal(res.statusCode, 303, JSON.stringify(next));
    assert.equal(res.headers.location, '/');
  }
});
