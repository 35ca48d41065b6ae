// The votation's administration: questions saved and refused (422 in French and English, nothing
// written), the roll imported from CSV (or refused whole, with its bad lines), and access codes
// issued once: printed, emailed, stored only as HMACs, renewed on demand.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { makeApp, type TestApp } from '../../../test/helpers/app.ts';
import { countRows, loginAs, postMultipart } from '../../../test/helpers/factories.ts';
import { makeVotation, setState } from './test-fixtures.ts';
import { listQuestions } from './queries.ts';

let t: TestApp;
before(async () => (t = await makeApp()));
after(() => t.close());

async function admin() {
  const { client } = await loginAs(t, 'admin');
  await client.get('/');
  return client;
}

test('an administrator adds, edits and deletes questions before the opening', async () => {
  const v = makeVotation(t.db, { state: 'upcoming' });
  const c = await admin();
  const page = await c.get(`/votation/${v.stepId}/admin`);
  assert.equal(page.statusCode, 200);
  assert.match(page.body, /Excellent\nTrès bien\nBien\nAssez bien\nPassable\nÀ rejeter/, 'the six French mentions by default');
  const added = await c.post(`/votation/${v.stepId}/admin/questions`, { 'new-title': 'Quels projets ?', 'new-method': 'approval', 'new-max': '2', 'new-options': 'Un\nDeux\nTrois', 'new-blank': '1' });
  assert.equal(added.statusCode, 303);
  const q = listQuestions(t.db, v.stepId)[2]!;
  assert.deepEqual({ ...q, id: 0 }, { id: 0, title: 'Quels projets ?', method: 'approval', max: 2, blank: true, options: ['Un', 'Deux', 'Trois'], grades: null });
  const p = `q${q.id}-`;
  assert.equal((await c.post(`/votation/${v.stepId}/admin/questions/${q.id}`, { [`${p}title`]: 'Classez', [`${p}method`]: 'ranked', [`${p}options`]: 'A\nB' })).statusCode, 303);
  assert.equal(listQuestions(t.db, v.stepId)[2]!.method, 'ranked');
  assert.equal((await c.post(`/votation/${v.stepId}/admin/questions/${q.id}/delete`)).statusCode, 303);
  assert.equal(listQuestions(t.db, v.stepId).length, 2);
});

test('a question with bad fields is refused with 422, its messages in French and English, nothing saved', async () => {
  const v = makeVotation(t.db, { state: 'upcoming' });
  const c = await admin();
  const bad = { 'new-title': '', 'new-method': 'lottery', 'new-options': 'Seule' };
  const fr = await c.post(`/votation/${v.stepId}/admin/questions`, bad);
  assert.equal(fr.statusCode, 422);
  assert.match(fr.body, /Ce champ est obligatoire/);
  assert.match(fr.body, /Choisissez un mode de scrutin/);
  assert.match(fr.body, /Donnez de 2 à 30 réponses/);
  const twice = await c.post(`/votation/${v.stepId}/admin/questions`, { 'new-title': 'Q', 'new-method': 'majority', 'new-options': 'A\nA', 'new-grades': 'Bien' });
  assert.match(twice.body, /Deux réponses sont identiques/);
  assert.match(twice.body, /Donnez de 2 à 10 mentions différentes/);
  await c.get('/lang/en');
  const en = await c.post(`/votation/${v.stepId}/admin/questions`, { ...bad, 'new-method': 'approval', 'new-options': 'A\nB', 'new-max': '5' });
  assert.equal(en.statusCode, 422);
  assert.match(en.body, /This field is required|required/);
  assert.match(en.body, /Give a number between 1 and 2/);
  assert.equal(listQuestions(t.db, v.stepId).length, 2);
});

const csv = (text: string) => [{ name: 'roll', filename: 'liste.csv', type: 'text/csv', data: Buffer.from(text) }];

test('the roll is imported from CSV (header, semicolons, quotes), updated by identifier, or refused whole', async () => {
  const v = makeVotation(t.db, { state: 'upcoming', electorate: 'roll' });
  const c = await admin();
  const url = `/votation/${v.stepId}/admin/roll`;
  const ok = await postMultipart(t, c, url, [{ name: '_csrf', value: c.csrf }, ...csv('identifiant;nom;email\nA1;"Dupont; Jeanne";jeanne@example.org\nA2;;\n')]);
  assert.equal(ok.statusCode, 303);
  assert.equal(countRows(t, `votation_roll where step_id = ${v.stepId}`), 2);
  await postMultipart(t, c, url, [{ name: '_csrf', value: c.csrf }, ...csv('A2,Paul Martin,paul@example.org\n')]);
  assert.deepEqual(t.db.sqlite.prepare('select identifier, name, email from votation_roll where step_id = ? order by identifier').all(v.stepId), [
    { identifier: 'A1', name: 'Dupont; Jeanne', email: 'jeanne@example.org' },
    { identifier: 'A2', name: 'Paul Martin', email: 'paul@example.org' },
  ]);
  const bad = await postMultipart(t, c, url, [{ name: '_csrf', value: c.csrf }, ...csv('B1,Anne,pas-une-adresse\nB2\nB2\n,Sans identifiant\n')]);
  assert.equal(bad.statusCode, 422);
  assert.match(bad.body, /3 ligne\(s\) incorrecte\(s\)/);
  assert.match(bad.body, /Ligne 1 :\s*l’adresse e-mail n’est pas valide/);
  assert.equal(countRows(t, `votation_roll where step_id = ${v.stepId}`), 2, 'nothing imported');
  assert.equal((await postMultipart(t, c, url, [{ name: '_csrf', value: c.csrf }])).statusCode, 422);
  // A votation by accounts has no roll.
  const accounts = makeVotation(t.db, { state: 'upcoming' });
  assert.equal((await postMultipart(t, c, `/votation/${accounts.stepId}/admin/roll`, [{ name: '_csrf', value: c.csrf }, ...csv('A1\n')])).statusCode, 403);
});

