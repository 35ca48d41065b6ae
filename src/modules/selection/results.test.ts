// The results page and their publication: hidden from the public until published, previewed by
// administrators; published only by an administrator, once, after the close, with the winner
// flags and an announcement by email; winners per envelope within their budgets, the skipped
// ones named; points shown for ranked steps.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { makeApp, type TestApp } from '../../../test/helpers/app.ts';
import { anonymous, loginAs } from '../../../test/helpers/factories.ts';
import { makeSelection, setEnvelopeBudget, setSelectionState, type SelectionOptions } from './test-fixtures.ts';
import { addFollower, sendNotificationEmails, setCounters } from './results-fixtures.ts';

let t: TestApp;
before(async () => (t = await makeApp()));
after(() => t.close());

const row = (stepId: number, proposalId: number) =>
  t.db.sqlite.prepare('select winner from selection_proposals where step_id = ? and proposal_id = ?').get(stepId, proposalId) as { winner: number };
const publishedAt = (stepId: number) => (t.db.sqlite.prepare('select results_published_at as at from selection_steps where step_id = ?').get(stepId) as { at: string | null } | undefined)?.at ?? null;

/** A closed budget vote of 1 000 € with four proposals: 600 € (9 votes), 500 € (8), 300 € (7), 200 € (0). */
function budgetScene(o: SelectionOptions = {}) {
  const fx = makeSelection(t.db, { state: 'closed', settings: { vote_type: 'budget', budget: 1000 }, proposals: [{ cost: 600 }, { cost: 500 }, { cost: 300 }, { cost: 200 }], ...o });
  const [a, b, c, d] = fx.proposals.map((p) => p.id) as [number, number, number, number];
  setCounters(t.db, fx.stepId, a, 9);
  setCounters(t.db, fx.stepId, b, 6, 0, 2);
  setCounters(t.db, fx.stepId, c, 7);
  return { fx, a, b, c, d, url: `/selection/${fx.stepId}/results` };
}

test('before publication the public reads that results will come, and administrators see a preview under a banner', async () => {
  const { fx, url } = budgetScene();
  for (const who of ['citizen', 'moderator'] as const) {
    const { client } = await loginAs(t, who);
    const res = await client.get(url);
    assert.equal(res.statusCode, 200);
    assert.match(res.body, /Les résultats seront publiés ici après le dépouillement/);
    assert.doesNotMatch(res.body, /Proposition \d+<\/a>/, `${who} sees no ranking`);
  }
  const visitor = t.client();
  assert.doesNotMatch((await visitor.get(url)).body, /<table/);
  setSelectionState(t.db, fx.stepId, 'open');
  t.app.pageCache.clear(); // dates changed behind the app's back
  assert.match((await visitor.get(url)).body, /après la fin du vote/);
  setSelectionState(t.db, fx.stepId, 'closed');
  const { client: admin } = await loginAs(t, 'admin');
  const res = await admin.get(url);
  assert.match(res.body, /Aperçu réservé aux administrateurs/);
  assert.match(res.body, /Lauréat \(provisoire\)/);
  assert.match(res.body, /<caption>Classement : Toutes les propositions<\/caption>/);
  assert.equal(publishedAt(fx.stepId), null);
});

test('only an administrator publishes, only once the vote is closed, and only once', async () => {
  const { fx, a, url } = budgetScene();
  const publish = `${url}/publish`;
  assert.equal((await (await anonymous(t)).post(publish)).statusCode, 401);
  assert.equal((await (await loginAs(t, 'citizen')).client.post(publish)).statusCode, 403);
  assert.equal((await (await loginAs(t, 'moderator')).client.post(publish)).statusCode, 403);
  const { client: admin } = await loginAs(t, 'admin');
  setSelectionState(t.db, fx.stepId, 'open');
  const early = await admin.post(publish);
  assert.equal(early.statusCode, 403);
  assert.match(early.body, /Les résultats se publient une fois le vote terminé/);
  assert.equal(publishedAt(fx.stepId), null);
  assert.equal(row(fx.stepId, a).winner, 0);
  setSelectionState(t.db, fx.stepId, 'closed');
  const res = await admin.post(publish);
  assert.equal(res.statusCode, 303);
  assert.equal(res.headers.location, url);
  assert.ok(publishedAt(fx.stepId));
  const again = await admin.post(publish);
  assert.equal(again.statusCode, 403);
  assert.match(again.body, /déjà publiés/);
});

