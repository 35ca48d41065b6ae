// A winner's news post edited and removed after its publication: administrators only; the edit
// is refused with its errors in the person's language and writes nothing; a correction tells
// nobody and the public page says it was edited; removal is asked on a page of its own (no
// JavaScript) before the post goes.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { makeApp, type TestApp } from '../../../test/helpers/app.ts';
import { anonymous, countRows, loginAs } from '../../../test/helpers/factories.ts';
import { makeSelection } from './test-fixtures.ts';
import { addFollower, setCounters } from './results-fixtures.ts';
import { findFollowUp } from './follow-up-queries.ts';

let t: TestApp;
before(async () => (t = await makeApp()));
after(() => t.close());

/** A published winner with one news post, and a follower of it. */
async function scene() {
  const fx = makeSelection(t.db, { state: 'closed', settings: { vote_type: 'budget', budget: 5000 }, proposals: 2 });
  const [winner, loser] = fx.proposals.map((p) => p.id) as [number, number];
  setCounters(t.db, fx.stepId, winner, 4);
  const { client: admin } = await loginAs(t, 'admin');
  assert.equal((await admin.post(`/selection/${fx.stepId}/results/publish`)).statusCode, 303);
  const base = `/selection/${fx.stepId}/proposals/${winner}/follow-up`;
  const follower = addFollower(t.db, { kind: 'contribution', id: winner });
  assert.equal((await admin.post(`${base}/updates`, { update_title: 'Le chantier démarre', body: 'Les travaux commencent en *mars*.' })).statusCode, 303);
  const update = findFollowUp(t.db, fx.stepId, winner)!.updates[0]!;
  const told = () => (t.db.sqlite.prepare("select count(*) as n from notifications where user_id = ? and kind = 'progress'").get(follower.id) as { n: number }).n;
  return { fx, winner, loser, admin, base, update, told, url: `${base}/updates/${update.id}` };
}

test('an administrator corrects a news post on its edit page; nobody is told again and the page says it was edited', async () => {
  const s = await scene();
  assert.equal(s.told(), 1);
  assert.match((await s.admin.get(s.base)).body, new RegExp(`<a href="${s.url}">Modifier l’actualité « Le chantier démarre »</a>`));
  const form = await s.admin.get(s.url);
  assert.equal(form.statusCode, 200);
  assert.match(form.body, /value="Le chantier démarre"/);
  assert.match(form.body, /Les travaux commencent en \*mars\*\./);
  const res = await s.admin.post(s.url, { update_title: 'Le chantier démarre en avril', body: 'Les travaux commencent en **avril**.' });
  assert.equal(res.statusCode, 303);
  assert.equal(res.headers.location, s.base);
  assert.match((await s.admin.get(s.base)).body, /Aucun courriel n’est envoyé pour une correction\./);
  const after = findFollowUp(t.db, s.fx.stepId, s.winner)!.updates;
  assert.equal(after.length, 1);
  assert.deepEqual([after[0]!.title, after[0]!.body_md, after[0]!.published_at], ['Le chantier démarre en avril', 'Les travaux commencent en **avril**.', s.update.published_at]);
  assert.ok(after[0]!.edited_at);
  assert.equal(s.told(), 1, 'a correction tells nobody');
  const page = (await t.client().get(`/selection/${s.fx.stepId}/proposals/${s.winner}`)).body;
  assert.match(page, /<strong>avril<\/strong>/);
  assert.match(page, /modifiée le/);
});

