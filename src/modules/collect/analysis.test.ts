// The analysis by officials through its pages: an analyst's opinion (given, changed, refused
// with its errors), the decision maker's list with its filter, the decision and its public
// reason shown on the proposal's page as the official answer, and the status; the author and the
// followers are told (notifications and emails through the in-test SMTP server), once per change.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { makeApp, type TestApp } from '../../../test/helpers/app.ts';
import { addUser } from '../../../test/helpers/factories.ts';
import { addProposal, addStatus } from './test-fixtures.ts';
import { analysisScene, sendNotificationEmails } from './analysis-fixtures.ts';
import { decisionError, decisionTells, parseReferences } from './analysis-rules.ts';

let t: TestApp;
before(async () => (t = await makeApp()));
after(() => t.close());

const told = (proposal: number, kind: string) => (t.db.sqlite.prepare('select user_id from notifications where contribution_id = ? and kind = ? order by user_id').all(proposal, kind) as { user_id: number }[]).map((r) => r.user_id);

test('an analyst sees their proposals to analyse, gives an opinion and changes it; one row per analyst', async () => {
  const s = analysisScene(t);
  const analyst = await s.as('analyst');
  const list = await analyst.get(`${s.base}/analysis`);
  assert.match(list.body, /Mes propositions à analyser/);
  assert.match(list.body, /Un jardin partagé rue des Lilas/);
  assert.doesNotMatch(list.body, /Des bancs au parc/, 'not assigned to them');
  assert.match(list.body, /À donner/);
  const url = `${s.base}/analysis/proposals/${s.proposal}`;
  assert.equal((await analyst.post(`${url}/opinion`, { opinion: 'favourable', comment: 'Terrain municipal disponible.', revised_cost: '15 000' })).statusCode, 303);
  assert.equal((await analyst.post(`${url}/opinion`, { opinion: 'unfavourable', comment: 'Sol pollué.', revised_cost: '' })).statusCode, 303);
  const rows = t.db.sqlite.prepare('select opinion, comment, revised_cost from collect_analyses where proposal_id = ?').all(s.proposal);
  assert.deepEqual(rows, [{ opinion: 'unfavourable', comment: 'Sol pollué.', revised_cost: null }]);
  assert.match((await analyst.get(`${s.base}/analysis`)).body, /Défavorable/);
  assert.doesNotMatch((await analyst.get(url)).body, /name="decision"/, 'an analyst does not decide');
});

test('a bad opinion is refused with its errors in French and English, and nothing is written', async () => {
  const s = analysisScene(t);
  const analyst = await s.as('analyst');
  const url = `${s.base}/analysis/proposals/${s.proposal}/opinion`;
  const res = await analyst.post(url, { comment: 'x'.repeat(5001), revised_cost: 'cher' });
  assert.equal(res.statusCode, 422);
  assert.match(res.body, /Choisissez un avis : favorable ou défavorable\./);
  assert.match(res.body, /Indiquez un montant entier en euros/);
  assert.match(res.body, /id="field-comment-error"/);
  assert.equal((await analyst.post(url, { opinion: 'maybe' })).statusCode, 400, 'a value no form sends');
  await analyst.get('/lang/en');
  assert.match((await analyst.post(url, {})).body, /Choose an opinion: favourable or unfavourable\./);
  assert.equal((t.db.sqlite.prepare('select count(*) as n from collect_analyses where proposal_id = ?').get(s.proposal) as { n: number }).n, 0);
});

