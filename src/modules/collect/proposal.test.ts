// Submitting a proposal: reference numbers per step, counters, the author's follow and the
// search index in the same write; errors beside the fields in French and English with the
// values kept and nothing written; the step's form (hidden, optional, required fields, the
// maximum cost, custom questions and their private answers); anti-spam; pre-moderation.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { makeApp, type TestApp } from '../../../test/helpers/app.ts';
import { countRows, loginAs } from '../../../test/helpers/factories.ts';
import { addCategory, addDistrict, addQuestion, collectCounters, makeCollect } from './test-fixtures.ts';

let t: TestApp;
before(async () => (t = await makeApp()));
after(() => t.close());

const form = { title: 'Un verger partagé', summary: 'Des arbres fruitiers au square.', body: 'Vingt arbres entretenus par les habitants.', intent: 'submit' };
const url = (c: { stepId: number }) => `/collect/${c.stepId}/proposals`;
const proposalsIn = (c: { stepId: number }) => countRows(t, `collect_proposals where step_id = ${c.stepId}`);

test('a citizen submits a proposal: its page, a reference number per step, counters, a follow and the index in one write', async () => {
  const c = makeCollect(t.db);
  const other = makeCollect(t.db);
  const { client, userId } = await loginAs(t);
  const res = await client.post(url(c), form);
  assert.equal(res.statusCode, 303);
  const id = Number(/proposals\/(\d+)$/.exec(res.headers.location as string)?.[1]);
  const page = await client.get(res.headers.location as string);
  assert.equal(page.statusCode, 200);
  assert.match(page.body, /Proposition n° 1/);
  assert.match(page.body, /Votre proposition est déposée/);
  assert.match(page.body, /Des arbres fruitiers au square\./);
  assert.match(page.body, /id="comments"/, 'comments are on by default');
  await client.post(url(c), { ...form, title: 'Un second verger' });
  await client.post(url(other), form);
  const refs = t.db.sqlite.prepare('select step_id, reference from collect_proposals where step_id in (?, ?) order by contribution_id').all(c.stepId, other.stepId);
  assert.deepEqual(refs, [{ step_id: c.stepId, reference: 1 }, { step_id: c.stepId, reference: 2 }, { step_id: other.stepId, reference: 1 }]);
  const counters = collectCounters(t, c);
  assert.deepEqual([counters.proposals, counters.rows, counters.published, counters.step, counters.project.contributions_count, counters.project.participants_count], [2, 2, 2, 2, 2, 1]);
  assert.equal(countRows(t, `follows where user_id = ${userId} and target_kind = 'contribution' and target_id = ${id}`), 1);
  assert.equal(t.db.sqlite.prepare('select followers_count from collect_proposals where contribution_id = ?').pluck().get(id), 1, 'the follow is counted by its trigger');
  assert.ok((t.db.sqlite.prepare("select rowid from collect_fts where collect_fts match 'fruitiers'").pluck().all() as number[]).includes(id));
});

test('missing or too long fields are refused with 422, errors beside the fields in French, the values kept, nothing written', async () => {
  const c = makeCollect(t.db);
  const { client } = await loginAs(t);
  const res = await client.post(url(c), { title: 'x'.repeat(151), summary: '', body: 'Garde <ce texte>', intent: 'submit' });
  assert.equal(res.statusCode, 422);
  assert.match(res.body, /id="field-title-error">150 caractères au plus|id="field-title-error">[^<]*150/);
  assert.match(res.body, /id="field-summary-error">/);
  assert.match(res.body, /Garde &lt;ce texte&gt;<\/textarea>/);
  assert.match(res.body, /id="error-summary"/);
  assert.equal(proposalsIn(c), 0);
  assert.equal(countRows(t, `contributions where step_id = ${c.stepId}`), 0);
});

test('the same refusal reads in English for an English reader', async () => {
  const c = makeCollect(t.db, { form: (f) => (f.fields.cost.mode = 'required') });
  const { client } = await loginAs(t);
  await client.get('/lang/en');
  const res = await client.post(url(c), { ...form, cost: 'a lot' });
  assert.equal(res.statusCode, 422);
  assert.match(res.body, /Enter an amount in whole euros/);
  assert.match(res.body, /Submit my proposal/);
});

test('the step’s form decides: hidden fields are ignored, required ones asked for, the cost kept under its maximum', async () => {
  const c = makeCollect(t.db, {
    form: (f) => {
      f.fields.summary.mode = 'off';
      f.fields.body.mode = 'optional';
      f.fields.category.mode = 'required';
      f.fields.district.mode = 'required';
      f.fields.cost.mode = 'optional';
      f.costMax = 10000;
    },
  });
  const category = addCategory(t.db, c, 'Nature');
  const district = addDistrict(t.db, c, 'Les Tilleuls');
  const { client } = await loginAs(t);
  const page = await client.get(`${url(c)}/new`);
  assert.doesNotMatch(page.body, /name="summary"/);
  assert.match(page.body, /<option value="\d+">Nature<\/option>/);
  assert.match(page.body, /<option value="\d+">Les Tilleuls<\/option>/);
  const refused = await client.post(url(c), { title: 'Des bancs', body: '', cost: '12 000', intent: 'submit' });
  assert.equal(refused.statusCode, 422);
  assert.match(refused.body, /id="field-category-error"/);
  assert.match(refused.body, /id="field-district-error"/);
  assert.match(refused.body, /ne peut pas dépasser 10[\s\u202f]000 €/);
  const ok = await client.post(url(c), { title: 'Des bancs', summary: 'ignoré', body: '', category: String(category), district: String(district), cost: '9 500', intent: 'submit' });
  assert.equal(ok.statusCode, 303);
  const row = t.db.sqlite.prepare('select summary, category_id, district_id, cost, cost_missing from collect_proposals where step_id = ?').get(c.stepId);
  assert.deepEqual(row, { summary: '', category_id: category, district_id: district, cost: 9500, cost_missing: 0 });
});

