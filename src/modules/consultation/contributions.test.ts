// Posting a contribution under a section: who may, who may not (nothing written), bad input
// re-rendered with 422, closed steps, forged ids, and Markdown that comes out inert.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { makeApp, type TestApp } from '../../../test/helpers/app.ts';
import { readSync } from '../../db/write.ts';
import { loginAs, anonymous, countRows } from '../../../test/helpers/factories.ts';
import { makeConsultation, counters } from './test-fixtures.ts';

let t: TestApp;
before(async () => (t = await makeApp()));
after(() => t.close());

const url = (c: { stepId: number }, sectionId: number) => `/consultation/${c.stepId}/sections/${sectionId}/contributions`;
const good = (typeId: number) => ({ type_id: String(typeId), title: 'Des pistes cyclables', body: 'Sécuriser la rue **Victor Hugo**.' });

test('a citizen posts a contribution: published, counted once, and sent to its permalink', async () => {
  const c = makeConsultation(t.db);
  const { client, userId } = await loginAs(t, 'citizen');
  const page = await client.get(`/consultation/${c.stepId}/sections/${c.childSectionId}`);
  assert.match(page.body, /<form method="post" action="[^"]+\/contributions"/);
  const res = await client.post(url(c, c.childSectionId), good(c.otherTypeId));
  assert.equal(res.statusCode, 303);
  const id = Number(/\/items\/(\d+)$/.exec(String(res.headers.location))?.[1]);
  const row = readSync(t.db).first(t.db.selectFrom('contributions').selectAll().where('id', '=', id))!;
  assert.deepEqual([row.kind, row.status, row.author_id, row.step_id, row.title], ['opinion', 'published', userId, c.stepId, 'Des pistes cyclables']);
  const after = counters(t.db, c, { itemId: id, sectionId: c.childSectionId });
  assert.equal(after.item?.type_id, c.otherTypeId);
  assert.equal(after.item?.published, 1);
  assert.equal(after.section?.contributions_count, 1);
  assert.deepEqual(after.step, { contributions_count: 1, votes_count: 0 });
  assert.deepEqual(after.project, { participants_count: 1, contributions_count: 1, votes_count: 0 });
  const permalink = await client.get(String(res.headers.location));
  assert.equal(permalink.statusCode, 200);
  assert.match(permalink.body, /Votre contribution est publiée/);
  assert.match(permalink.body, /<strong>Victor Hugo<\/strong>/);
  // A second contribution by the same person does not count them twice.
  await client.post(url(c, c.childSectionId), good(c.typeId));
  assert.deepEqual(counters(t.db, c, {}).project, { participants_count: 1, contributions_count: 2, votes_count: 0 });
});

