// Every page of the campaigns is valid HTML (the Nu checker, RGAA criterion 8.2), in French and
// English: the list, the draft form and its refusal, a draft's preview, a sent one, the progress
// and its htmx fragment.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { makeApp, type TestApp } from '../../../test/helpers/app.ts';
import { loginAs, makeProject } from '../../../test/helpers/factories.ts';
import { javaSkip, validateHtml, type HtmlDocument } from '../../../test/helpers/html-validator.ts';
import { addPerson, makeCampaign } from './test-fixtures.ts';

let t: TestApp;
before(async () => (t = await makeApp()));
after(() => t.close());

test('the campaigns’ pages are valid HTML in both languages', { skip: javaSkip }, async () => {
  const projectId = makeProject(t.db, { title: 'Le marché couvert' });
  addPerson(t.db, { participantOf: projectId });
  const draft = makeCampaign(t.db, { audience: 'project', projectId });
  const sent = makeCampaign(t.db, { audience: 'project', projectId });
  const docs: HtmlDocument[] = [];
  const { client } = await loginAs(t, 'admin');
  await client.get(`/admin/campaigns/${sent}`);
  assert.equal((await client.post(`/admin/campaigns/${sent}/send`, { per_minute: '60' })).statusCode, 303);
  for (const lang of ['fr', 'en']) {
    client.cookies.set('lang', lang);
    const pages: [string, () => ReturnType<typeof client.get>][] = [
      ['list', () => client.get('/admin/campaigns')],
      ['new', () => client.get('/admin/campaigns/new')],
      ['refused', () => client.post('/admin/campaigns', { subject: '', body: '', audience: 'project', project_id: '' })],
      ['draft', () => client.get(`/admin/campaigns/${draft}`)],
      ['edit', () => client.get(`/admin/campaigns/${draft}/edit`)],
      ['bad pace', () => client.post(`/admin/campaigns/${draft}/send`, { per_minute: '0' })],
      ['sent', () => client.get(`/admin/campaigns/${sent}`)],
      ['sent again', () => client.post(`/admin/campaigns/${sent}/send`, { per_minute: '60' })],
      ['progress', () => client.get(`/admin/campaigns/${sent}/progress`)],
    ];
    for (const [label, load] of pages) docs.push({ label: `${label} (${lang})`, html: (await load()).body });
    // The fragment, wrapped as htmx inserts it.
    const fragment = (await client.get(`/admin/campaigns/${sent}/progress`, { 'hx-request': 'true' })).body;
    docs.push({ label: `progress fragment (${lang})`, html: `<!doctype html><html lang="${lang}"><head><title>x</title></head><body><main>${fragment}</main></body></html>` });
  }
  assert.deepEqual(await validateHtml(docs), []);
});
