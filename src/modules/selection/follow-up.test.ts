// A winner's follow-up: administrators alone edit its progress, timeline and news, for winners of
// published results only; bad input comes back with its errors and writes nothing; news and a
// milestone marked done email the proposal's followers; the public partial shows it all, news in
// sanitised Markdown, and nothing for a proposal that did not win.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { makeApp, type TestApp } from '../../../test/helpers/app.ts';
import { anonymous, countRows, loginAs } from '../../../test/helpers/factories.ts';
import { renderMarkdown } from '../../platform/markdown.ts';
import { makeSelection } from './test-fixtures.ts';
import { addFollower, sendNotificationEmails, setCounters } from './results-fixtures.ts';
import { findFollowUp } from './follow-up-queries.ts';
import { isDate } from './follow-up-rules.ts';

let t: TestApp;
before(async () => (t = await makeApp()));
after(() => t.close());

/** A closed budget vote, published: the first proposal wins, the second does not (no votes). */
async function published() {
  const fx = makeSelection(t.db, { state: 'closed', settings: { vote_type: 'budget', budget: 5000 }, proposals: 2 });
  const [winner, loser] = fx.proposals.map((p) => p.id) as [number, number];
  setCounters(t.db, fx.stepId, winner, 4);
  const { client: admin, userId: adminId } = await loginAs(t, 'admin');
  assert.equal((await admin.post(`/selection/${fx.stepId}/results/publish`)).statusCode, 303);
  return { fx, winner, loser, admin, adminId, base: `/selection/${fx.stepId}/proposals/${winner}/follow-up` };
}

const fmt = () => ({ date: (iso: string) => iso.slice(0, 10), dateTime: (iso: string) => iso, number: (n: number) => String(n) });
const partial = (stepId: number, proposalId: number, locale: 'fr' | 'en' = 'fr') =>
  t.app.partial('/selection/_follow-up', { t: t.app.i18n.translator(locale), fmt: fmt(), markdown: renderMarkdown, followUp: findFollowUp(t.db, stepId, proposalId) });

test('dates are real calendar days written YYYY-MM-DD', () => {
  const table: [string, boolean][] = [['2027-03-15', true], ['2028-02-29', true], ['2027-02-29', false], ['2027-13-01', false], ['15/03/2027', false], ['', false]];
  for (const [value, ok] of table) assert.equal(isDate(value), ok, value);
});

test('only administrators edit a follow-up, and only a winner of published results has one', async () => {
  const s = await published();
  const forms: [string, Record<string, string>][] = [
    [`${s.base}/progress`, { progress: '40' }],
    [`${s.base}/milestones`, { milestone_title: 'Études' }],
    [`${s.base}/updates`, { update_title: 'Début', body: 'Texte' }],
  ];
  assert.equal((await t.client().get(s.base)).statusCode, 303);
  for (const [url, form] of forms) {
    assert.equal((await (await anonymous(t)).post(url, form)).statusCode, 401, url);
    for (const who of ['citizen', 'moderator'] as const) assert.equal((await (await loginAs(t, who)).client.post(url, form)).statusCode, 403, `${who} ${url}`);
  }
  assert.equal(countRows(t, 'selection_milestones'), 0);
  assert.equal(countRows(t, 'selection_updates'), 0);
  assert.equal((await s.admin.get(s.base)).statusCode, 200);
  assert.equal((await s.admin.get(`/selection/${s.fx.stepId}/proposals/${s.loser}/follow-up`)).statusCode, 404);
  assert.equal((await s.admin.post(`/selection/${s.fx.stepId}/proposals/${s.loser}/follow-up/progress`, { progress: '10' })).statusCode, 404);
  assert.equal((await s.admin.get(`/selection/${s.fx.stepId}/proposals/abc/follow-up`)).statusCode, 404);
  assert.match((await s.admin.get(`/selection/${s.fx.stepId}/results/admin`)).body, new RegExp(`href="${s.base}"`));
  // Unpublished results: no follow-up yet.
  const draft = makeSelection(t.db, { state: 'closed', proposals: 1 });
  assert.equal((await s.admin.get(`/selection/${draft.stepId}/proposals/${draft.proposals[0]!.id}/follow-up`)).statusCode, 404);
});