test('anonymous visitors, unconfirmed accounts and missing requirements are refused, nothing written', async () => {
  const c = makeConsultation(t.db, { requirePostalCode: true });
  const before = countRows(t.db, 'contributions');
  const anon = await anonymous(t);
  const refused = await anon.post(url(c, c.childSectionId), good(c.typeId));
  assert.equal(refused.statusCode, 403);
  assert.match(refused.body, /Connectez-vous ou créez un compte/);
  const { client: unconfirmed } = await loginAs(t, 'citizen', { confirmed: false });
  const res = await unconfirmed.post(url(c, c.childSectionId), good(c.typeId));
  assert.equal(res.statusCode, 403);
  assert.match(res.body, /Confirmez d’abord votre adresse e-mail/);
  assert.match(res.body, /<input id="field-postal_code"/);
  assert.match(res.body, /name="next" value="\/consultation\/\d+"/);
  const { client: noPostal } = await loginAs(t, 'citizen');
  const page = await noPostal.get(`/consultation/${c.stepId}/sections/${c.childSectionId}`);
  assert.doesNotMatch(page.body, /\/contributions"/, 'no form while something is missing');
  assert.match(page.body, /action="\/steps\/\d+\/requirements"/);
  assert.equal((await noPostal.post(url(c, c.childSectionId), good(c.typeId))).statusCode, 403);
  assert.equal(countRows(t.db, 'contributions'), before);
});

test('a closed or upcoming step shows no form and refuses contributions with a clear message', async () => {
  for (const state of ['closed', 'upcoming'] as const) {
    const c = makeConsultation(t.db, { state });
    const { client } = await loginAs(t, 'citizen');
    const page = await client.get(`/consultation/${c.stepId}/sections/${c.childSectionId}`);
    assert.doesNotMatch(page.body, /<form method="post"[^>]*(contributions|vote)/);
    const before = countRows(t.db, 'contributions');
    const res = await client.post(url(c, c.childSectionId), good(c.typeId));
    assert.equal(res.statusCode, 403);
    assert.match(res.body, /cette étape est fermée|Cette étape est fermée/);
    assert.equal(countRows(t.db, 'contributions'), before);
  }
});

test('bad input is re-rendered with 422, the errors and the values, and nothing is written', async () => {
  const c = makeConsultation(t.db);
  const { client } = await loginAs(t, 'citizen');
  await client.get(`/consultation/${c.stepId}/sections/${c.childSectionId}`);
  const before = countRows(t.db, 'contributions');
  const cases: [Record<string, string>, RegExp][] = [
    [{ ...good(c.typeId), title: '' }, /Ce champ est obligatoire/],
    [{ ...good(c.typeId), body: '   ' }, /Ce champ est obligatoire/],
    [{ ...good(c.typeId), title: 'x'.repeat(151) }, /ne doit pas dépasser 150 caractères/],
    [{ ...good(c.typeId), body: 'x'.repeat(10001) }, /ne doit pas dépasser 10\u202f000 caractères|ne doit pas dépasser 10[\s\u00a0\u202f]000 caractères/],
    [{ ...good(c.typeId), type_id: '' }, /Ce champ est obligatoire/],
    [{ ...good(c.typeId), type_id: 'abc' }, /pas ouvert dans cette partie/],
  ];
  for (const [form, message] of cases) {
    const res = await client.post(url(c, c.childSectionId), form);
    assert.equal(res.statusCode, 422, JSON.stringify(form).slice(0, 80));
    assert.match(res.body, message);
    assert.match(res.body, /class="error-summary"/);
  }
  const kept = await client.post(url(c, c.childSectionId), { ...good(c.typeId), title: '' });
  assert.match(kept.body, /Sécuriser la rue \*\*Victor Hugo\*\*/);
  // The type "Problème" is not open in the root section.
  const closedType = await client.post(url(c, c.sectionId), good(c.otherTypeId));
  assert.equal(closedType.statusCode, 422);
  assert.match(closedType.body, /pas ouvert dans cette partie/);
  assert.equal(countRows(t.db, 'contributions'), before);
});

test('a missing or wrong CSRF token is refused', async () => {
  const c = makeConsultation(t.db);
  const { client } = await loginAs(t, 'citizen');
  const before = countRows(t.db, 'contributions');
  assert.equal((await client.post(url(c, c.childSectionId), { ...good(c.typeId), _csrf: '' })).statusCode, 403);
  assert.equal((await client.post(url(c, c.childSectionId), { ...good(c.typeId), _csrf: 'forged' })).statusCode, 403);
  assert.equal(countRows(t.db, 'contributions'), before);
});

test('forged ids: a section or a type of another consultation is refused', async () => {
  const a = makeConsultation(t.db);
  const b = makeConsultation(t.db);
  const { client } = await loginAs(t, 'citizen');
  const before = countRows(t.db, 'contributions');
  assert.equal((await client.post(url(a, b.childSectionId), good(b.typeId))).statusCode, 404);
  assert.equal((await client.post(`/consultation/${a.stepId}/sections/abc/contributions`, good(a.typeId))).statusCode, 404);
  assert.equal((await client.post(url(a, a.childSectionId), good(b.typeId))).statusCode, 422);
  const hidden = makeConsultation(t.db, { visibility: 'draft' });
  assert.equal((await client.post(url(hidden, hidden.childSectionId), good(hidden.typeId))).statusCode, 404);
  assert.equal(countRows(t.db, 'contributions'), before);
});

test('a section with no open type has no form and refuses contributions', async () => {
  const c = makeConsultation(t.db);
  const { client } = await loginAs(t, 'citizen');
  const { write } = await import('../../db/write.ts');
  write(t.db, (tx) => tx.run(t.db.deleteFrom('consultation_section_types').where('section_id', '=', c.sectionId)));
  assert.doesNotMatch((await client.get(`/consultation/${c.stepId}/sections/${c.sectionId}`)).body, /\/contributions"/);
  assert.equal((await client.post(url(c, c.sectionId), good(c.typeId))).statusCode, 403);
});

test('scripts, raw HTML, javascript: links and htmx attributes come out inert', async () => {
  const c = makeConsultation(t.db);
  const { client } = await loginAs(t, 'citizen');
  await client.get(`/consultation/${c.stepId}/sections/${c.childSectionId}`);
  const body = [
    '<script>alert(1)</script>',
    '<img src=x onerror="alert(2)">',
    '<div hx-get="/logout" hx-trigger="load">piège</div>',
    '[clic](javascript:alert(3))',
    '<a href="javascript:alert(4)" hx-post="/x">lien</a>',
  ].join('\n\n');
  const res = await client.post(url(c, c.childSectionId), { type_id: String(c.typeId), title: '<b hx-get="/x">titre</b>', body });
  assert.equal(res.statusCode, 303);
  const page = await client.get(String(res.headers.location));
  const main = page.body.split('<main')[1]!.split('</main>')[0]!;
  assert.doesNotMatch(main, /<script/i);
  assert.doesNotMatch(main, /<img/i);
  assert.doesNotMatch(main, /<[a-z]+[^>]*\sonerror=/i);
  assert.doesNotMatch(main, /<a[^>]*href="javascript:/i);
  assert.doesNotMatch(main, /<div hx-get|<a[^>]*hx-post|<b hx-get/i);
  assert.match(main, /&lt;b hx-get=&quot;\/x&quot;&gt;titre&lt;\/b&gt;/);
  assert.match(main, /<div class="prose" data-hx-ignore>/);
  const list = await client.get(`/consultation/${c.stepId}/sections/${c.childSectionId}`);
  assert.doesNotMatch(list.body.split('<main')[1]!, /<script>alert|<div hx-get/);
});

test('writing follows and tells: the author follows their contribution, followers of the step and project are told, an argument tells the author; a pending one waits for approval', async () => {
  const c = makeConsultation(t.db);
  const author = await loginAs(t);
  const stepFollower = await loginAs(t);
  const projectFollower = await loginAs(t);
  const arguer = await loginAs(t);
  t.db.sqlite.prepare("insert into follows (user_id, target_kind, target_id, created_at) values (?, 'step', ?, ?), (?, 'project', ?, ?)").run(stepFollower.userId, c.stepId, 'x', projectFollower.userId, c.projectId, 'x');
  const told = (userId: number) => t.db.sqlite.prepare('select kind, contribution_id as id from notifications where user_id = ? order by id').all(userId) as { kind: string; id: number }[];
  const res = await author.client.post(url(c, c.childSectionId), good(c.typeId));
  const id = Number(/\/items\/(\d+)$/.exec(String(res.headers.location))?.[1]);
  assert.equal(countRows(t, `follows where user_id = ${author.userId} and target_kind = 'contribution' and target_id = ${id}`), 1);
  assert.deepEqual(told(stepFollower.userId), [{ kind: 'new_contribution', id }]);
  assert.deepEqual(told(projectFollower.userId), [{ kind: 'new_contribution', id }]);
  assert.deepEqual(told(author.userId), [], 'never the person who wrote it');
  assert.equal((await arguer.client.post(`/consultation/${c.stepId}/items/${id}/arguments`, { side: 'for', body: 'Bonne idée.' })).statusCode, 303);
  const argument = told(author.userId);
  assert.equal(argument.length, 1);
  assert.equal(argument[0]!.kind, 'reply');
  assert.equal(countRows(t, `follows where user_id = ${arguer.userId} and target_kind = 'contribution' and target_id = ${argument[0]!.id}`), 1);
  // Pre-moderated: the author follows at once, the readers hear of it once it is approved.
  t.db.sqlite.prepare('update steps set premoderation = 1 where id = ?').run(c.stepId);
  await author.client.post(url(c, c.childSectionId), { ...good(c.typeId), title: 'En attente' });
  assert.equal(told(stepFollower.userId).length, 1);
  assert.equal(countRows(t, `follows where user_id = ${author.userId} and target_kind = 'contribution'`), 2);
});
