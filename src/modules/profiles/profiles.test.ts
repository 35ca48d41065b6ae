// Public profiles: who is shown, which contributions are listed (visible projects only,
// published only), their permalinks, deleted accounts, pagination.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { makeApp, type TestApp } from '../../../test/helpers/app.ts';
import { addToGroup, addUser as addUserTo, makeProject, makeStep, sessionClient } from '../../../test/helpers/factories.ts';
import { write } from '../../db/write.ts';
import type { Visibility, ContributionStatus } from '../../db/schema.ts';

let t: TestApp;
before(async () => (t = await makeApp()));
after(() => t.close());

const addUser = (role: 'citizen' | 'admin' = 'citizen', name?: string) => addUserTo(t.db, role, { name });
const clientOf = (userId: number) => sessionClient(t, userId);
/** A consultation step, open-ended, in a new project of that title. */
const addStep = (visibility: Visibility, title: string) => makeStep(t.db, makeProject(t.db, { title, visibility }), { type: 'consultation', title: 'Consultation', starts: null, ends: null });
let clock = Date.parse('2026-01-01T00:00:00Z');
function addContribution(stepId: number, authorId: number, kind: string, fields: { title?: string; body?: string; parent?: number; status?: ContributionStatus } = {}): number {
  clock += 60_000;
  return write(t.db, (tx) =>
    tx.run(
      t.db.insertInto('contributions').values({
        step_id: stepId,
        author_id: authorId,
        parent_id: fields.parent ?? null,
        kind,
        status: fields.status ?? 'published',
        title: fields.title ?? null,
        body_md: fields.body ?? '',
        created_at: new Date(clock).toISOString(),
      }),
    ).lastInsertRowid,
  );
}

test('an unknown or malformed id is a 404', async () => {
  assert.equal((await t.client().get('/users/999999')).statusCode, 404);
  assert.equal((await t.client().get('/users/abc')).statusCode, 404);
  assert.equal((await t.client().get('/users/0')).statusCode, 404);
});

test('a profile shows the name, the date joined and published contributions newest first with their permalinks', async () => {
  const author = addUser('citizen', 'Camille Martin');
  const step = addStep('public', 'Charte publique');
  const opinion = addContribution(step, author, 'opinion', { title: 'Ouvrir les conseils' });
  const argument = addContribution(step, author, 'argument', { body: 'Plus de transparence', parent: opinion });
  const source = addContribution(step, author, 'source', { title: 'Loi de 1978', parent: opinion });
  const res = await t.client().get(`/users/${author}`);
  assert.equal(res.statusCode, 200);
  assert.match(res.body, /<h1>Camille Martin<\/h1>/);
  assert.match(res.body, /Inscrit·e depuis le/);
  assert.match(res.body, new RegExp(`href="/consultation/${step}/items/${opinion}">Ouvrir les conseils`));
  assert.match(res.body, new RegExp(`href="/consultation/${step}/items/${opinion}#argument-${argument}">Plus de transparence`));
  assert.match(res.body, new RegExp(`href="/consultation/${step}/items/${opinion}#source-${source}">Loi de 1978`));
  assert.ok(res.body.indexOf('Loi de 1978') < res.body.indexOf('Plus de transparence'), 'newest first');
  assert.ok(res.body.indexOf('Plus de transparence') < res.body.indexOf('Ouvrir les conseils'), 'newest first');
  assert.match(res.body, /dans « Charte publique »/);
  assert.doesNotMatch(res.body, /@example\.org/);
});

test('contributions in draft projects are listed for administrators only', async () => {
  const author = addUser();
  const step = addStep('draft', 'Brouillon');
  addContribution(step, author, 'opinion', { title: 'Idée en brouillon' });
  assert.doesNotMatch((await t.client().get(`/users/${author}`)).body, /Idée en brouillon/);
  assert.doesNotMatch((await clientOf(addUser()).get(`/users/${author}`)).body, /Idée en brouillon/);
  assert.doesNotMatch((await clientOf(author).get(`/users/${author}`)).body, /Idée en brouillon/);
  assert.match((await clientOf(addUser('admin')).get(`/users/${author}`)).body, /Idée en brouillon/);
});

test('contributions in restricted projects are listed for members of the project groups only', async () => {
  const author = addUser();
  const member = addUser();
  const step = addStep('restricted', 'Réservé');
  const { project_id: projectId } = t.db.sqlite.prepare('select project_id from steps where id = ?').get(step) as { project_id: number };
  addToGroup(t.db, 'Groupe du projet réservé', [member], projectId);
  addContribution(step, author, 'opinion', { title: 'Idée réservée' });
  assert.doesNotMatch((await t.client().get(`/users/${author}`)).body, /Idée réservée/);
  assert.doesNotMatch((await clientOf(addUser()).get(`/users/${author}`)).body, /Idée réservée/);
  assert.match((await clientOf(member).get(`/users/${author}`)).body, /Idée réservée/);
});

