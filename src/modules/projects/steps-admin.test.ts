// Steps admin: adding steps of a module's type with local dates, requirements and settings,
// editing, deleting, reordering with buttons; refusals for others and for bad input.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { makeApp, type TestApp } from '../../../test/helpers/app.ts';
import type { Manifest } from '../../platform/module.ts';
import { loginAs, anonymous, countRows as count, makeProject, makeStep } from '../../../test/helpers/factories.ts';

let t: TestApp;
before(async () => (t = await makeApp({ env: { TIME_ZONE: 'Europe/Paris' } })));
after(() => t.close());

const step = (id: number) => t.db.sqlite.prepare('select * from steps where id = ?').get(id) as Record<string, unknown>;
const order = (projectId: number) => (t.db.sqlite.prepare('select title from steps where project_id = ? order by position').all(projectId) as { title: string }[]).map((r) => r.title);
const lastStepId = () => (t.db.sqlite.prepare('select max(id) as id from steps').get() as { id: number }).id;

test('the project edit page offers every enabled step type and links to the add form', async () => {
  const { client } = await loginAs(t, 'admin');
  const id = makeProject(t.db);
  const page = await client.get(`/admin/projects/${id}/edit`);
  assert.match(page.body, /<option value="presentation">Présentation<\/option>/);
  const form = await client.get(`/admin/projects/${id}/steps/new?type=presentation`);
  assert.equal(form.statusCode, 200);
  assert.match(form.body, /Nouvelle étape : Présentation/);
  assert.match(form.body, /type="datetime-local"/);
  assert.equal((await client.get(`/admin/projects/${id}/steps/new?type=nope`)).statusCode, 400);
  assert.equal((await client.get('/admin/projects/999999/steps/new?type=presentation')).statusCode, 404);
});

test('an administrator adds a step with local Paris dates stored in UTC and shown back in local time', async () => {
  const { client } = await loginAs(t, 'admin');
  const id = makeProject(t.db);
  await client.get(`/admin/projects/${id}/steps/new?type=presentation`);
  const res = await client.post(`/admin/projects/${id}/steps`, {
    type: 'presentation',
    title: 'Réunion publique',
    body_md: 'Rendez-vous en mairie.',
    starts_at: '2026-03-29T01:30',
    ends_at: '2026-10-25T12:00',
    require_postal_code: '1',
    require_checkbox_label: 'J’habite la commune',
  });
  assert.equal(res.statusCode, 303);
  assert.equal(res.headers.location, `/admin/projects/${id}/edit#steps`);
  const row = step(lastStepId());
  assert.equal(row.project_id, id);
  assert.equal(row.type, 'presentation');
  assert.equal(row.starts_at, '2026-03-29T00:30:00.000Z');
  assert.equal(row.ends_at, '2026-10-25T11:00:00.000Z');
  assert.equal(row.require_postal_code, 1);
  assert.equal(row.require_district, 0);
  assert.equal(row.require_checkbox_label, 'J’habite la commune');
  assert.equal(row.settings, '{}');
  const edit = await client.get(`/admin/projects/${id}/steps/${row.id}/edit`);
  assert.match(edit.body, /value="2026-03-29T01:30"/);
  assert.match(edit.body, /value="2026-10-25T12:00"/);
  // Open-ended: no dates at all.
  assert.equal((await client.post(`/admin/projects/${id}/steps/${row.id}`, { title: 'Sans fin', starts_at: '', ends_at: '' })).statusCode, 303);
  assert.equal(step(Number(row.id)).ends_at, null);
  assert.equal(step(Number(row.id)).starts_at, null);
  assert.equal(step(Number(row.id)).require_checkbox_label, null);
});