test('the decision maker reads the opinions, retains one proposal and rejects another with a public reason; the list filters on it', async () => {
  const s = analysisScene(t);
  await (await s.as('analyst')).post(`${s.base}/analysis/proposals/${s.proposal}/opinion`, { opinion: 'favourable', comment: 'Très **utile**.', revised_cost: '14000' });
  const decider = await s.as('decider');
  const page = await decider.get(`${s.base}/analysis/proposals/${s.proposal}`);
  assert.match(page.body, /Alex Analyste/);
  assert.match(page.body, /<strong>utile<\/strong>/);
  assert.match(page.body, /coût réévalué à 14[\s\u202f]000 €/);
  assert.equal((await decider.post(`${s.base}/analysis/proposals/${s.proposal}/decision`, { decision: 'retained', reason: '' })).statusCode, 303);
  assert.equal((await decider.post(`${s.base}/analysis/proposals/${s.other}/decision`, { decision: 'not_retained', reason: 'Le parc est **privé**.' })).statusCode, 303);
  const list = (q: string) => decider.get(`${s.base}/analysis?decision=${q}`).then((r) => r.body);
  assert.match(await list('retained'), /Un jardin partagé/);
  assert.doesNotMatch(await list('retained'), /Des bancs au parc/);
  assert.match(await list('not_retained'), /Des bancs au parc/);
  assert.doesNotMatch(await list('undecided'), /Des bancs au parc|Un jardin partagé/);
  assert.match(await list('all'), /1 analyste\(s\) : 1 favorable\(s\), 0 défavorable\(s\)/);
  // The official answer, on the public page, for anyone.
  const visitor = t.client();
  const rejected = await visitor.get(`${s.base}/proposals/${s.other}`);
  assert.match(rejected.body, /Réponse officielle/);
  assert.match(rejected.body, /Cette proposition n’est pas retenue\./);
  assert.match(rejected.body, /<div class="prose" data-hx-ignore><p>Le parc est <strong>privé<\/strong>\.<\/p>/);
  assert.match((await visitor.get(`${s.base}/proposals/${s.proposal}`)).body, /Cette proposition est retenue pour le vote\./);
  await visitor.get('/lang/en');
  assert.match((await visitor.get(`${s.base}/proposals/${s.other}`)).body, /Official answer/);
  assert.deepEqual(t.db.sqlite.prepare("select proposal_id from collect_decisions where step_id = ? and decision = 'retained'").all(s.stepId), [{ proposal_id: s.proposal }]);
});

test('a decision without a reason for a rejection, or with no choice, is refused in both languages and writes nothing', async () => {
  const s = analysisScene(t);
  const decider = await s.as('decider');
  const url = `${s.base}/analysis/proposals/${s.proposal}/decision`;
  const res = await decider.post(url, { decision: 'not_retained', reason: '  ' });
  assert.equal(res.statusCode, 422);
  assert.match(res.body, /Une proposition non retenue doit recevoir une raison/);
  assert.match((await decider.post(url, { reason: 'Oui' })).body, /Choisissez une décision/);
  assert.match((await decider.post(url, { decision: 'retained', reason: 'x'.repeat(5001) })).body, /La raison est trop longue \(5[\s\u202f]?000 caractères au plus\)\./);
  assert.equal((await decider.post(url, { decision: 'perhaps' })).statusCode, 400);
  await decider.get('/lang/en');
  assert.match((await decider.post(url, { decision: 'not_retained' })).body, /A proposal that is not retained needs a reason/);
  assert.equal((t.db.sqlite.prepare('select count(*) as n from collect_decisions where proposal_id = ?').get(s.proposal) as { n: number }).n, 0);
  assert.deepEqual(told(s.proposal, 'official_answer'), []);
});

test('the official answer tells the author and the followers by email, once; a corrected reason tells nobody again, a changed decision does', async () => {
  const s = analysisScene(t);
  const decider = await s.as('decider');
  const url = `${s.base}/analysis/proposals/${s.proposal}/decision`;
  await decider.post(url, { decision: 'not_retained', reason: 'Trop cher.' });
  assert.deepEqual(told(s.proposal, 'official_answer'), [s.author, s.follower].sort((a, b) => a - b));
  await sendNotificationEmails(t);
  const fr = await t.smtp.waitFor(s.email(s.author), /./);
  assert.match(fr.text, /Une réponse officielle a été donnée à « Un jardin partagé rue des Lilas »/);
  const en = await t.smtp.waitFor(s.email(s.follower), /./);
  assert.match(en.text, /“Un jardin partagé rue des Lilas” received an official answer\./);
  await decider.post(url, { decision: 'not_retained', reason: 'Trop cher pour cette année.' });
  assert.equal(told(s.proposal, 'official_answer').length, 2, 'a corrected reason is not a new answer');
  await decider.post(url, { decision: 'retained', reason: 'Après réexamen.' });
  assert.equal(told(s.proposal, 'official_answer').length, 4);
  assert.equal(t.smtp.messages.filter((m) => m.to.includes(s.email(s.people.decider))).length, 0, 'never the decider');
});

