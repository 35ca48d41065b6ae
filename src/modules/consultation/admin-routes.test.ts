// Administration of a consultation: only administrators; contribution types (name, colour with
// enough contrast) and the sections tree (create with parent and types, edit, move, delete).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { makeApp, type TestApp } from '../../../test/helpers/app.ts';
import { readSync } from '../../db/write.ts';
import { loginAs, anonymous, addUser, countRows } from '../../../test/helpers/factories.ts';
import { makeConsultation, addItem } from './test-fixtures.ts';
import { listSections, listTypes } from './queries.ts';
import { findSectionTypeIds } from './admin-queries.ts';

let t: TestApp;
before(async () => (t = await makeApp()));
after(() => t.close());

const admin = (c: { stepId: number }) => `/consultation/${c.stepId}/admin`;
const section = (id: number) => readSync(t.db).first(t.db.selectFrom('consultation_sections').selectAll().where('id', '=', id));

test('only administrators reach the admin pages; others are redirected, refused, nothing written', async () => {
  const c = makeConsultation(t.db);
  const anon = t.client();
  const res = await anon.get(admin(c));
  assert.equal(res.statusCode, 303);
  assert.match(String(res.headers.location), /^\/login\?next=/);
  const { client: citizen } = await loginAs(t, 'citizen');
  const { client: moderator } = await loginAs(t, 'moderator');
  const before = [countRows(t.db, 'consultation_contribution_types'), countRows(t.db, 'consultation_sections')];
  for (const client of [citizen, moderator]) {
    assert.equal((await client.get(admin(c))).statusCode, 403);
    assert.equal((await client.post(`${admin(c)}/types`, { name: 'X', colour: '#000000' })).statusCode, 403);
    assert.equal((await client.post(`${admin(c)}/sections`, { title: 'X', default_sort: 'newest' })).statusCode, 403);
    assert.equal((await client.post(`${admin(c)}/sections/${c.sectionId}/delete`)).statusCode, 403);
  }
  const anonForm = await anonymous(t);
  assert.equal((await anonForm.post(`${admin(c)}/types`, { name: 'X', colour: '#000000' })).statusCode, 401);
  assert.deepEqual([countRows(t.db, 'consultation_contribution_types'), countRows(t.db, 'consultation_sections')], before);
  const { client: a } = await loginAs(t, 'admin');
  const page = await a.get(admin(c));
  assert.equal(page.statusCode, 200);
  assert.match(page.body, /Titre I/);
  assert.match(page.body, /Proposition/);
  assert.match(page.body, new RegExp(`href="/consultation/${c.stepId}/export.csv"`));
});