test('bad step input is refused with clear messages and nothing is written', async () => {
  const { client } = await loginAs(t, 'admin');
  const id = makeProject(t.db);
  await client.get(`/admin/projects/${id}/steps/new?type=presentation`);
  const before = count(t.db, 'steps');
  const cases: [Record<string, string>, RegExp][] = [
    [{ title: '' }, /Ce champ est obligatoire/],
    [{ title: 't'.repeat(151) }, /ne doit pas dépasser 150 caractères/],
    [{ title: 'Ok', starts_at: '2026-05-02T10:00', ends_at: '2026-05-01T10:00' }, /La fin doit venir après le début/],
    [{ title: 'Ok', starts_at: '2026-05-01T10:00', ends_at: '2026-05-01T10:00' }, /La fin doit venir après le début/],
    [{ title: 'Ok', starts_at: 'demain' }, /Indiquez une date et une heure valides/],
    [{ title: 'Ok', require_checkbox_label: 'c'.repeat(301) }, /ne doit pas dépasser 300 caractères/],
  ];
  for (const [form, message] of cases) {
    const res = await client.post(`/admin/projects/${id}/steps`, { type: 'presentation', ...form });
    assert.equal(res.statusCode, 422, JSON.stringify(form).slice(0, 80));
    assert.match(res.body, message);
  }
  assert.equal((await client.post(`/admin/projects/${id}/steps`, { type: 'unknown', title: 'Ok' })).statusCode, 400);
  assert.equal(count(t.db, 'steps'), before);
});

test('citizens and anonymous visitors cannot add, edit, move or delete steps', async () => {
  const id = makeProject(t.db);
  const s = makeStep(t.db, id, { title: 'Fixe' });
  const anon = await anonymous(t);
  const { client: citizen } = await loginAs(t, 'citizen');
  for (const c of [anon, citizen]) {
    const expected = c === anon ? 401 : 403;
    assert.equal((await c.post(`/admin/projects/${id}/steps`, { type: 'presentation', title: 'Pirate' })).statusCode, expected);
    assert.equal((await c.post(`/admin/projects/${id}/steps/${s}`, { title: 'Pirate' })).statusCode, expected);
    assert.equal((await c.post(`/admin/projects/${id}/steps/${s}/move`, { direction: 'up' })).statusCode, expected);
    assert.equal((await c.post(`/admin/projects/${id}/steps/${s}/delete`, {})).statusCode, expected);
  }
  assert.equal((await citizen.get(`/admin/projects/${id}/steps/${s}/edit`)).statusCode, 403);
  assert.equal((await citizen.get(`/admin/projects/${id}/steps/new?type=presentation`)).statusCode, 403);
  assert.equal((await anon.get(`/admin/projects/${id}/steps/new?type=presentation`)).statusCode, 303);
  assert.equal(step(s).title, 'Fixe');
  assert.deepEqual(order(id), ['Fixe']);
});

test('a step id from another project is refused (404)', async () => {
  const { client } = await loginAs(t, 'admin');
  const a = makeProject(t.db);
  const b = makeProject(t.db);
  const s = makeStep(t.db, b, { title: 'Chez B' });
  assert.equal((await client.get(`/admin/projects/${a}/steps/${s}/edit`)).statusCode, 404);
  assert.equal((await client.post(`/admin/projects/${a}/steps/${s}`, { title: 'Volé' })).statusCode, 404);
  assert.equal((await client.post(`/admin/projects/${a}/steps/${s}/delete`, {})).statusCode, 404);
  assert.equal((await client.post(`/admin/projects/${a}/steps/${s}/move`, { direction: 'up' })).statusCode, 404);
  assert.equal(step(s).title, 'Chez B');
});