test('setting a status shows it on the card and the page, tells the author and followers by email, and a repeat tells nobody', async () => {
  const s = analysisScene(t);
  const studied = addStatus(t.db, s, 'À l’étude', '#1d4ed8');
  const admin = await s.as('admin');
  const url = `${s.base}/analysis/proposals/${s.proposal}/status`;
  assert.equal((await admin.post(url, { status: String(studied) })).statusCode, 303);
  assert.equal((await admin.post(url, { status: String(studied) })).statusCode, 303);
  assert.deepEqual(told(s.proposal, 'status'), [s.author, s.follower].sort((a, b) => a - b));
  await sendNotificationEmails(t);
  assert.match((await t.smtp.waitFor(s.email(s.author), /./)).text, /Le statut de « Un jardin partagé rue des Lilas » a changé\./);
  const visitor = t.client();
  assert.match((await visitor.get(`${s.base}/proposals/${s.proposal}`)).body, /À l’étude/);
  assert.match((await visitor.get(`${s.base}?status=${studied}&sort=newest`)).body, /Un jardin partagé/);
  assert.equal((await admin.post(url, { status: '' })).statusCode, 303);
  assert.equal(told(s.proposal, 'status').length, 4, 'back to no status is a change');
  assert.equal((await admin.post(url, { status: 'abc' })).statusCode, 400);
});

test('a decision maker names an analyst by e-mail address, who then sees the proposal; an unknown address is a 422', async () => {
  const s = analysisScene(t);
  const decider = await s.as('decider');
  const url = `${s.base}/analysis/proposals/${s.proposal}/analysts`;
  const unknown = await decider.post(url, { email: 'personne@example.org' });
  assert.equal(unknown.statusCode, 422);
  assert.match(unknown.body, /Aucun compte ne porte cette adresse e-mail\./);
  assert.match((await decider.post(url, { email: 'pas une adresse' })).body, /id="field-email-error"/);
  assert.equal((await decider.post(url, { email: s.email(s.people.citizen).toUpperCase() })).statusCode, 303);
  const citizen = await s.as('citizen');
  assert.equal((await citizen.get(`${s.base}/analysis/proposals/${s.proposal}`)).statusCode, 200);
  assert.equal((await decider.post(`${url}/${s.people.citizen}/delete`)).statusCode, 303);
  assert.equal((await citizen.get(`${s.base}/analysis/proposals/${s.proposal}`)).statusCode, 403);
});

test('the administrator names and removes decision makers; statuses are added, ordered, renamed and deleted with the contrast check', async () => {
  const s = analysisScene(t);
  const admin = await s.as('admin');
  assert.equal((await admin.post(`${s.base}/admin/deciders`, { email: s.email(s.people.citizen) })).statusCode, 303);
  assert.match((await admin.get(`${s.base}/admin/deciders`)).body, /Denise Décideuse/);
  assert.equal((await (await s.as('citizen')).get(`${s.base}/analysis`)).statusCode, 200);
  assert.equal((await admin.post(`${s.base}/admin/deciders`, { email: 'nobody@example.org' })).statusCode, 422);
  const base = `${s.base}/admin/statuses`;
  const light = await admin.post(base, { name: 'Soleil', colour: '#fde047' });
  assert.equal(light.statusCode, 422);
  assert.match(light.body, /Cette couleur est trop claire/);
  assert.equal((await admin.post(base, { name: '', colour: '#166534' })).statusCode, 422);
  await admin.post(base, { name: 'À l’étude', colour: '#1d4ed8' });
  await admin.post(base, { name: 'Réalisé', colour: '#166534' });
  const ids = () => (t.db.sqlite.prepare('select id from collect_statuses where step_id = ? order by position, id').all(s.stepId) as { id: number }[]).map((r) => r.id);
  const [first, second] = ids() as [number, number];
  assert.equal((await admin.post(`${base}/${second}/move`, { direction: 'up' })).statusCode, 303);
  assert.deepEqual(ids(), [second, first]);
  assert.equal((await admin.post(`${base}/${second}/move`, { direction: 'sideways' })).statusCode, 400);
  assert.equal((await admin.post(`${base}/${first}`, { name: 'En étude', colour: '#1E3A8A' })).statusCode, 303);
  assert.match((await admin.get(base)).body, /En étude/);
  await admin.post(`${s.base}/analysis/proposals/${s.proposal}/status`, { status: String(first) });
  assert.equal((await admin.post(`${base}/${first}/delete`)).statusCode, 303);
  assert.equal((t.db.sqlite.prepare('select status_id from collect_proposals where contribution_id = ?').get(s.proposal) as { status_id: number | null }).status_id, null);
  assert.match((await admin.get(base)).body, /href="\/collect\/\d+\/admin#analysis"/);
});

