// Writing a campaign's draft through the real app: saved and shown again as written; refused with
// 422 and the errors in the person's language when a field is wrong (nothing written), 400 for an
// audience no form offers; the list pages without counting.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { makeApp, type TestApp } from '../../../test/helpers/app.ts';
import { countRows, loginAs, makeProject } from '../../../test/helpers/factories.ts';
import { makeCampaign } from './test-fixtures.ts';
import { PAGE_SIZE } from './rules.ts';

let t: TestApp;
before(async () => (t = await makeApp()));
after(() => t.close());

const admin = async (lang = 'fr') => {
  const { client, userId } = await loginAs(t, 'admin');
  client.cookies.set('lang', lang);
  return { client, userId };
};
const campaign = (id: number) => t.db.sqlite.prepare('select subject, body, audience, project_id, author_id, sent_at from campaigns_emails where id = ?').get(id);

test('an administrator writes a draft, reads its preview, edits it; nothing is sent', async () => {
  const projectId = makeProject(t.db, { title: 'La rue piétonne' });
  const { client, userId } = await admin();
  assert.equal((await client.get('/admin/campaigns/new')).statusCode, 200);
  const res = await client.post('/admin/campaigns', { subject: 'La rue piétonne : réunion', body: 'Bonjour,\r\n\r\nRéunion <b>jeudi</b> à 18 h.\r\n', audience: 'project', project_id: String(projectId) });
  assert.equal(res.statusCode, 303);
  const id = Number(/(\d+)$/.exec(res.headers.location as string)![1]);
  assert.deepEqual(campaign(id), { subject: 'La rue piétonne : réunion', body: 'Bonjour,\n\nRéunion <b>jeudi</b> à 18 h.', audience: 'project', project_id: projectId, author_id: userId, sent_at: null });
  const page = await client.get(`/admin/campaigns/${id}`);
  assert.match(page.body, /Brouillon enregistré/);
  assert.match(page.body, /Réunion &lt;b&gt;jeudi&lt;\/b&gt; à 18 h\./, 'plain text, escaped');
  assert.match(page.body, /Les participants du projet « La rue piétonne »/);
  assert.match((await client.get(`/admin/campaigns/${id}/edit`)).body, /value="La rue piétonne : réunion"/);
  assert.equal((await client.post(`/admin/campaigns/${id}`, { subject: 'Réunion annulée', body: 'Désolés.', audience: 'news', project_id: String(projectId) })).statusCode, 303);
  assert.deepEqual(campaign(id), { subject: 'Réunion annulée', body: 'Désolés.', audience: 'news', project_id: null, author_id: userId, sent_at: null }, 'the news ignore the project');
  assert.equal(countRows(t, 'mail_outbox'), 0);
  const list = await client.get('/admin/campaigns');
  assert.match(list.body, /Réunion annulée/);
  assert.match(list.body, /Brouillon/);
});

const CASES: { name: string; form: Record<string, string>; fr: RegExp; en: RegExp; status?: number }[] = [
  { name: 'no subject', form: { subject: '', body: 'x', audience: 'news' }, fr: /Ce champ est obligatoire/, en: /This field is required/ },
  { name: 'a subject too long', form: { subject: 'a'.repeat(151), body: 'x', audience: 'news' }, fr: /150/, en: /150/ },
  { name: 'no body', form: { subject: 'Objet', body: '  ', audience: 'news' }, fr: /Ce champ est obligatoire/, en: /This field is required/ },
  { name: 'no audience', form: { subject: 'Objet', body: 'x' }, fr: /Choisissez les destinataires/, en: /Choose the recipients/ },
  { name: 'a project audience without a project', form: { subject: 'Objet', body: 'x', audience: 'project', project_id: '' }, fr: /Choisissez le projet dont les participants/, en: /Choose the project whose participants/ },
  { name: 'a project that does not exist', form: { subject: 'Objet', body: 'x', audience: 'project', project_id: '999999' }, fr: /Ce projet n’existe pas/, en: /This project does not exist/ },
  { name: 'an audience no form offers', form: { subject: 'Objet', body: 'x', audience: 'everyone' }, fr: /Choisissez les destinataires/, en: /Choose the recipients/, status: 400 },
];

for (const c of CASES) {
  test(`a draft with ${c.name} is refused in French and English, and nothing is written`, async () => {
    const draft = makeCampaign(t.db);
    const before = [countRows(t, 'campaigns_emails'), campaign(draft)];
    for (const [lang, message] of [['fr', c.fr], ['en', c.en]] as const) {
      const { client } = await admin(lang);
      for (const url of ['/admin/campaigns', `/admin/campaigns/${draft}`]) {
        const res = await client.post(url, c.form);
        assert.equal(res.statusCode, c.status ?? 422, `${lang} ${url}`);
        assert.match(res.body, message, `${lang} ${url}`);
        assert.match(res.body, /class="error-summary"/);
        if (c.form.subject) assert.match(res.body, new RegExp(`value="${c.form.subject}"`), 'the values sent are shown again');
      }
    }
    assert.deepEqual([countRows(t, 'campaigns_emails'), campaign(draft)], before);
  });
}

test('the list pages by fetching one more row than it shows, never counting', async () => {
  for (let i = 0; i < PAGE_SIZE + 1; i++) makeCampaign(t.db, { subject: `Lot ${i}` });
  const { client } = await admin();
  const first = await client.get('/admin/campaigns');
  assert.match(first.body, /href="\/admin\/campaigns\?page=2" rel="next"/);
  const deep = await client.get('/admin/campaigns?page=500');
  assert.equal(deep.statusCode, 200);
  assert.match(deep.body, /Aucune campagne pour le moment|rel="prev"/);
});
