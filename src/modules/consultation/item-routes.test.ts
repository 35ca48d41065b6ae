// The permalink of an item and what its author may do: edit (votes reset after confirmation,
// counters corrected) and delete (trashed, counters decremented), only while the step is open.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { makeApp, type TestApp } from '../../../test/helpers/app.ts';
import { readSync, write } from '../../db/write.ts';
import { loginAs, anonymous, addUser, addToGroup } from '../../../test/helpers/factories.ts';
import { makeConsultation, addItem, counters } from './test-fixtures.ts';

let t: TestApp;
before(async () => (t = await makeApp()));
after(() => t.close());

const base = (c: { stepId: number }, id: number) => `/consultation/${c.stepId}/items/${id}`;
const core = (id: number) => readSync(t.db).first(t.db.selectFrom('contributions').selectAll().where('id', '=', id))!;

/** An item posted through the app, with two votes by other people. */
async function postedWithVotes(c: ReturnType<typeof makeConsultation>) {
  const { client, userId } = await loginAs(t, 'citizen');
  const res = await client.post(`/consultation/${c.stepId}/sections/${c.childSectionId}/contributions`, { type_id: String(c.typeId), title: 'Titre initial', body: 'Texte initial' });
  const id = Number(/\/items\/(\d+)$/.exec(String(res.headers.location))![1]);
  for (const value of ['agree', 'disagree']) {
    const { client: voter } = await loginAs(t, 'citizen');
    await voter.post(`${base(c, id)}/vote`, { value });
  }
  return { client, userId, id };
}