test('move up and move down buttons reorder the steps; the ends do not move', async () => {
  const { client } = await loginAs(t, 'admin');
  const id = makeProject(t.db);
  const [a, b, c] = ['A', 'B', 'C'].map((title) => makeStep(t.db, id, { title }));
  const page = await client.get(`/admin/projects/${id}/edit`);
  assert.equal((page.body.match(/name="direction" value="up"/g) ?? []).length, 2);
  assert.equal((page.body.match(/name="direction" value="down"/g) ?? []).length, 2);
  assert.equal((await client.post(`/admin/projects/${id}/steps/${c}/move`, { direction: 'up' })).statusCode, 303);
  assert.deepEqual(order(id), ['A', 'C', 'B']);
  await client.post(`/admin/projects/${id}/steps/${a}/move`, { direction: 'down' });
  assert.deepEqual(order(id), ['C', 'A', 'B']);
  await client.post(`/admin/projects/${id}/steps/${c}/move`, { direction: 'up' });
  await client.post(`/admin/projects/${id}/steps/${b}/move`, { direction: 'down' });
  assert.deepEqual(order(id), ['C', 'A', 'B']);
  assert.equal((await client.post(`/admin/projects/${id}/steps/${b}/move`, { direction: 'sideways' })).statusCode, 400);
  assert.equal((await client.post(`/admin/projects/${id}/steps/${b}/delete`, {})).statusCode, 303);
  assert.deepEqual(order(id), ['C', 'A']);
});

test('a module’s declared settings get a generic form, are validated and stored as JSON', async () => {
  const fake: Manifest = {
    slug: 'fake-step',
    titleKey: 'projects.title',
    routes: async () => {},
    messages: { fr: {}, en: {} },
    step: {
      settings: {
        max_votes: { type: 'integer', default: 3, min: 1, max: 10, labelKey: 'projects.steps.field.title' },
        sort: { type: 'enum', default: 'newest', options: ['newest', 'oldest'], labelKey: 'projects.steps.field.body' },
        anonymous: { type: 'boolean', default: false, labelKey: 'projects.steps.field.require_district' },
        note: { type: 'string', default: '', max: 10, labelKey: 'projects.steps.field.require_checkbox_label' },
      },
      adminPath: (stepId) => `/fake-step/${stepId}/admin`,
    },
  };
  // The app keeps the module list it was built with; a test-only step type joins it here.
  const manifests = t.app.manifests as Manifest[];
  manifests.push(fake);
  try {
    const { client } = await loginAs(t, 'admin');
    const id = makeProject(t.db);
    const form = await client.get(`/admin/projects/${id}/steps/new?type=fake-step`);
    assert.match(form.body, /name="setting_max_votes" type="number" value="3"/);
    assert.match(form.body, /<option value="newest" selected>newest<\/option>/);
    const bad = await client.post(`/admin/projects/${id}/steps`, { type: 'fake-step', title: 'Vote', setting_max_votes: '50', setting_sort: 'random', setting_note: 'trop long ici' });
    assert.equal(bad.statusCode, 422);
    assert.match(bad.body, /Indiquez un nombre entre 1 et 10/);
    assert.match(bad.body, /ne fait pas partie des options/);
    assert.match(bad.body, /ne doit pas dépasser 10 caractères/);
    const ok = await client.post(`/admin/projects/${id}/steps`, { type: 'fake-step', title: 'Vote', setting_max_votes: '5', setting_sort: 'oldest', setting_anonymous: '1', setting_note: 'court' });
    assert.equal(ok.statusCode, 303);
    const s = lastStepId();
    assert.deepEqual(JSON.parse(String(step(s).settings)), { max_votes: 5, sort: 'oldest', anonymous: true, note: 'court' });
    const edit = await client.get(`/admin/projects/${id}/steps/${s}/edit`);
    assert.match(edit.body, /name="setting_max_votes" type="number" value="5"/);
    assert.match(edit.body, /id="field-setting_anonymous" name="setting_anonymous" value="1" checked/);
    const project = await client.get(`/admin/projects/${id}/edit`);
    assert.match(project.body, new RegExp(`href="/fake-step/${s}/admin"`));
  } finally {
    manifests.splice(manifests.indexOf(fake), 1);
  }
});
