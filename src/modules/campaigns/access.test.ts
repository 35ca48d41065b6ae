// Who may use each route of the campaigns, as one table: only administrators; visitors are sent
// to the login page (or get 401 on a post), other accounts (unconfirmed, citizens, moderators)
// 403, and nothing is written or queued by those who may not. Every post also needs the
// session's CSRF token.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { makeApp, type Client, type TestApp } from '../../../test/helpers/app.ts';
import { countRows, makeProject } from '../../../test/helpers/factories.ts';
import { PEOPLE, adminGet, adminPost, clientOf as peopleClient, type Expected, type Who } from '../../../test/helpers/access.ts';
import { addPerson, makeCampaign } from './test-fixtures.ts';

let t: TestApp;
before(async () => (t = await makeApp()));
after(() => t.close());

const clientOf = (who: Who) => peopleClient(t, who);

/** A project with one participant, a draft to them, and a campaign already sent. */
function fixtures() {
  const projectId = makeProject(t.db);
  addPerson(t.db, { participantOf: projectId });
  return { projectId, draft: makeCampaign(t.db, { audience: 'project', projectId }), sent: makeCampaign(t.db, { sent: true }) };
}
type Fixtures = ReturnType<typeof fixtures>;

const form = (projectId: number) => ({ subject: 'Piratée', body: 'Un texte.', audience: 'project', project_id: String(projectId) });

const ROUTES: { name: string; request: (c: Client, f: Fixtures) => ReturnType<Client['get']>; expected: Expected }[] = [
  { name: 'GET the list', request: (c) => c.get('/admin/campaigns'), expected: adminGet },
  { name: 'GET the new form', request: (c) => c.get('/admin/campaigns/new'), expected: adminGet },
  { name: 'GET a draft and its preview', request: (c, f) => c.get(`/admin/campaigns/${f.draft}`), expected: adminGet },
  { name: 'GET the edit form', request: (c, f) => c.get(`/admin/campaigns/${f.draft}/edit`), expected: adminGet },
  { name: 'GET the progress of a send', request: (c, f) => c.get(`/admin/campaigns/${f.sent}/progress`), expected: adminGet },
  { name: 'POST a new draft', request: (c, f) => c.post('/admin/campaigns', form(f.projectId)), expected: adminPost },
  { name: 'POST an edit', request: (c, f) => c.post(`/admin/campaigns/${f.draft}`, form(f.projectId)), expected: adminPost },
  { name: 'POST a test send', request: (c, f) => c.post(`/admin/campaigns/${f.draft}/test`), expected: adminPost },
  { name: 'POST the send', request: (c, f) => c.post(`/admin/campaigns/${f.draft}/send`, { per_minute: '300' }), expected: adminPost },
];

const state = (id: number) => t.db.sqlite.prepare('select subject, sent_at from campaigns_emails where id = ?').get(id);

for (const route of ROUTES) {
  test(`${route.name}: administrators only`, async () => {
    const got = {} as Expected;
    for (const who of PEOPLE) {
      const f = fixtures();
      const [campaigns, outbox, draft] = [countRows(t, 'campaigns_emails'), countRows(t, 'mail_outbox'), state(f.draft)];
      const res = await route.request(await clientOf(who), f);
      got[who] = res.statusCode;
      if (who !== 'admin') {
        assert.equal(countRows(t, 'campaigns_emails'), campaigns, `${who}: no campaign added`);
        assert.equal(countRows(t, 'mail_outbox'), outbox, `${who}: nothing queued`);
        assert.deepEqual(state(f.draft), draft, `${who}: the draft is unchanged`);
      }
    }
    assert.deepEqual(got, route.expected);
  });
}

test('every post without the session’s CSRF token is refused and writes nothing, even for an administrator', async () => {
  const admin = await clientOf('admin');
  for (const route of ROUTES.filter((r) => r.name.startsWith('POST'))) {
    const f = fixtures();
    const [campaigns, outbox, draft] = [countRows(t, 'campaigns_emails'), countRows(t, 'mail_outbox'), state(f.draft)];
    const forged = { post: (url: string, body: Record<string, string> = {}) => admin.post(url, { ...body, _csrf: 'forged' }) } as unknown as Client;
    assert.equal((await route.request(forged, f)).statusCode, 403, route.name);
    assert.equal(countRows(t, 'campaigns_emails'), campaigns, route.name);
    assert.equal(countRows(t, 'mail_outbox'), outbox, route.name);
    assert.deepEqual(state(f.draft), draft, route.name);
  }
});

test('ids that do not exist or are not numbers give a 404', async () => {
  const admin = await clientOf('admin');
  for (const url of ['/admin/campaigns/999999', '/admin/campaigns/abc/edit', '/admin/campaigns/0/progress']) assert.equal((await admin.get(url)).statusCode, 404, url);
  assert.equal((await admin.post('/admin/campaigns/999999/send', { per_minute: '10' })).statusCode, 404);
  assert.equal((await admin.post('/admin/campaigns/999999/test')).statusCode, 404);
});

test('the campaigns are linked from the back-office dashboard', async () => {
  const admin = await clientOf('admin');
  assert.match((await admin.get('/admin')).body, /href="\/admin\/campaigns"/);
});