test('published results name the winners per budget, skip the one that did not fit and take a cheaper one further down', async () => {
  const { fx, a, b, c, d, url } = budgetScene();
  const { client: admin } = await loginAs(t, 'admin');
  assert.equal((await admin.post(`${url}/publish`)).statusCode, 303);
  assert.deepEqual([a, b, c, d].map((id) => row(fx.stepId, id).winner), [1, 0, 1, 0]);
  const visitor = t.client();
  const res = await visitor.get(url);
  assert.equal(res.statusCode, 200);
  assert.match(res.body, /Résultats publiés le/);
  assert.match(res.body, /Budget utilisé : 900 € sur 1[\s\u202f]000 € \(reste 100 €\)\./);
  assert.match(res.body, /2 lauréats\./);
  // Ranking: a (9), b (6 + 2 paper = 8), c (7), d (0).
  const order = [...res.body.matchAll(/<a href="\/selection\/\d+\/proposals\/(\d+)">/g)].map((m) => Number(m[1]));
  assert.deepEqual(order, [a, b, c, d]);
  assert.match(res.body, /<td class="num">6<\/td>\s*<td class="num">2<\/td>\s*<td class="num">8<\/td>/, 'digital, paper and total shown apart');
  assert.match(res.body, /Non retenu : dépasse le budget restant/);
  assert.match(res.body, /Non retenu : aucun vote/);
  assert.match(res.body, /Propositions passées car elles ne tenaient pas dans le budget/);
  assert.match(res.body, new RegExp(`${fx.proposals[1]!.title} : 500 €, alors qu’il restait 400 € à son tour\\.`));
  assert.match(res.body, /<th scope="col" class="num">Rang<\/th>/);
  assert.doesNotMatch(res.body, /Aperçu réservé/);
  await visitor.get('/lang/en');
  const en = await visitor.get(url);
  assert.match(en.body, /Budget used: €900 of €1,000 \(€100 left\)\./);
  assert.match(en.body, /Not selected: over the budget left/);
});