test('a category or district no form offers is a bad request, and nothing is written', async () => {
  const c = makeCollect(t.db);
  const elsewhere = makeCollect(t.db);
  const foreign = addCategory(t.db, elsewhere);
  addCategory(t.db, c);
  const { client } = await loginAs(t);
  assert.equal((await client.post(url(c), { ...form, category: String(foreign) })).statusCode, 400);
  assert.equal((await client.post(url(c), { ...form, district: '999999' })).statusCode, 400);
  assert.equal((await client.post(url(c), { ...form, intent: 'publish' })).statusCode, 400);
  assert.equal(proposalsIn(c), 0);
});

test('custom questions are asked through the form engine; private answers are shown to the author and officials only', async () => {
  const c = makeCollect(t.db);
  const single = addQuestion(t.db, c, { type: 'single', title: 'Qui en profitera ?', required: true, config: { options: ['Les enfants', 'Tout le monde'] } });
  const phone = addQuestion(t.db, c, { type: 'short_text', title: 'Votre téléphone', private: true });
  const count = addQuestion(t.db, c, { type: 'number', title: 'Combien d’arbres ?', config: { min: 1, max: 100 } });
  const { client } = await loginAs(t);
  const refused = await client.post(url(c), { ...form, [`q${count}`]: '500' });
  assert.equal(refused.statusCode, 422);
  assert.match(refused.body, new RegExp(`id="field-q${single}-error">Répondez à cette question`));
  assert.match(refused.body, new RegExp(`id="field-q${count}-error">Indiquez une valeur entre 1 et 100`));
  const res = await client.post(url(c), { ...form, [`q${single}`]: '1', [`q${phone}`]: '06 12 34 56 78', [`q${count}`]: '20' });
  assert.equal(res.statusCode, 303);
  const own = await client.get(res.headers.location as string);
  assert.match(own.body, /Tout le monde/);
  assert.match(own.body, /06 12 34 56 78/);
  const stranger = await (await loginAs(t)).client.get(res.headers.location as string);
  assert.match(stranger.body, /Tout le monde/);
  assert.doesNotMatch(stranger.body, /06 12 34 56 78/);
  const admin = await (await loginAs(t, 'admin')).client.get(res.headers.location as string);
  assert.match(admin.body, /06 12 34 56 78/);
});

test('robots are refused: the hidden field filled in, or more links than the site allows; nothing written', async () => {
  const c = makeCollect(t.db);
  const { client } = await loginAs(t);
  assert.equal((await client.post(url(c), { ...form, website: 'http://spam.example' })).statusCode, 422);
  const links = await client.post(url(c), { ...form, body: Array.from({ length: 6 }, (_, i) => `https://site${i}.example`).join(' ') });
  assert.equal(links.statusCode, 422);
  assert.match(links.body, /id="field-body-error"/);
  assert.equal(proposalsIn(c), 0);
});

test('"look for similar proposals" without JavaScript shows them under the title and writes nothing', async () => {
  const c = makeCollect(t.db);
  const { client } = await loginAs(t);
  await client.post(url(c), { ...form, title: 'Un verger partagé au square des Tilleuls' });
  const res = await client.post(url(c), { title: 'Verger au square', summary: '', body: '', intent: 'check' });
  assert.equal(res.statusCode, 200);
  assert.match(res.body, /Une proposition semblable existe déjà/);
  assert.match(res.body, /Un verger partagé au square des Tilleuls/);
  assert.match(res.body, /value="Verger au square"/);
  assert.equal(proposalsIn(c), 1);
  const none = await client.post(url(c), { title: 'Une patinoire', intent: 'check' });
  assert.match(none.body, /Aucune proposition semblable/);
});

test('on a pre-moderated step a proposal waits unlisted and uncounted, its page shown to its author only', async () => {
  const c = makeCollect(t.db, { premoderation: true });
  const { client } = await loginAs(t);
  const res = await client.post(url(c), form);
  assert.equal(res.statusCode, 303);
  assert.match((await client.get(res.headers.location as string)).body, /relecture par un modérateur/);
  assert.equal((await (await loginAs(t)).client.get(res.headers.location as string)).statusCode, 404);
  assert.doesNotMatch((await t.client().get(`/collect/${c.stepId}`)).body, /Un verger partagé/);
  const counters = collectCounters(t, c);
  assert.deepEqual([counters.proposals, counters.published, counters.step], [0, 0, 0]);
});
