// The debate's admin page: administrators only; the two invited opinions saved, checked and
// removed in one form; the conclusion refused before the close, then published; the step form of
// the projects admin links here and offers the module's setting and actions.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { makeApp, type TestApp } from '../../../test/helpers/app.ts';
import { anonymous, countRows, loginAs } from '../../../test/helpers/factories.ts';
import { makeDebate, setState } from './test-fixtures.ts';

let t: TestApp;
before(async () => (t = await makeApp()));
after(() => t.close());

const opinions = {
  for_name: 'Claire Fournier',
  for_role: 'adjointe au maire, urbanisme',
  for_body: 'Une place **apaisée** le samedi.',
  against_name: 'Patrick Roux',
  against_role: 'président des commerçants',
  against_body: 'Nos clients viennent de loin.',
};
const stored = (stepId: number) => t.db.sqlite.prepare('select side, author_name, author_role, body_md from debate_opinions where step_id = ? order by side desc').all(stepId);

test('only administrators reach the admin page and its forms; others are sent to log in or refused', async () => {
  const d = makeDebate(t.db, { visibility: 'draft' });
  const anon = await anonymous(t);
  const get = await anon.get(`/debate/${d.stepId}/admin`);
  assert.equal(get.statusCode, 303);
  assert.match(String(get.headers.location), /^\/login\?next=/);
  assert.equal((await anon.post(`/debate/${d.stepId}/admin/opinions`, opinions)).statusCode, 401);
  const { client: citizen } = await loginAs(t);
  assert.equal((await citizen.get(`/debate/${d.stepId}/admin`)).statusCode, 403);
  assert.equal((await citizen.post(`/debate/${d.stepId}/admin/opinions`, opinions)).statusCode, 403);
  assert.equal((await citizen.post(`/debate/${d.stepId}/admin/conclusion`, { conclusion: 'Non.' })).statusCode, 403);
  assert.equal((await (await loginAs(t, 'moderator')).client.get(`/debate/${d.stepId}/admin`)).statusCode, 403);
  assert.equal(countRows(t, `debate_opinions where step_id = ${d.stepId}`), 0);
  const { client: admin } = await loginAs(t, 'admin');
  const page = await admin.get(`/debate/${d.stepId}/admin`);
  assert.equal(page.statusCode, 200, 'an administrator sees a draft project’s debate');
  assert.match(page.body, /<h1>Gérer le débat « Faut-il fermer la rue/);
  assert.match(page.body, new RegExp(`href="/debate/${d.stepId}/export.csv"`));
  assert.equal((await admin.get('/debate/999999/admin')).statusCode, 404);
});

test('the administrator saves both invited opinions, shown on the page; a side left empty removes its opinion', async () => {
  const d = makeDebate(t.db);
  const { client } = await loginAs(t, 'admin');
  const res = await client.post(`/debate/${d.stepId}/admin/opinions`, opinions);
  assert.equal(res.statusCode, 303);
  assert.equal(res.headers.location, `/debate/${d.stepId}/admin`);
  assert.deepEqual(stored(d.stepId), [
    { side: 'for', author_name: 'Claire Fournier', author_role: 'adjointe au maire, urbanisme', body_md: 'Une place **apaisée** le samedi.' },
    { side: 'against', author_name: 'Patrick Roux', author_role: 'président des commerçants', body_md: 'Nos clients viennent de loin.' },
  ]);
  const form = await client.get(`/debate/${d.stepId}/admin`);
  assert.match(form.body, /Les points de vue invités sont enregistrés/);
  assert.match(form.body, /id="field-for_role" name="for_role" type="text" value="adjointe au maire, urbanisme"/);
  assert.match((await t.client().get(`/debate/${d.stepId}`)).body, /Patrick Roux/);

  await client.post(`/debate/${d.stepId}/admin/opinions`, { ...opinions, against_name: '', against_role: '', against_body: '', for_body: 'Un texte revu.' });
  assert.deepEqual(stored(d.stepId), [{ side: 'for', author_name: 'Claire Fournier', author_role: 'adjointe au maire, urbanisme', body_md: 'Un texte revu.' }]);
});