test('hidden, trashed or pending contributions and children of hidden items are not listed', async () => {
  const author = addUser();
  const step = addStep('public', 'Public');
  addContribution(step, author, 'opinion', { title: 'Masquée', status: 'hidden' });
  addContribution(step, author, 'opinion', { title: 'Retirée', status: 'trashed' });
  addContribution(step, author, 'opinion', { title: 'En attente', status: 'pending' });
  const hiddenParent = addContribution(step, addUser(), 'opinion', { title: 'Parent masqué', status: 'hidden' });
  addContribution(step, author, 'argument', { body: 'Argument orphelin', parent: hiddenParent });
  addContribution(step, author, 'opinion', { title: 'Visible' });
  const body = (await t.client().get(`/users/${author}`)).body;
  assert.match(body, /Visible/);
  for (const hidden of ['Masquée', 'Retirée', 'En attente', 'Argument orphelin']) assert.doesNotMatch(body, new RegExp(hidden));
});

test('a deleted account has no profile: nothing gathers its contributions, which stay on their pages', async () => {
  const author = addUser('citizen', 'Nom Effacé');
  const step = addStep('public', 'Public');
  addContribution(step, author, 'opinion', { title: 'Toujours là' });
  write(t.db, (tx) => tx.run(t.db.updateTable('users').set({ display_name: null, email: null, deleted_at: new Date().toISOString() }).where('id', '=', author)));
  for (const viewer of [t.client(), clientOf(addUser('admin'))]) {
    const res = await viewer.get(`/users/${author}`);
    assert.equal(res.statusCode, 404);
    assert.doesNotMatch(res.body, /Nom Effacé|Toujours là/);
  }
});

test('an account that published nothing the visitor may see, or is suspended or unconfirmed, has no profile', async () => {
  assert.equal((await t.client().get(`/users/${addUser()}`)).statusCode, 404);
  const inDraft = addUser();
  addContribution(addStep('draft', 'Brouillon'), inDraft, 'opinion', { title: 'En brouillon' });
  assert.equal((await t.client().get(`/users/${inDraft}`)).statusCode, 404);
  assert.equal((await clientOf(addUser('admin')).get(`/users/${inDraft}`)).statusCode, 200);
  const step = addStep('public', 'Public');
  const suspended = addUser('citizen', 'Suspendu');
  addContribution(step, suspended, 'opinion', { title: 'Avant suspension' });
  t.db.sqlite.prepare("update users set suspended_at = '2026-12-01' where id = ?").run(suspended);
  assert.equal((await t.client().get(`/users/${suspended}`)).statusCode, 404);
  const unconfirmed = addUser('citizen', 'Pas confirmé');
  addContribution(step, unconfirmed, 'opinion', { title: 'Sans confirmation' });
  t.db.sqlite.prepare('update users set email_confirmed_at = null where id = ?').run(unconfirmed);
  assert.equal((await t.client().get(`/users/${unconfirmed}`)).statusCode, 404);
});

test('the list is paginated by 20 with next and previous links', async () => {
  const author = addUser();
  const step = addStep('public', 'Beaucoup');
  for (let i = 1; i <= 25; i++) addContribution(step, author, 'opinion', { title: `Idée numéro ${i}.` });
  const first = await t.client().get(`/users/${author}`);
  assert.equal((first.body.match(/Idée numéro/g) ?? []).length, 20);
  assert.match(first.body, /Idée numéro 25\./);
  assert.match(first.body, new RegExp(`href="/users/${author}\\?page=2" rel="next"`));
  assert.doesNotMatch(first.body, /rel="prev"/);
  const second = await t.client().get(`/users/${author}?page=2`);
  assert.equal((second.body.match(/Idée numéro/g) ?? []).length, 5);
  assert.match(second.body, /Idée numéro 1\./);
  assert.match(second.body, new RegExp(`href="/users/${author}" rel="prev"`));
  assert.doesNotMatch(second.body, /rel="next"/);
});

test('contributions of kinds no module links to are listed without a link; body excerpts are escaped', async () => {
  const author = addUser();
  const step = addStep('public', 'Autre');
  addContribution(step, author, 'petition', { body: '<script>alert(1)</script> un commentaire' });
  const body = (await t.client().get(`/users/${author}`)).body;
  assert.match(body, /Participation<\/span>\s*&lt;script&gt;alert\(1\)&lt;\/script&gt; un commentaire/);
  assert.doesNotMatch(body, /<script>alert/);
});

test('the profile renders in English', async () => {
  const c = t.client();
  await c.get('/lang/en');
  const author = addUser();
  addContribution(addStep('public', 'Charter'), author, 'opinion', { title: 'Open meetings' });
  const res = await c.get(`/users/${author}`);
  assert.match(res.body, /Member since/);
  assert.match(res.body, /Published contributions/);
  assert.match(res.body, /in “Charter”/);
});
