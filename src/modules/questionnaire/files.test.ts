// A file question: the page is sent as multipart, the file recognised by its content (a text
// named .pdf is refused with 422), kept privately, kept again when the page is sent without a
// new file, and downloaded by administrators only.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { makeApp, type TestApp } from '../../../test/helpers/app.ts';
import { loginAs, postMultipart } from '../../../test/helpers/factories.ts';
import { makeQuestionnaire, questionIds, SMALL } from './test-fixtures.ts';

let t: TestApp;
before(async () => (t = await makeApp()));
after(() => t.close());

const WITH_FILE = { ...SMALL, questions: [{ id: 1, type: 'file', title: 'Votre plan', required: true, config: { accept: ['pdf' as const], maxBytes: 1_000_000 } }, { id: 2, type: 'short_text', title: 'Un commentaire' }] };
const PDF = Buffer.from('%PDF-1.7\n1 0 obj << >> endobj\n%%EOF\n');

test('a file answer is checked by its content, kept privately and downloaded by administrators only', async () => {
  const q = makeQuestionnaire(t.db, { file: WITH_FILE });
  const [file, comment] = questionIds(t, q.stepId);
  const { client } = await loginAs(t);
  const base = `/questionnaire/${q.stepId}`;
  const page = await client.get(`${base}/answer`);
  assert.match(page.body, /enctype="multipart\/form-data"/);
  const send = (data: Buffer, name: string) =>
    postMultipart(t, client, `${base}/answer`, [{ name: '_csrf', value: client.csrf }, { name: 'page', value: '0' }, { name: 'go', value: 'review' }, { name: `q${comment}`, value: 'Voici' }, { name: 'file', filename: name, type: 'application/pdf', data }]);
  const refused = await send(Buffer.from('pas un pdf'), 'plan.pdf');
  assert.equal(refused.statusCode, 422);
  assert.match(refused.body, /Ce type de fichier n’est pas accepté/);
  assert.equal((await send(PDF, 'plan.pdf')).statusCode, 303);
  // Sent again without a file: the one already sent is kept.
  assert.equal((await postMultipart(t, client, `${base}/answer`, [{ name: '_csrf', value: client.csrf }, { name: 'page', value: '0' }, { name: 'go', value: 'review' }, { name: `q${comment}`, value: 'Encore' }])).statusCode, 303);
  assert.equal((await client.post(`${base}/submit`)).statusCode, 303);
  const responseId = (t.db.sqlite.prepare('select id from questionnaire_responses where step_id = ?').get(q.stepId) as { id: number }).id;
  const url = `${base}/admin/files/${responseId}/${file}`;
  assert.equal((await client.get(url)).statusCode, 403);
  const admin = (await loginAs(t, 'admin')).client;
  const download = await admin.get(url);
  assert.equal(download.statusCode, 200);
  assert.equal(download.headers['content-type'], 'application/pdf');
  assert.equal(download.rawPayload.toString(), PDF.toString());
  assert.equal((await t.client().get(`/uploads/private/questions/x.pdf`)).statusCode, 404, 'nothing under the public uploads');
});
