// The step's CSV exports (administrators only): proposals with one column per custom question
// (private answers included, formulas neutralised), analyses and decisions with one row per
// opinion; UTF-8 with a BOM, in chunks, headers in the administrator's language.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { makeApp, type TestApp } from '../../../test/helpers/app.ts';
import { addUser, loginAs } from '../../../test/helpers/factories.ts';
import { write } from '../../db/write.ts';
import { addCategory, addDistrict, addProposal, addQuestion, addStatus } from './test-fixtures.ts';
import { analysisScene } from './analysis-fixtures.ts';
import { EXPORT_CHUNK } from './exports.ts';

let t: TestApp;
before(async () => (t = await makeApp()));
after(() => t.close());

/** RFC 4180 read back: quoted cells may hold commas, quotes doubled and line breaks. */
function rows(body: string): string[][] {
  const out: string[][] = [];
  const re = /("(?:[^"]|"")*"|[^",\r\n]*)(,|\r\n|$)/g;
  let row: string[] = [];
  const text = body.replace(/^\uFEFF/, '');
  for (let m = re.exec(text); m && m.index < text.length; m = re.exec(text)) {
    const cell = m[1]!;
    row.push(cell.startsWith('"') ? cell.slice(1, -1).replaceAll('""', '"') : cell);
    if (m[2] !== ',') {
      out.push(row);
      row = [];
    }
  }
  return out;
}

test('the proposals export: BOM, one row per public proposal with its labels, decision and answers, formulas neutralised', async () => {
  const s = analysisScene(t);
  const category = addCategory(t.db, s, 'Nature');
  const district = addDistrict(t.db, s, 'Centre-ville');
  const question = addQuestion(t.db, s, { type: 'short_text', title: 'Qui en profitera ?', private: true });
  const status = addStatus(t.db, s, 'À l’étude');
  const author = addUser(t.db, 'citizen', { name: 'Chloé Exportée' });
  const p = addProposal(t.db, s, author, { title: '=HYPERLINK("x")', categoryId: category, districtId: district, address: '1 place de la Mairie', cost: 5000, answers: { [question]: 'Les écoles' } });
  write(t.db, (tx) => tx.run(t.db.updateTable('collect_proposals').set({ status_id: status }).where('contribution_id', '=', p)));
  const admin = await s.as('admin');
  await admin.post(`${s.base}/analysis/proposals/${p}/decision`, { decision: 'retained' });
  const res = await admin.get(`${s.base}/admin/proposals.csv`);
  assert.equal(res.statusCode, 200);
  assert.match(String(res.headers['content-type']), /^text\/csv; charset=utf-8/);
  assert.match(String(res.headers['content-disposition']), /attachment; filename="collect-\d+-proposals\.csv"/);
  assert.ok(res.rawPayload.subarray(0, 3).equals(Buffer.from([0xef, 0xbb, 0xbf])), 'a UTF-8 BOM');
  const [head, ...body] = rows(res.body);
  assert.deepEqual(head, ['Numéro', 'Titre', 'Auteur', 'Catégorie', 'Quartier', 'Adresse', 'Coût estimé (€)', 'Statut', 'Décision', 'Déposée le', '1. Qui en profitera ?']);
  assert.equal(body.length, 3, 'the scene’s two proposals and this one');
  const line = body.find((r) => r[2] === 'Chloé Exportée')!;
  assert.deepEqual(line.slice(1, 9), ['\'=HYPERLINK("x")', 'Chloé Exportée', 'Nature', 'Centre-ville', '1 place de la Mairie', '5000', 'À l’étude', 'Retenue pour le vote']);
  assert.equal(line[10], 'Les écoles', 'private answers are for officials');
  await admin.get('/lang/en');
  assert.equal(rows((await admin.get(`${s.base}/admin/proposals.csv`)).body)[0]![0], 'Number');
});

test('the analyses export: one row per opinion with the decision, and one row for a proposal without opinion', async () => {
  const s = analysisScene(t);
  await (await s.as('analyst')).post(`${s.base}/analysis/proposals/${s.proposal}/opinion`, { opinion: 'unfavourable', comment: 'Sol pollué.', revised_cost: '20000' });
  const decider = await s.as('decider');
  await decider.post(`${s.base}/analysis/proposals/${s.proposal}/decision`, { decision: 'not_retained', reason: 'Le sol doit être dépollué.' });
  const admin = await s.as('admin');
  const [head, ...body] = rows((await admin.get(`${s.base}/admin/analyses.csv`)).body);
  assert.deepEqual(head, ['Numéro', 'Titre', 'Analyste', 'Avis', 'Commentaire', 'Coût réévalué (€)', 'Avis donné le', 'Décision', 'Raison publique', 'Décidée par', 'Décidée le']);
  assert.equal(body.length, 2);
  const analysed = body.find((r) => r[1] === 'Un jardin partagé rue des Lilas')!;
  assert.deepEqual([...analysed.slice(2, 6), ...analysed.slice(7, 10)], ['Alex Analyste', 'Défavorable', 'Sol pollué.', '20000', 'Non retenue', 'Le sol doit être dépollué.', 'Denise Décideuse']);
  const other = body.find((r) => r[1] === 'Des bancs au parc')!;
  assert.deepEqual(other.slice(2, 10), ['', '', '', '', '', '', '', '']);
});

test('a large step is exported whole, across chunks', async () => {
  const s = analysisScene(t);
  const author = addUser(t.db);
  for (let i = 0; i < EXPORT_CHUNK + 5; i++) addProposal(t.db, s, author, { title: `Idée ${i}` });
  const body = rows((await (await s.as('admin')).get(`${s.base}/admin/proposals.csv`)).body);
  assert.equal(body.length, 1 + EXPORT_CHUNK + 5 + 2);
  assert.equal(new Set(body.slice(1).map((r) => r[0])).size, EXPORT_CHUNK + 7, 'no proposal twice');
});

test('only administrators export: decision makers, moderators, citizens and visitors are refused', async () => {
  const s = analysisScene(t);
  for (const who of ['decider', 'moderator', 'citizen'] as const) {
    assert.equal((await (await s.as(who)).get(`${s.base}/admin/proposals.csv`)).statusCode, 403);
    assert.equal((await (await s.as(who)).get(`${s.base}/admin/analyses.csv`)).statusCode, 403);
  }
  assert.equal((await t.client().get(`${s.base}/admin/analyses.csv`)).statusCode, 303, 'to the login page');
  const { client } = await loginAs(t, 'admin');
  assert.equal((await client.get('/collect/999999/admin/proposals.csv')).statusCode, 404);
});