test('progress, milestones and news are saved, shown on the public partial, and removed', async () => {
  const s = await published();
  assert.equal((await s.admin.post(`${s.base}/progress`, { progress: '40 %' })).statusCode, 303);
  assert.equal((await s.admin.post(`${s.base}/milestones`, { milestone_title: 'Études', starts_on: '2027-01-10', ends_on: '2027-03-01' })).statusCode, 303);
  assert.equal((await s.admin.post(`${s.base}/milestones`, { milestone_title: 'Travaux', starts_on: '', ends_on: '' })).statusCode, 303);
  assert.equal((await s.admin.post(`${s.base}/updates`, { update_title: 'Le chantier démarre', body: 'Les **travaux** commencent.<script>alert(1)</script>' })).statusCode, 303);
  const f = findFollowUp(t.db, s.fx.stepId, s.winner)!;
  assert.equal(f.progress, 40);
  assert.deepEqual(f.milestones.map((m) => [m.title, m.starts_on, m.ends_on, m.done]), [['Études', '2027-01-10', '2027-03-01', 0], ['Travaux', null, null, 0]]);
  const [first] = f.milestones;
  assert.equal((await s.admin.post(`${s.base}/milestones/${first!.id}/done`, { done: '1' })).statusCode, 303);
  const html = partial(s.fx.stepId, s.winner);
  assert.match(html, /Avancement : 40 %/);
  assert.match(html, /<progress id="selection-progress" max="100" value="40">/);
  assert.match(html, /<strong>Études<\/strong>\s*<span class="selection-milestone-state">terminée<\/span>/);
  assert.match(html, /<strong>Travaux<\/strong>\s*<span class="selection-milestone-state">à venir<\/span>/);
  assert.match(html, /du 2027-01-10 au 2027-03-01/);
  assert.match(html, /<strong>travaux<\/strong>/);
  assert.doesNotMatch(html, /<script>alert/);
  assert.match(partial(s.fx.stepId, s.winner, 'en'), /Progress: 40%/);
  assert.equal(partial(s.fx.stepId, s.loser).trim(), '', 'nothing for a proposal that did not win');
  assert.equal((await s.admin.post(`${s.base}/milestones/${first!.id}/done`, { done: 'maybe' })).statusCode, 400);
  assert.equal((await s.admin.post(`${s.base}/milestones/999999/done`, { done: '1' })).statusCode, 404);
  assert.equal((await s.admin.post(`${s.base}/milestones/${first!.id}/delete`)).statusCode, 303);
  assert.equal((await s.admin.post(`${s.base}/updates/${f.updates[0]!.id}/delete`)).statusCode, 303);
  const after = findFollowUp(t.db, s.fx.stepId, s.winner)!;
  assert.deepEqual([after.milestones.length, after.updates.length], [1, 0]);
  assert.match(partial(s.fx.stepId, s.winner), /Travaux/);
});

test('wrong input comes back beside its field in the person’s language, and nothing is written', async () => {
  const s = await published();
  const cases: [string, Record<string, string>, RegExp][] = [
    [`${s.base}/progress`, { progress: '120' }, /Saisissez un pourcentage entier, de 0 à 100\./],
    [`${s.base}/progress`, { progress: '' }, /Ce champ est obligatoire\./],
    [`${s.base}/milestones`, { milestone_title: '', starts_on: '2027-01-01' }, /Ce champ est obligatoire\./],
    [`${s.base}/milestones`, { milestone_title: 'Études', starts_on: '2027-02-30' }, /Saisissez une date valide \(AAAA-MM-JJ\)\./],
    [`${s.base}/milestones`, { milestone_title: 'Études', starts_on: '2027-03-01', ends_on: '2027-01-01' }, /La fin ne peut pas précéder le début\./],
    [`${s.base}/updates`, { update_title: 'Titre', body: '' }, /Ce champ est obligatoire\./],
    [`${s.base}/updates`, { update_title: 'x'.repeat(201), body: 'Texte' }, /Ce champ ne doit pas dépasser 200 caractères\./],
  ];
  for (const [url, form, message] of cases) {
    const res = await s.admin.post(url, form);
    assert.equal(res.statusCode, 422, `${url} ${JSON.stringify(form)}`);
    assert.match(res.body, message);
    assert.match(res.body, /class="error-summary"/);
  }
  await s.admin.get('/lang/en');
  assert.match((await s.admin.post(`${s.base}/milestones`, { milestone_title: 'A', ends_on: 'tomorrow' })).body, /Enter a valid date \(YYYY-MM-DD\)\./);
  assert.equal(countRows(t, `selection_milestones where proposal_id = ${s.winner}`), 0);
  assert.equal(countRows(t, `selection_updates where proposal_id = ${s.winner}`), 0);
  assert.equal(findFollowUp(t.db, s.fx.stepId, s.winner)!.progress, 0);
});