test('a wrong edit comes back with its errors and the values sent, in the person’s language, and changes nothing', async () => {
  const s = await scene();
  const cases: [Record<string, string>, RegExp][] = [
    [{ update_title: '', body: 'Texte' }, /Ce champ est obligatoire\./],
    [{ update_title: 'Titre', body: '' }, /Ce champ est obligatoire\./],
    [{ update_title: 'x'.repeat(201), body: 'Texte' }, /Ce champ ne doit pas dépasser 200 caractères\./],
  ];
  for (const [form, message] of cases) {
    const res = await s.admin.post(s.url, form);
    assert.equal(res.statusCode, 422, JSON.stringify(form));
    assert.match(res.body, message);
    assert.match(res.body, /class="error-summary"/);
  }
  assert.match((await s.admin.post(s.url, { update_title: 'Titre gardé', body: '' })).body, /value="Titre gardé"/);
  await s.admin.get('/lang/en');
  assert.match((await s.admin.post(s.url, { update_title: '', body: 'Text' })).body, /This field is required\./);
  const [u] = findFollowUp(t.db, s.fx.stepId, s.winner)!.updates;
  assert.deepEqual([u!.title, u!.edited_at], ['Le chantier démarre', null]);
});

test('removal is asked first on a page of its own, then the post goes; the proposal’s page no longer shows it', async () => {
  const s = await scene();
  const ask = `${s.url}/delete`;
  assert.match((await s.admin.get(s.base)).body, new RegExp(`<a href="${ask}">Supprimer l’actualité « Le chantier démarre »</a>`));
  const question = await s.admin.get(ask);
  assert.equal(question.statusCode, 200);
  assert.match(question.body, /L’actualité « Le chantier démarre », publiée le .*, disparaîtra de la page de la proposition\./);
  assert.match(question.body, new RegExp(`<form method="post" action="${ask}">`));
  assert.match(question.body, new RegExp(`<a href="${s.base}">Annuler</a>`));
  assert.equal(countRows(t, `selection_updates where id = ${s.update.id}`), 1, 'asking removes nothing');
  const res = await s.admin.post(ask);
  assert.equal(res.statusCode, 303);
  assert.equal(res.headers.location, s.base);
  assert.equal(countRows(t, `selection_updates where id = ${s.update.id}`), 0);
  assert.doesNotMatch((await t.client().get(`/selection/${s.fx.stepId}/proposals/${s.winner}`)).body, /Le chantier démarre/);
  assert.equal((await s.admin.get(ask)).statusCode, 404, 'gone');
  assert.equal((await s.admin.post(ask)).statusCode, 404);
  assert.equal((await s.admin.post(s.url, { update_title: 'Trop tard', body: 'Texte' })).statusCode, 404);
});

test('only administrators edit or remove a post, and only this winner’s posts through its address', async () => {
  const s = await scene();
  const ask = `${s.url}/delete`;
  assert.equal((await (await anonymous(t)).post(s.url, { update_title: 'X', body: 'Y' })).statusCode, 401);
  assert.equal((await (await anonymous(t)).post(ask)).statusCode, 401);
  for (const who of ['citizen', 'moderator'] as const) {
    const { client } = await loginAs(t, who);
    assert.equal((await client.get(s.url)).statusCode, 403, `${who} edit page`);
    assert.equal((await client.post(s.url, { update_title: 'X', body: 'Y' })).statusCode, 403, `${who} edit`);
    assert.equal((await client.get(ask)).statusCode, 403, `${who} question`);
    assert.equal((await client.post(ask)).statusCode, 403, `${who} removal`);
  }
  const other = await scene();
  const elsewhere = `${s.base}/updates/${other.update.id}`;
  assert.equal((await s.admin.get(elsewhere)).statusCode, 404);
  assert.equal((await s.admin.post(elsewhere, { update_title: 'X', body: 'Y' })).statusCode, 404);
  assert.equal((await s.admin.post(`${elsewhere}/delete`)).statusCode, 404);
  assert.equal((await s.admin.get(`/selection/${s.fx.stepId}/proposals/${s.loser}/follow-up/updates/${s.update.id}`)).statusCode, 404);
  assert.equal((await s.admin.get(`${s.base}/updates/abc`)).statusCode, 404);
  assert.equal(countRows(t, `selection_updates where id in (${s.update.id}, ${other.update.id}) and title = 'Le chantier démarre'`), 2, 'both untouched');
});
