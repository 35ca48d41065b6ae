// Published results withdrawn by an administrator (an error found in the paper ballots), with a
// reason kept in the results log: the public page says they were withdrawn and shows no numbers,
// the winners' follow-up is hidden, paper counts can be corrected, and the new publication names
// the winners again and tells the step's followers again.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { makeApp, type TestApp } from '../../../test/helpers/app.ts';
import { anonymous, countRows, loginAs } from '../../../test/helpers/factories.ts';
import { makeSelection } from './test-fixtures.ts';
import { addFollower, sendNotificationEmails, setCounters } from './results-fixtures.ts';
import { findFollowUp } from './follow-up-queries.ts';

let t: TestApp;
before(async () => (t = await makeApp()));
after(() => t.close());

const publishedAt = (stepId: number) => (t.db.sqlite.prepare('select results_published_at as at from selection_steps where step_id = ?').get(stepId) as { at: string | null }).at;
const winners = (stepId: number) => (t.db.sqlite.prepare('select proposal_id from selection_proposals where step_id = ? and winner = 1 order by proposal_id').all(stepId) as { proposal_id: number }[]).map((r) => r.proposal_id);
const log = (stepId: number) => t.db.sqlite.prepare('select action, reason, user_id from selection_results_log where step_id = ? order by id').all(stepId) as { action: string; reason: string | null; user_id: number }[];

/** A closed vote of 1 000 €: A (600 €, 5 votes), B (500 €, 4 votes), published: A wins, B does not fit. */
async function published() {
  const fx = makeSelection(t.db, { state: 'closed', settings: { vote_type: 'budget', budget: 1000 }, proposals: [{ cost: 600 }, { cost: 500 }] });
  const [a, b] = fx.proposals.map((p) => p.id) as [number, number];
  setCounters(t.db, fx.stepId, a, 5);
  setCounters(t.db, fx.stepId, b, 4);
  const { client: admin, userId: adminId } = await loginAs(t, 'admin');
  const base = `/selection/${fx.stepId}/results`;
  assert.equal((await admin.post(`${base}/publish`)).statusCode, 303);
  assert.deepEqual(winners(fx.stepId), [a]);
  return { fx, a, b, admin, adminId, base };
}

test('an administrator withdraws published results with a reason: the public reads they were withdrawn, without numbers, and the winners’ follow-up is hidden', async () => {
  const s = await published();
  await s.admin.post(`/selection/${s.fx.stepId}/proposals/${s.a}/follow-up/updates`, { update_title: 'Lancement', body: 'Les études commencent.' });
  const admin = (await s.admin.get(`${s.base}/admin`)).body;
  assert.match(admin, new RegExp(`<form method="post" action="${s.base}/withdraw" novalidate aria-labelledby="selection-withdraw">`));
  const res = await s.admin.post(`${s.base}/withdraw`, { reason: '  Une urne du bureau 4 n’a pas été comptée.  ' });
  assert.equal(res.statusCode, 303);
  assert.equal(res.headers.location, `${s.base}/admin`);
  assert.equal(publishedAt(s.fx.stepId), null);
  assert.deepEqual(winners(s.fx.stepId), []);
  assert.deepEqual(log(s.fx.stepId), [
    { action: 'published', reason: null, user_id: s.adminId },
    { action: 'withdrawn', reason: 'Une urne du bureau 4 n’a pas été comptée.', user_id: s.adminId },
  ]);
  const page = await t.client().get(s.base);
  assert.equal(page.statusCode, 200);
  assert.match(page.body, /Les résultats publiés ont été retirés le .* pour être corrigés\. Ils seront publiés à nouveau ici\./);
  assert.doesNotMatch(page.body, /<table/);
  assert.doesNotMatch(page.body, /bureau 4/, 'the reason is the administrators’ record');
  const { client: citizen } = await loginAs(t, 'citizen');
  await citizen.get('/lang/en');
  assert.match((await citizen.get(s.base)).body, /The published results were withdrawn on .* to be corrected\./);
  assert.equal(findFollowUp(t.db, s.fx.stepId, s.a), null);
  assert.equal((await s.admin.get(`/selection/${s.fx.stepId}/proposals/${s.a}/follow-up`)).statusCode, 404);
  assert.doesNotMatch((await t.client().get(`/selection/${s.fx.stepId}/proposals/${s.a}`)).body, /Lancement/);
  assert.equal(countRows(t, `selection_updates where proposal_id = ${s.a}`), 1, 'the news is kept for a new publication');
  const history = (await s.admin.get(`${s.base}/admin`)).body;
  assert.match(history, /Historique de la publication/);
  assert.match(history, /publication retirée\./);
  assert.match(history, /Raison : Une urne du bureau 4 n’a pas été comptée\./);
  assert.match(history, /Aperçu réservé aux administrateurs|Publier les résultats/);
});