test('an administrator adds, edits and deletes contribution types; colours must be readable', async () => {
  const c = makeConsultation(t.db);
  const { client } = await loginAs(t, 'admin');
  await client.get(admin(c));
  const created = await client.post(`${admin(c)}/types`, { name: 'Solution', colour: '#047857' });
  assert.equal(created.statusCode, 303);
  const type = listTypes(t.db, c.stepId).find((x) => x.name === 'Solution')!;
  assert.equal(type.colour, '#047857');
  for (const [form, message] of [
    [{ name: '', colour: '#047857' }, /Ce champ est obligatoire/],
    [{ name: 'x'.repeat(51), colour: '#047857' }, /50 caractères/],
    [{ name: 'Jaune', colour: 'yellow' }, /format #rrggbb/],
    [{ name: 'Jaune', colour: '#ffff00' }, /trop claire : son contraste avec le blanc est de 1[.,]1:1/],
  ] as const) {
    const res = await client.post(`${admin(c)}/types`, form);
    assert.equal(res.statusCode, 422);
    assert.match(res.body, message);
  }
  assert.equal(listTypes(t.db, c.stepId).length, 3);
  await client.get(`${admin(c)}/types/${type.id}/edit`);
  assert.equal((await client.post(`${admin(c)}/types/${type.id}`, { name: 'Solutions', colour: '#ffffff' })).statusCode, 422);
  assert.equal((await client.post(`${admin(c)}/types/${type.id}`, { name: 'Solutions', colour: '#7C3AED' })).statusCode, 303);
  assert.equal(listTypes(t.db, c.stepId).find((x) => x.id === type.id)?.colour, '#7c3aed');
  // A type of another consultation cannot be reached from this one.
  const other = makeConsultation(t.db);
  assert.equal((await client.post(`${admin(c)}/types/${other.typeId}`, { name: 'X', colour: '#000000' })).statusCode, 404);
  assert.equal((await client.post(`${admin(c)}/types/${other.typeId}/delete`)).statusCode, 404);
  assert.equal((await client.post(`${admin(c)}/types/${type.id}/delete`)).statusCode, 303);
  assert.equal(listTypes(t.db, c.stepId).length, 2);
});

test('an administrator creates a subsection with its options and open types, then edits it', async () => {
  const c = makeConsultation(t.db);
  const { client } = await loginAs(t, 'admin');
  const form = await client.get(`${admin(c)}/sections/new?parent=${c.sectionId}`);
  assert.match(form.body, new RegExp(`<option value="${c.sectionId}" selected>`));
  const res = await client.post(`${admin(c)}/sections`, {
    parent_id: String(c.sectionId),
    title: 'Article 2',
    body_md: 'Le texte.',
    allow_votes: '1',
    allow_sources: '1',
    default_sort: 'controversial',
    type_ids: [String(c.typeId), String(c.otherTypeId)],
  });
  assert.equal(res.statusCode, 303);
  const created = listSections(t.db, c.stepId).find((s) => s.title === 'Article 2')!;
  assert.equal(created.parent_id, c.sectionId);
  assert.equal(created.position, 2, 'after Article 1');
  assert.deepEqual([created.allow_votes, created.allow_sources, created.allow_amendments, created.allow_arguments, created.default_sort], [1, 1, 0, 0, 'controversial']);
  assert.deepEqual(findSectionTypeIds(t.db, created.id).sort(), [c.typeId, c.otherTypeId].sort());
  const edit = await client.get(`${admin(c)}/sections/${created.id}/edit`);
  assert.match(edit.body, /value="Article 2"/);
  const saved = await client.post(`${admin(c)}/sections/${created.id}`, { parent_id: '', title: 'Titre II', body_md: '', default_sort: 'newest', allow_amendments: '1' });
  assert.equal(saved.statusCode, 303);
  const after = section(created.id)!;
  assert.deepEqual([after.parent_id, after.title, after.allow_votes, after.allow_amendments, after.position], [null, 'Titre II', 0, 1, 2]);
  assert.deepEqual(findSectionTypeIds(t.db, created.id), []);
});

test('section input is checked: title, parent, sort and types of this consultation only', async () => {
  const c = makeConsultation(t.db);
  const other = makeConsultation(t.db);
  const { client } = await loginAs(t, 'admin');
  await client.get(`${admin(c)}/sections/new`);
  const before = countRows(t.db, 'consultation_sections');
  const ok = { title: 'Article', default_sort: 'newest' };
  for (const [form, message] of [
    [{ ...ok, title: '' }, /Ce champ est obligatoire/],
    [{ ...ok, title: 'x'.repeat(201) }, /200 caractères/],
    [{ ...ok, parent_id: String(other.sectionId) }, /section parente n&#39;est pas possible/],
    [{ ...ok, parent_id: 'abc' }, /section parente/],
    [{ ...ok, default_sort: 'best' }, /ne fait pas partie des options/],
    [{ ...ok, type_ids: String(other.typeId) }, /type de contribution n&#39;existe pas/],
  ] as const) {
    const res = await client.post(`${admin(c)}/sections`, form);
    assert.equal(res.statusCode, 422, JSON.stringify(form).slice(0, 60));
    assert.match(res.body, message);
  }
  // A section cannot become its own descendant's child.
  const loop = await client.post(`${admin(c)}/sections/${c.sectionId}`, { ...ok, parent_id: String(c.childSectionId) });
  assert.equal(loop.statusCode, 422);
  assert.equal(section(c.sectionId)!.parent_id, null);
  assert.equal(countRows(t.db, 'consultation_sections'), before);
  assert.equal((await client.get(`${admin(c)}/sections/${other.sectionId}/edit`)).statusCode, 404);
  assert.equal((await client.post(`${admin(c)}/sections/${other.sectionId}`, ok)).statusCode, 404);
  assert.equal((await client.post(`${admin(c)}/sections/${other.sectionId}/move`, { direction: 'up' })).statusCode, 404);
});

test('sections move up and down among their siblings', async () => {
  const c = makeConsultation(t.db);
  const { client } = await loginAs(t, 'admin');
  await client.get(admin(c));
  for (const title of ['Titre II', 'Titre III']) await client.post(`${admin(c)}/sections`, { title, default_sort: 'newest' });
  const roots = () => listSections(t.db, c.stepId).filter((s) => s.parent_id === null).sort((a, b) => a.position - b.position).map((s) => s.title);
  assert.deepEqual(roots(), ['Titre I', 'Titre II', 'Titre III']);
  const third = listSections(t.db, c.stepId).find((s) => s.title === 'Titre III')!;
  assert.equal((await client.post(`${admin(c)}/sections/${third.id}/move`, { direction: 'up' })).statusCode, 303);
  assert.deepEqual(roots(), ['Titre I', 'Titre III', 'Titre II']);
  await client.post(`${admin(c)}/sections/${third.id}/move`, { direction: 'up' });
  await client.post(`${admin(c)}/sections/${third.id}/move`, { direction: 'up' }); // already first
  assert.deepEqual(roots(), ['Titre III', 'Titre I', 'Titre II']);
  await client.post(`${admin(c)}/sections/${c.sectionId}/move`, { direction: 'down' });
  assert.deepEqual(roots(), ['Titre III', 'Titre II', 'Titre I']);
  // The public table of contents follows.
  const toc = (await t.client().get(`/consultation/${c.stepId}`)).body;
  assert.ok(toc.indexOf('Titre III') < toc.indexOf('Titre II<') && toc.indexOf('Titre II<') < toc.indexOf('Titre I<'));
});

test('a section holding contributions cannot be deleted; an empty one goes with its subsections', async () => {
  const c = makeConsultation(t.db);
  const { client } = await loginAs(t, 'admin');
  await client.get(admin(c));
  addItem(t.db, c, c.childSectionId, addUser(t.db), { status: 'trashed' });
  const refused = await client.post(`${admin(c)}/sections/${c.sectionId}/delete`);
  assert.equal(refused.statusCode, 303);
  assert.ok(section(c.sectionId) && section(c.childSectionId));
  assert.match((await client.get(admin(c))).body, /contient des contributions/);
  const empty = makeConsultation(t.db);
  assert.equal((await client.post(`${admin(empty)}/sections/${empty.sectionId}/delete`)).statusCode, 303);
  assert.equal(section(empty.sectionId), undefined);
  assert.equal(section(empty.childSectionId), undefined);
  assert.equal((await client.post(`${admin(c)}/sections/${empty.sectionId}/delete`)).statusCode, 404);
});