test('each district envelope is ranked within its own budget, the city-wide one first', async () => {
  const fx = makeSelection(t.db, {
    state: 'closed',
    settings: { vote_type: 'budget', budget: 500, envelopes: 'districts_and_city' },
    proposals: [{ cost: 400, district: 0 }, { cost: 300, district: 0 }, { cost: 400, district: 1 }, { cost: 900, district: null }],
  });
  setEnvelopeBudget(t.db, fx.stepId, null, 1000);
  const [a, b, c, d] = fx.proposals.map((p) => p.id) as [number, number, number, number];
  for (const [id, votes] of [[a, 5], [b, 4], [c, 1], [d, 2]] as const) setCounters(t.db, fx.stepId, id, votes);
  const { client: admin } = await loginAs(t, 'admin');
  assert.equal((await admin.post(`/selection/${fx.stepId}/results/publish`)).statusCode, 303);
  assert.deepEqual([a, b, c, d].map((id) => row(fx.stepId, id).winner), [1, 0, 1, 1]);
  const body = (await t.client().get(`/selection/${fx.stepId}/results`)).body;
  const headings = [...body.matchAll(/<h3 id="selection-envelope-[^"]+">([^<]+)<\/h3>/g)].map((m) => m[1]);
  assert.deepEqual(headings, ['Enveloppe pour toute la collectivité', ...[fx.districts[0], fx.districts[1]].map((id) => (t.db.sqlite.prepare('select name from districts where id = ?').get(id) as { name: string }).name)]);
  assert.match(body, /Budget utilisé : 900 € sur 1[\s\u202f]000 €/);
  assert.match(body, /Budget utilisé : 400 € sur 500 € \(reste 100 €\)/);
});

test('a support vote without a budget names the administrator’s number of winners, or none', async () => {
  const fx = makeSelection(t.db, { state: 'closed', proposals: 3 });
  const [a, b, c] = fx.proposals.map((p) => p.id) as [number, number, number];
  for (const [id, votes] of [[a, 3], [b, 5], [c, 1]] as const) setCounters(t.db, fx.stepId, id, votes);
  const { client: admin } = await loginAs(t, 'admin');
  const preview = (await admin.get(`/selection/${fx.stepId}/results`)).body;
  assert.match(preview, /Classé/);
  assert.match(preview, /0 lauréat\./);
  assert.equal((await admin.post(`/selection/${fx.stepId}/results/winners`, { winners_max: '2' })).statusCode, 303);
  assert.equal((await admin.post(`/selection/${fx.stepId}/results/publish`)).statusCode, 303);
  assert.deepEqual([a, b, c].map((id) => row(fx.stepId, id).winner), [1, 1, 0]);
  assert.match((await t.client().get(`/selection/${fx.stepId}/results`)).body, /Non retenu : nombre de lauréats atteint/);
  const refused = await admin.post(`/selection/${fx.stepId}/results/winners`, { winners_max: '3' });
  assert.equal(refused.statusCode, 403);
});

test('a ranked step ranks by points, digital and paper, and shows them', async () => {
  const fx = makeSelection(t.db, { state: 'closed', settings: { ranked: true, votes_max: 3 }, proposals: 2 });
  const [a, b] = fx.proposals.map((p) => p.id) as [number, number];
  setCounters(t.db, fx.stepId, a, 5, 7);
  setCounters(t.db, fx.stepId, b, 2, 6);
  t.db.sqlite.prepare('update selection_proposals set paper_points = 4, paper_votes = 2 where proposal_id = ?').run(b);
  const { client: admin } = await loginAs(t, 'admin');
  const body = (await admin.get(`/selection/${fx.stepId}/results`)).body;
  assert.match(body, /<th scope="col" class="num">Points<\/th>/);
  assert.match(body, /10 <span class="meta">\(dont 4 sur papier\)<\/span>/);
  const order = [...body.matchAll(/<a href="\/selection\/\d+\/proposals\/(\d+)">/g)].map((m) => Number(m[1]));
  assert.deepEqual(order, [b, a]);
});

test('publishing tells the step’s and the project’s followers by email, once', async () => {
  const { fx, url } = budgetScene();
  const stepFollower = addFollower(t.db, { kind: 'step', id: fx.stepId });
  const projectFollower = addFollower(t.db, { kind: 'project', id: fx.projectId }, 'en');
  const { client: admin } = await loginAs(t, 'admin');
  await admin.post(`${url}/publish`);
  await sendNotificationEmails(t);
  const fr = await t.smtp.waitFor(stepFollower.email, /./);
  assert.match(fr.text, new RegExp(`/selection/${fx.stepId}`));
  const en = await t.smtp.waitFor(projectFollower.email, /./);
  assert.ok(en.text.length > 0);
  const count = (t.db.sqlite.prepare("select count(*) as n from notifications where kind = 'results' and step_id = ?").get(fx.stepId) as { n: number }).n;
  assert.equal(count, 2);
  await admin.post(`${url}/publish`);
  assert.equal((t.db.sqlite.prepare("select count(*) as n from notifications where kind = 'results' and step_id = ?").get(fx.stepId) as { n: number }).n, 2);
});

test('a hidden proposal is neither ranked nor counted, and a step of a hidden project stays hidden', async () => {
  const fx = makeSelection(t.db, { state: 'closed', settings: { vote_type: 'budget', budget: 1000 }, proposals: [{ cost: 100 }, { cost: 100, published: false }] });
  setCounters(t.db, fx.stepId, fx.proposals[1]!.id, 50);
  const { client: admin } = await loginAs(t, 'admin');
  await admin.post(`/selection/${fx.stepId}/results/publish`);
  const body = (await t.client().get(`/selection/${fx.stepId}/results`)).body;
  assert.doesNotMatch(body, new RegExp(fx.proposals[1]!.title));
  assert.equal(row(fx.stepId, fx.proposals[1]!.id).winner, 0);
  const hidden = makeSelection(t.db, { state: 'closed', visibility: 'draft' });
  assert.equal((await t.client().get(`/selection/${hidden.stepId}/results`)).statusCode, 404);
  assert.equal((await t.client().get('/selection/999999/results')).statusCode, 404);
});

test('the step’s admin page links to the paper ballots and publication, the results and the export', async () => {
  const { fx } = budgetScene();
  const { client: admin } = await loginAs(t, 'admin');
  const body = (await admin.get(`/selection/${fx.stepId}/admin`)).body;
  for (const path of ['results/admin', 'results', 'results.csv']) assert.match(body, new RegExp(`href="/selection/${fx.stepId}/${path.replace('.', '\\.')}"`), path);
});

test('twenty parallel publications publish once and announce once', async () => {
  const { fx, url } = budgetScene();
  addFollower(t.db, { kind: 'step', id: fx.stepId });
  const { client: admin } = await loginAs(t, 'admin');
  const codes = (await Promise.all(Array.from({ length: 20 }, () => admin.post(`${url}/publish`)))).map((r) => r.statusCode);
  assert.deepEqual([codes.filter((c) => c === 303).length, codes.filter((c) => c === 403).length], [1, 19]);
  assert.equal((t.db.sqlite.prepare("select count(*) as n from notifications where kind = 'results' and step_id = ?").get(fx.stepId) as { n: number }).n, 1);
});

test('a step with no proposal in the vote says so', async () => {
  const fx = makeSelection(t.db, { state: 'closed', proposals: 0 });
  const { client: admin } = await loginAs(t, 'admin');
  assert.equal((await admin.post(`/selection/${fx.stepId}/results/publish`)).statusCode, 303);
  assert.match((await t.client().get(`/selection/${fx.stepId}/results`)).body, /Aucune proposition n’est soumise au vote\./);
});

test('once published, the flags written then are the results, even if votes move afterwards', async () => {
  const { fx, a, b, url } = budgetScene();
  const { client: admin } = await loginAs(t, 'admin');
  await admin.post(`${url}/publish`);
  // The step's dates changed and votes moved: the rules would now take b first, and a no longer fits.
  setCounters(t.db, fx.stepId, b, 50);
  t.app.pageCache.clear();
  const body = (await t.client().get(url)).body;
  assert.equal(row(fx.stepId, a).winner, 1);
  assert.match(body, /Non retenu<\/td>/);
  const csv = (await admin.get(`/selection/${fx.stepId}/results.csv`)).body;
  assert.equal(csv.split('\r\n').filter((l) => l.endsWith(',oui,Lauréat')).length, 2);
});