test('codes are shown once on the sheet, emailed on demand, stored only as HMACs, and renewed for non-voters', async () => {
  const v = makeVotation(t.db, { state: 'upcoming', electorate: 'roll' });
  const c = await admin();
  await postMultipart(t, c, `/votation/${v.stepId}/admin/roll`, [{ name: '_csrf', value: c.csrf }, ...csv(`C1,Claire,claire-${process.pid}@example.org\nC2,Bruno\n`)]);
  await c.get(`/votation/${v.stepId}/admin`);
  const sheet = await c.post(`/votation/${v.stepId}/admin/codes`, { send: '1' });
  assert.equal(sheet.statusCode, 200);
  assert.equal(sheet.headers['cache-control'], 'no-store');
  const codes = [...sheet.body.matchAll(/class="votation-code">([0-9A-Z-]+)</g)].map((m) => m[1]!);
  assert.equal(codes.length, 2);
  assert.ok(codes.every((code) => /^([0-9A-Z]{4}-){5}[0-9A-Z]{4}$/.test(code)));
  const dump = JSON.stringify(t.db.sqlite.prepare('select * from votation_roll').all()) + JSON.stringify(t.db.sqlite.prepare("select subject from mail_outbox").all());
  for (const code of codes) assert.ok(!dump.includes(code) && !dump.includes(code.replace(/-/g, '')), 'no code in clear in the roll');
  await t.app.mailer.flush();
  const mail = await t.smtp.waitFor(`claire-${process.pid}@example.org`, /Votre code pour voter/);
  assert.ok(codes.some((code) => mail.text.includes(code)));
  // Sent, the message leaves the outbox at once: the database never keeps a code in clear.
  const outbox = JSON.stringify(t.db.sqlite.prepare('select * from mail_outbox').all());
  for (const code of codes) assert.ok(!outbox.includes(code), 'no code left in the outbox');
  // Issued again: nothing new without renew; every non-voter's code with it.
  await c.get(`/votation/${v.stepId}/admin`);
  const none = await c.post(`/votation/${v.stepId}/admin/codes`, {});
  assert.equal([...none.body.matchAll(/class="votation-code">/g)].length, 0);
  await c.get(`/votation/${v.stepId}/admin`);
  const renewed = await c.post(`/votation/${v.stepId}/admin/codes`, { renew: '1' });
  assert.equal([...renewed.body.matchAll(/class="votation-code">/g)].length, 2);
});

test('after the close the roll’s personal data is erased, its rows and the turnout kept; not before', async () => {
  const v = makeVotation(t.db, { electorate: 'roll' });
  const c = await admin();
  await postMultipart(t, c, `/votation/${v.stepId}/admin/roll`, [{ name: '_csrf', value: c.csrf }, ...csv('D1,Denise,denise@example.org\nD2,Didier\n')]);
  await c.get(`/votation/${v.stepId}/admin`);
  assert.equal((await c.post(`/votation/${v.stepId}/admin/roll/erase`)).statusCode, 403);
  setState(t.db, v.stepId, 'closed');
  const page = await c.get(`/votation/${v.stepId}/admin`);
  assert.match(page.body, /Effacer les données de la liste/);
  assert.equal((await c.post(`/votation/${v.stepId}/admin/roll/erase`)).statusCode, 303);
  const rows = t.db.sqlite.prepare('select identifier, name, email, code_hash from votation_roll where step_id = ? order by id').all(v.stepId) as Record<string, unknown>[];
  assert.equal(rows.length, 2);
  assert.ok(rows.every((r) => /^#\d+$/.test(String(r.identifier)) && r.name === null && r.email === null && r.code_hash === null));
});

test('who may vote is fixed once the vote opens: the step form shows it and no longer changes it; upcoming, it changes', async () => {
  const c = await admin();
  const v = makeVotation(t.db, { electorate: 'roll' });
  const edit = `/admin/projects/${v.projectId}/steps/${v.stepId}`;
  const form = (await c.get(`${edit}/edit`)).body;
  assert.match(form, /<select id="field-setting_electorate" name="setting_electorate" disabled aria-describedby="field-setting_electorate-fixed">/);
  assert.match(form, /Fixé depuis l’ouverture de l’étape/);
  const fields = { title: 'Quel nom pour la place ?', starts_at: '', ends_at: '', setting_electorate: 'accounts', setting_allow_changes: '1' };
  assert.equal((await c.post(edit, fields)).statusCode, 303);
  const settings = () => JSON.parse((t.db.sqlite.prepare('select settings from steps where id = ?').get(v.stepId) as { settings: string }).settings);
  assert.deepEqual(settings(), { electorate: 'roll', allow_changes: true }, 'the electorate kept, the other setting changed');
  setState(t.db, v.stepId, 'upcoming');
  const upcoming = (await c.get(`${edit}/edit`)).body;
  assert.doesNotMatch(upcoming, /name="setting_electorate" disabled/);
  const local = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 16);
  assert.equal((await c.post(edit, { ...fields, starts_at: local(1), ends_at: local(10) })).statusCode, 303);
  assert.equal(settings().electorate, 'accounts');
});