test('rules: a rejection needs a reason, a changed decision tells again, references are read as people type them', () => {
  const cases: [Parameters<typeof decisionError>, string | null][] = [
    [[null, ''], 'collect.analysis.errors.decision'],
    [['retained', ''], null],
    [['not_retained', ' '], 'collect.analysis.errors.reason_required'],
    [['not_retained', 'Trop cher'], null],
    [['retained', 'x'.repeat(5001)], 'collect.analysis.errors.reason_long'],
  ];
  for (const [args, expected] of cases) assert.equal(decisionError(...args), expected, JSON.stringify(args));
  assert.equal(decisionTells(null, 'retained'), true);
  assert.equal(decisionTells('retained', 'retained'), false);
  assert.equal(decisionTells('retained', 'not_retained'), true);
  assert.deepEqual(parseReferences('12, 15 n° 17; 12'), [12, 15, 17]);
  assert.equal(parseReferences(''), null);
  assert.equal(parseReferences('12, douze'), null);
  assert.equal(parseReferences('0'), null);
});

test('the step’s page links officials to their pages: the analysis for deciders and analysts, the duplicates for moderators; nothing for citizens', async () => {
  const s = analysisScene(t);
  const links = async (who: Parameters<typeof s.as>[0]) => {
    const body = (await (await s.as(who)).get(s.base)).body;
    return { analysis: body.includes(`href="${s.base}/analysis"`), duplicates: body.includes(`href="${s.base}/admin/duplicates"`) };
  };
  assert.deepEqual(await links('decider'), { analysis: true, duplicates: false });
  assert.deepEqual(await links('other_analyst'), { analysis: true, duplicates: false });
  assert.deepEqual(await links('moderator'), { analysis: false, duplicates: true });
  assert.deepEqual(await links('admin'), { analysis: true, duplicates: true });
  assert.deepEqual(await links('citizen'), { analysis: false, duplicates: false });
  assert.deepEqual(await links('anonymous'), { analysis: false, duplicates: false });
});

test('analysis goes on once the collect step is closed (when towns analyse), and the analysis list pages by 50 with no count', async () => {
  const s = analysisScene(t, { state: 'closed' });
  assert.equal((await (await s.as('analyst')).post(`${s.base}/analysis/proposals/${s.proposal}/opinion`, { opinion: 'favourable' })).statusCode, 303);
  assert.equal((await (await s.as('decider')).post(`${s.base}/analysis/proposals/${s.proposal}/decision`, { decision: 'retained' })).statusCode, 303);
  const author = addUser(t.db);
  for (let i = 0; i < 50; i++) addProposal(t.db, s, author, { title: `Idée numéro ${i}` });
  const admin = await s.as('admin');
  const first = (await admin.get(`${s.base}/analysis`)).body;
  assert.equal((first.match(/<tr>/g) ?? []).length, 1 + 50);
  assert.match(first, /rel="next"/);
  const second = (await admin.get(`${s.base}/analysis?page=2`)).body;
  assert.equal((second.match(/<tr>/g) ?? []).length, 1 + 2);
  assert.doesNotMatch(second, /rel="next"/);
});