test('the permalink shows title, type, author, text and votes; the author sees edit and delete', async () => {
  const c = makeConsultation(t.db);
  const { client, id } = await postedWithVotes(c);
  const page = await client.get(base(c, id));
  assert.equal(page.statusCode, 200);
  assert.match(page.body, /<h1>Titre initial<\/h1>/);
  assert.match(page.body, /Type : Proposition/);
  assert.match(page.body, /Par <a href="\/users\/\d+">citizen \d+<\/a>/, 'the author links to their public profile');
  assert.match(page.body, /2 votes/);
  assert.match(page.body, new RegExp(`href="${base(c, id)}/edit"`));
  assert.match(page.body, new RegExp(`action="${base(c, id)}/delete"`));
  const { client: other } = await loginAs(t, 'citizen');
  const seen = await other.get(base(c, id));
  assert.doesNotMatch(seen.body, /\/edit"|\/delete"/);
  assert.match(seen.body, /<form class="vote"/);
  const anon = await t.client().get(base(c, id));
  assert.equal(anon.statusCode, 200);
  assert.doesNotMatch(anon.body, /<form class="vote"|\/edit"/);
});

test('a deleted author shows as a deleted participant', async () => {
  const c = makeConsultation(t.db);
  const author = addUser(t.db);
  const id = addItem(t.db, c, c.childSectionId, author);
  write(t.db, (tx) => tx.run(t.db.updateTable('users').set({ display_name: null, email: null, deleted_at: '2026-01-01' }).where('id', '=', author)));
  assert.match((await t.client().get(base(c, id))).body, /Par participant supprimé/);
  assert.match((await t.client().get(`/consultation/${c.stepId}/sections/${c.childSectionId}`)).body, /Par participant supprimé/);
});

test('trashed, pending and forged items are 404 for the public; a hidden one says so without its text; officials see them all', async () => {
  const a = makeConsultation(t.db);
  const b = makeConsultation(t.db);
  const author = addUser(t.db);
  const { client: admin } = await loginAs(t, 'admin');
  const visitor = t.client();
  for (const status of ['trashed', 'pending'] as const) {
    const id = addItem(t.db, a, a.childSectionId, author, { status });
    assert.equal((await visitor.get(base(a, id))).statusCode, 404, status);
    assert.equal((await admin.get(base(a, id))).statusCode, 200, status);
  }
  const hidden = addItem(t.db, a, a.childSectionId, author, { status: 'hidden', title: 'Titre masqué' });
  t.db.sqlite.prepare('update contributions set moderation_reason = ? where id = ?').run('Hors charte', hidden);
  const page = await visitor.get(base(a, hidden));
  assert.equal(page.statusCode, 200);
  assert.match(page.body, /Masqué par la modération\..*Motif : Hors charte/s);
  assert.doesNotMatch(page.body, /Titre masqué/);
  assert.equal((await admin.get(base(a, addItem(t.db, b, b.childSectionId, author)))).statusCode, 404);
  assert.equal((await admin.get(base(a, 0))).statusCode, 404);
});

test('editing an item with votes asks for confirmation, then resets its votes and the counters', async () => {
  const c = makeConsultation(t.db);
  const { client, id } = await postedWithVotes(c);
  assert.deepEqual(counters(t.db, c, {}).project.votes_count, 2);
  const form = await client.get(`${base(c, id)}/edit`);
  assert.equal(form.statusCode, 200);
  assert.match(form.body, /a reçu 2 votes/);
  assert.match(form.body, /name="confirm_reset"/);
  const refused = await client.post(`${base(c, id)}/edit`, { title: 'Titre corrigé', body: 'Texte corrigé' });
  assert.equal(refused.statusCode, 422);
  assert.match(refused.body, /Cochez la case/);
  assert.match(refused.body, /value="Titre corrigé"/);
  assert.equal(core(id).title, 'Titre initial');
  const saved = await client.post(`${base(c, id)}/edit`, { title: 'Titre corrigé', body: 'Texte corrigé', confirm_reset: '1' });
  assert.equal(saved.statusCode, 303);
  assert.equal(saved.headers.location, base(c, id));
  assert.equal(core(id).title, 'Titre corrigé');
  assert.ok(core(id).edited_at);
  const k = counters(t.db, c, { itemId: id });
  assert.deepEqual([k.item!.votes_agree, k.item!.votes_disagree, k.item!.votes_total, k.item!.controversy], [0, 0, 0, 0]);
  assert.equal(readSync(t.db).all(t.db.selectFrom('consultation_item_votes').select('user_id').where('item_id', '=', id)).length, 0);
  assert.deepEqual(k.step, { contributions_count: 1, votes_count: 0 });
  assert.equal(k.project.votes_count, 0);
  assert.equal(k.project.contributions_count, 1);
  // Without votes, no confirmation is needed.
  const again = await client.post(`${base(c, id)}/edit`, { title: 'Encore', body: 'Texte' });
  assert.equal(again.statusCode, 303);
});

test('edit input is checked: empty and too long fields give 422 and change nothing', async () => {
  const c = makeConsultation(t.db);
  const { client, userId } = await loginAs(t, 'citizen');
  const id = addItem(t.db, c, c.childSectionId, userId, { title: 'Avant' });
  await client.get(`${base(c, id)}/edit`);
  for (const form of [{ title: '', body: 'x' }, { title: 'x', body: '' }, { title: 'x'.repeat(151), body: 'x' }, { title: 'x', body: 'x'.repeat(10001) }]) {
    assert.equal((await client.post(`${base(c, id)}/edit`, form)).statusCode, 422);
  }
  assert.equal(core(id).title, 'Avant');
});

test('only the author may edit or delete, and only while the step is open', async () => {
  const c = makeConsultation(t.db);
  const { client: author, userId } = await loginAs(t, 'citizen');
  const id = addItem(t.db, c, c.childSectionId, userId, { title: 'Avant' });
  const { client: other } = await loginAs(t, 'citizen');
  const { client: admin } = await loginAs(t, 'admin');
  const anon = await anonymous(t);
  for (const client of [other, admin]) {
    assert.equal((await client.get(`${base(c, id)}/edit`)).statusCode, 403);
    assert.equal((await client.post(`${base(c, id)}/edit`, { title: 'Piraté', body: 'x' })).statusCode, 403);
    assert.equal((await client.post(`${base(c, id)}/delete`)).statusCode, 403);
  }
  assert.equal((await anon.post(`${base(c, id)}/delete`)).statusCode, 403);
  assert.equal((await t.client().get(`${base(c, id)}/edit`)).statusCode, 403);
  assert.equal(core(id).title, 'Avant');
  assert.equal(core(id).status, 'published');
  // Once the step is closed, the author too is refused and sees no buttons.
  write(t.db, (tx) => tx.run(t.db.updateTable('steps').set({ ends_at: '2020-01-01T00:00:00.000Z', starts_at: '2019-01-01T00:00:00.000Z' }).where('id', '=', c.stepId)));
  const page = await author.get(base(c, id));
  assert.doesNotMatch(page.body, /\/edit"|\/delete"|<form class="vote"/);
  assert.equal((await author.get(`${base(c, id)}/edit`)).statusCode, 403);
  assert.equal((await author.post(`${base(c, id)}/delete`)).statusCode, 403);
  assert.equal(core(id).status, 'published');
});

test('the author deletes their item: trashed, out of the list, counters decremented once', async () => {
  const c = makeConsultation(t.db);
  const { client, id } = await postedWithVotes(c);
  const before = counters(t.db, c, { sectionId: c.childSectionId });
  assert.equal(before.section!.contributions_count, 1);
  const res = await client.post(`${base(c, id)}/delete`);
  assert.equal(res.statusCode, 303);
  assert.equal(res.headers.location, `/consultation/${c.stepId}/sections/${c.childSectionId}`);
  assert.equal(core(id).status, 'trashed');
  const k = counters(t.db, c, { itemId: id, sectionId: c.childSectionId });
  assert.equal(k.item!.published, 0);
  assert.equal(k.section!.contributions_count, 0);
  assert.equal(k.step.contributions_count, 0);
  assert.equal(k.project.contributions_count, 0);
  assert.equal((await client.post(`${base(c, id)}/delete`)).statusCode, 404);
  assert.equal(counters(t.db, c, {}).project.contributions_count, 0);
  assert.equal((await client.get(base(c, id))).statusCode, 404);
  assert.doesNotMatch((await client.get(`/consultation/${c.stepId}/sections/${c.childSectionId}`)).body, new RegExp(`id="item-${id}"`));
});

test('deleting an amendment decrements the amendments counter and goes back to the amendments tab', async () => {
  const c = makeConsultation(t.db);
  const { client, userId } = await loginAs(t, 'citizen');
  const id = addItem(t.db, c, c.childSectionId, userId, { kind: 'amendment', title: 'Amendement' });
  write(t.db, (tx) => tx.run(t.db.updateTable('consultation_sections').set({ amendments_count: 1, contributions_count: 4 }).where('id', '=', c.childSectionId)));
  await client.get(base(c, id));
  const res = await client.post(`${base(c, id)}/delete`);
  assert.equal(res.headers.location, `/consultation/${c.stepId}/sections/${c.childSectionId}?kind=amendment`);
  const k = counters(t.db, c, { sectionId: c.childSectionId });
  assert.deepEqual([k.section!.amendments_count, k.section!.contributions_count], [0, 4]);
});

test('members of a restricted project’s group may take part; others get a 404', async () => {
  const c = makeConsultation(t.db, { visibility: 'restricted' });
  const { client: member, userId } = await loginAs(t, 'citizen');
  const { client: outsider } = await loginAs(t, 'citizen');
  addToGroup(t.db, `Conseil ${c.projectId}`, [userId], c.projectId);
  const id = addItem(t.db, c, c.childSectionId, addUser(t.db));
  assert.equal((await member.get(base(c, id))).statusCode, 200);
  assert.equal((await member.post(`${base(c, id)}/vote`, { value: 'agree' })).statusCode, 303);
  assert.equal((await outsider.get(base(c, id))).statusCode, 404);
  assert.equal((await outsider.post(`${base(c, id)}/vote`, { value: 'agree' })).statusCode, 404);
  assert.equal(counters(t.db, c, { itemId: id }).item!.votes_total, 1);
});