test('an opinion half filled or too long is refused with 422, its messages in French and English, nothing saved', async () => {
  const d = makeDebate(t.db);
  const { client } = await loginAs(t, 'admin');
  const res = await client.post(`/debate/${d.stepId}/admin/opinions`, { ...opinions, against_role: '', for_name: 'x'.repeat(101) });
  assert.equal(res.statusCode, 422);
  assert.match(res.body, /href="#field-against_role">Ce champ est obligatoire/);
  assert.match(res.body, /href="#field-for_name">Ce champ ne doit pas dépasser 100/);
  assert.match(res.body, /value="Patrick Roux"/, 'what was sent is kept');
  await client.get('/lang/en');
  const english = await client.post(`/debate/${d.stepId}/admin/opinions`, { ...opinions, for_body: '' });
  assert.equal(english.statusCode, 422);
  assert.match(english.body, /This field is required/);
  assert.equal(countRows(t, `debate_opinions where step_id = ${d.stepId}`), 0);
});

test('the conclusion is refused while the debate is open or upcoming, then published after the close and shown', async () => {
  const d = makeDebate(t.db);
  const { client } = await loginAs(t, 'admin');
  const conclusion = (t.db.sqlite.prepare('select conclusion_md from debate_steps where step_id = ?').get(d.stepId) as { conclusion_md: string } | undefined)?.conclusion_md ?? null;
  assert.equal(conclusion, null);
  const page = await client.get(`/debate/${d.stepId}/admin`);
  assert.match(page.body, /La conclusion pourra être écrite une fois le débat clos/);
  assert.doesNotMatch(page.body, /name="conclusion"/);
  for (const state of ['open', 'upcoming'] as const) {
    setState(t.db, d, state);
    const refused = await client.post(`/debate/${d.stepId}/admin/conclusion`, { conclusion: 'Trop tôt.' });
    assert.equal(refused.statusCode, 403, state);
    assert.match(refused.body, /La conclusion ne peut être écrite qu’une fois le débat clos/);
  }
  assert.equal(countRows(t, `debate_steps where step_id = ${d.stepId} and conclusion_md is not null`), 0);

  setState(t.db, d, 'closed');
  assert.match((await client.get(`/debate/${d.stepId}/admin`)).body, /name="conclusion"/);
  const tooLong = await client.post(`/debate/${d.stepId}/admin/conclusion`, { conclusion: 'x'.repeat(20001) });
  assert.equal(tooLong.statusCode, 422);
  const res = await client.post(`/debate/${d.stepId}/admin/conclusion`, { conclusion: 'La place sera **piétonne** à l’essai.' });
  assert.equal(res.statusCode, 303);
  const shown = await (await loginAs(t)).client.get(`/debate/${d.stepId}`);
  assert.match(shown.body, /Conclusion du débat[\s\S]*La place sera <strong>piétonne<\/strong>/);
  await client.post(`/debate/${d.stepId}/admin/conclusion`, { conclusion: '' });
  assert.match((await client.get(`/debate/${d.stepId}/admin`)).body, /La conclusion est retirée/);
  assert.equal(countRows(t, `debate_steps where step_id = ${d.stepId} and conclusion_md is not null`), 0);
});

test('the projects admin links each debate step to its admin page and offers its sort setting and actions', async () => {
  const d = makeDebate(t.db);
  const { client } = await loginAs(t, 'admin');
  const project = await client.get(`/admin/projects/${d.projectId}/edit`);
  assert.match(project.body, new RegExp(`href="/debate/${d.stepId}/admin"`));
  const form = await client.get(`/admin/projects/${d.projectId}/steps/${d.stepId}/edit`);
  assert.match(form.body, /<label for="field-setting_default_sort">Ordre des arguments par défaut<\/label>/);
  assert.match(form.body, /<option value="newest">Les plus récents<\/option>/);
  assert.match(form.body, /argumenter/);
  const saved = await client.post(`/admin/projects/${d.projectId}/steps/${d.stepId}`, { title: 'Faut-il ?', setting_default_sort: 'newest' });
  assert.equal(saved.statusCode, 303);
  assert.equal((t.db.sqlite.prepare('select settings from steps where id = ?').get(d.stepId) as { settings: string }).settings, '{"default_sort":"newest"}');
  const created = await client.post(`/admin/projects/${d.projectId}/steps`, { type: 'debate', title: 'Un nouveau débat ?', setting_default_sort: 'useful' });
  assert.equal(created.statusCode, 303);
  const id = (t.db.sqlite.prepare("select id from steps where title = 'Un nouveau débat ?'").get() as { id: number }).id;
  assert.equal((await t.client().get(`/debate/${id}`)).statusCode, 200, 'a debate made in the admin works before any write');
});