test('withdrawn results are corrected and published again: new winners, and the step’s followers are told a second time', async () => {
  const s = await published();
  const follower = addFollower(t.db, { kind: 'step', id: s.fx.stepId });
  const told = () => (t.db.sqlite.prepare("select count(*) as n from notifications where user_id = ? and kind = 'results' and step_id = ?").get(follower.id, s.fx.stepId) as { n: number }).n;
  assert.equal(told(), 0, 'following after the first publication');
  assert.equal((await s.admin.post(`${s.base}/paper`, { [`votes_${s.a}`]: '0', [`votes_${s.b}`]: '3' })).statusCode, 403, 'no correction while published');
  assert.equal((await s.admin.post(`${s.base}/withdraw`, { reason: 'Bulletins papier oubliés.' })).statusCode, 303);
  assert.equal((await s.admin.post(`${s.base}/paper`, { [`votes_${s.a}`]: '0', [`votes_${s.b}`]: '3' })).statusCode, 303);
  assert.equal((await s.admin.post(`${s.base}/winners`, { winners_max: '1' })).statusCode, 303);
  assert.equal((await s.admin.post(`${s.base}/publish`)).statusCode, 303);
  assert.ok(publishedAt(s.fx.stepId));
  assert.deepEqual(winners(s.fx.stepId), [s.b]);
  assert.deepEqual(log(s.fx.stepId).map((e) => e.action), ['published', 'withdrawn', 'published']);
  assert.equal(told(), 1);
  await sendNotificationEmails(t);
  await t.smtp.waitFor(follower.email, /./);
  const page = (await t.client().get(s.base)).body;
  assert.doesNotMatch(page, /ont été retirés/);
  assert.match(page, /Résultats publiés le/);
  // Withdrawn and published again: told again, once per publication.
  await s.admin.post(`${s.base}/withdraw`, { reason: 'Encore une erreur.' });
  await s.admin.post(`${s.base}/publish`);
  assert.equal(told(), 2);
});

test('only an administrator withdraws, only published results, and never without a reason', async () => {
  const s = await published();
  const url = `${s.base}/withdraw`;
  assert.equal((await (await anonymous(t)).post(url, { reason: 'Erreur' })).statusCode, 401);
  for (const who of ['citizen', 'moderator'] as const) assert.equal((await (await loginAs(t, who)).client.post(url, { reason: 'Erreur' })).statusCode, 403, who);
  const cases: [Record<string, string>, RegExp][] = [
    [{ reason: '' }, /Ce champ est obligatoire\./],
    [{ reason: '   ' }, /Ce champ est obligatoire\./],
    [{ reason: 'x'.repeat(2001) }, /Ce champ ne doit pas dépasser 2.000 caractères\./u],
  ];
  for (const [form, message] of cases) {
    const res = await s.admin.post(url, form);
    assert.equal(res.statusCode, 422, JSON.stringify(form).slice(0, 40));
    assert.match(res.body, message);
    assert.match(res.body, /class="error-summary"/);
  }
  await s.admin.get('/lang/en');
  assert.match((await s.admin.post(url, {})).body, /This field is required\./);
  assert.ok(publishedAt(s.fx.stepId), 'still published');
  assert.deepEqual(log(s.fx.stepId).map((e) => e.action), ['published']);
  const draft = makeSelection(t.db, { state: 'closed', proposals: 1 });
  const early = await s.admin.post(`/selection/${draft.stepId}/results/withdraw`, { reason: 'Erreur' });
  assert.equal(early.statusCode, 403);
  assert.match(early.body, /The results are not published: there is no publication to withdraw\./);
  assert.equal(countRows(t, `selection_results_log where step_id = ${draft.stepId}`), 0);
});

test('an administrator’s account export holds the publications and withdrawals they made, with the reason', async () => {
  const s = await published();
  await s.admin.post(`${s.base}/withdraw`, { reason: 'Erreur de saisie.' });
  const part = (await s.admin.get('/account/export')).json().selection;
  assert.deepEqual(
    part.resultsLog.filter((e: { step_id: number }) => e.step_id === s.fx.stepId).map((e: { action: string; reason: string | null }) => [e.action, e.reason]),
    [['published', null], ['withdrawn', 'Erreur de saisie.']],
  );
});