test('news and a milestone marked done email the proposal’s followers, never the official, and marking it done again tells nobody', async () => {
  const s = await published();
  const follower = addFollower(t.db, { kind: 'contribution', id: s.winner });
  const told = () => (t.db.sqlite.prepare('select count(*) as n from notifications where contribution_id = ? and user_id = ?').get(s.winner, follower.id) as { n: number }).n;
  await s.admin.post(`${s.base}/updates`, { update_title: 'Le chantier démarre', body: 'Bientôt.' });
  assert.equal(told(), 1);
  await s.admin.post(`${s.base}/milestones`, { milestone_title: 'Études' });
  assert.equal(told(), 1, 'adding a milestone tells nobody');
  const id = findFollowUp(t.db, s.fx.stepId, s.winner)!.milestones[0]!.id;
  await s.admin.post(`${s.base}/milestones/${id}/done`, { done: '1' });
  await s.admin.post(`${s.base}/milestones/${id}/done`, { done: '1' });
  assert.equal(told(), 2);
  assert.equal((t.db.sqlite.prepare('select count(*) as n from notifications where user_id = ?').get(s.adminId) as { n: number }).n, 0, 'never the official');
  await sendNotificationEmails(t);
  const mail = await t.smtp.waitFor(follower.email, /./);
  assert.ok(mail.text.includes(s.fx.proposals[0]!.title), 'the email names the proposal');
  assert.match(mail.text, /réalisation/, 'and says it is news of its realisation, not a change of status');
  assert.equal((t.db.sqlite.prepare("select count(*) as n from notifications where user_id = ? and kind = 'progress'").get(follower.id) as { n: number }).n, 2);
});

test('a milestone is edited on its own page: title and dates, refused with its errors when wrong', async () => {
  const s = await published();
  await s.admin.post(`${s.base}/milestones`, { milestone_title: 'Études' });
  const id = findFollowUp(t.db, s.fx.stepId, s.winner)!.milestones[0]!.id;
  const url = `${s.base}/milestones/${id}`;
  assert.match((await s.admin.get(s.base)).body, new RegExp(`<a href="${url}">Modifier l’étape « Études »</a>`));
  assert.match((await s.admin.get(url)).body, /value="Études"/);
  for (const who of ['citizen', 'moderator'] as const) assert.equal((await (await loginAs(t, who)).client.post(url, { milestone_title: 'X' })).statusCode, 403, who);
  const bad = await s.admin.post(url, { milestone_title: 'Études', starts_on: '2027-05-01', ends_on: '2027-04-01' });
  assert.equal(bad.statusCode, 422);
  assert.match(bad.body, /La fin ne peut pas précéder le début\./);
  assert.equal((await s.admin.post(url, { milestone_title: 'Études de sol', starts_on: '2027-04-01', ends_on: '2027-05-01' })).statusCode, 303);
  assert.deepEqual(findFollowUp(t.db, s.fx.stepId, s.winner)!.milestones.map((m) => [m.title, m.starts_on, m.ends_on]), [['Études de sol', '2027-04-01', '2027-05-01']]);
  assert.equal((await s.admin.get(`${s.base}/milestones/999999`)).statusCode, 404);
  assert.equal((await s.admin.get(`/selection/${s.fx.stepId}/proposals/${s.loser}/follow-up/milestones/${id}`)).statusCode, 404);
});
