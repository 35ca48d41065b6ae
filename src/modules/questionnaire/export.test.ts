// The exports of the responses: CSV with a BOM, one row per submitted response and one column
// per question in the questionnaire's order, several choices joined with " | ", formulas
// neutralised, drafts left out, read in chunks; JSON with the questionnaire and the answers.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { makeApp, type TestApp } from '../../../test/helpers/app.ts';
import { loginAs } from '../../../test/helpers/factories.ts';
import { listQuestions } from './queries.ts';
import { saveDraft, submitResponse } from './writes.ts';
import { EXPORT_CHUNK } from './export.ts';
import { makeQuestionnaire } from './test-fixtures.ts';

let t: TestApp;

/** RFC 4180 as the export writes it (quoted fields, doubled quotes, CRLF). */
function parse(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') (field += '"'), i++;
      else if (ch === '"') quoted = false;
      else field += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') row.push(field), (field = '');
    else if (ch === '\r' && text[i + 1] === '\n') row.push(field), rows.push(row), (row = []), (field = ''), i++;
    else field += ch;
  }
  if (field !== '' || row.length) row.push(field), rows.push(row);
  return rows;
}
before(async () => (t = await makeApp()));
after(() => t.close());

test('the CSV has one column per question in order and one row per submitted response', async () => {
  const q = makeQuestionnaire(t.db);
  const questions = listQuestions(t.db, q.stepId);
  const [single, yesNo, multiple, , scale, grid, text, , majority, age] = questions.map((x) => x.id);
  await submitResponse(t.db, q.step, { userId: null, token: null }, null, questions, { [single!]: 1, [yesNo!]: true, [multiple!]: { choices: [0, 2], other: 'École' }, [scale!]: 3, [grid!]: [0, null], [text!]: '=HYPERLINK("x")', [majority!]: [0, 5, 1], [age!]: 44 }, { single: true, districtId: null });
  saveDraft(t.db, q.stepId, { userId: null, token: null }, undefined, { [single!]: 0 }, 0);
  const { client } = await loginAs(t, 'admin');
  const res = await client.get(`/questionnaire/${q.stepId}/admin/responses.csv`);
  assert.equal(res.statusCode, 200);
  assert.match(String(res.headers['content-type']), /text\/csv/);
  assert.ok(res.body.startsWith('\uFEFF'));
  const rows: string[][] = parse(res.body.slice(1));
  assert.deepEqual(rows[0], ['Réponse', 'Envoyée le', 'Quartier', '1. Votre quartier', '2. Utilisez-vous le vélo ?', '3. Pour quels trajets ?', '4. Satisfaction', '5. Les rues', '6. Une idée ?', '7. Les projets', '8. Votre âge']);
  assert.equal(rows.length, 2, 'the draft is not exported');
  const row = rows[1]!;
  assert.deepEqual(row.slice(3), ['Gare', 'Oui', 'Travail | Loisirs | Autre : École', 'Bon', 'Propreté : Bien', `'=HYPERLINK("x")`, 'Parc : Excellent | Piscine : À rejeter | Marché : Très bien', '44']);
});

test('the export reads responses in chunks and loses none at the chunk boundary', async () => {
  const q = makeQuestionnaire(t.db);
  const questions = listQuestions(t.db, q.stepId);
  const n = EXPORT_CHUNK + 3;
  await Promise.all(Array.from({ length: n }, (_, i) => submitResponse(t.db, q.step, { userId: null, token: null }, null, questions, { [questions[0]!.id]: i % 3, [questions[4]!.id]: 1 }, { single: true, districtId: null })));
  const { client } = await loginAs(t, 'admin');
  const rows: string[][] = parse((await client.get(`/questionnaire/${q.stepId}/admin/responses.csv`)).body.slice(1));
  assert.equal(rows.length, n + 1);
  assert.equal(new Set(rows.slice(1).map((r) => r[0])).size, n);
  const json = JSON.parse((await client.get(`/questionnaire/${q.stepId}/admin/responses.json`)).body);
  assert.equal(json.responses.length, n);
  assert.equal(json.questionnaire.format, 'palabre-questionnaire');
  assert.equal(json.responses[0].answers[questions[0]!.id], 0);
});

test('the export is in English for an administrator reading in English', async () => {
  const q = makeQuestionnaire(t.db);
  const { client } = await loginAs(t, 'admin');
  await client.get('/lang/en');
  const rows: string[][] = parse((await client.get(`/questionnaire/${q.stepId}/admin/responses.csv`)).body.slice(1));
  assert.deepEqual(rows[0]!.slice(0, 3), ['Response', 'Sent on', 'District']);
});
