// Who may use each route of the questionnaire, as one table: anonymous visitors, an unconfirmed
// account, a citizen and an administrator, on an open, closed or upcoming step and in a hidden
// (draft) project; results private or public; forged ids from another step.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { makeApp, type Client, type TestApp } from '../../../test/helpers/app.ts';
import { anonymous, loginAs } from '../../../test/helpers/factories.ts';
import { makeQuestionnaire, questionIds } from './test-fixtures.ts';

let t: TestApp;
before(async () => (t = await makeApp()));
after(() => t.close());

const PEOPLE = ['anonymous', 'unconfirmed', 'citizen', 'admin'] as const;
type Who = (typeof PEOPLE)[number];
type Expected = Record<Who, number>;
type Setting = 'open' | 'closed' | 'upcoming' | 'draft';

const all = (status: number, admin = status): Expected => ({ anonymous: status, unconfirmed: status, citizen: status, admin });
const reads = all(200);
const hidden = (admin: number) => all(404, admin);
const adminGet = { ...all(403, 200), anonymous: 303 };
const adminPost = { ...all(403, 303), anonymous: 401 };
const answering = (ok: number): Record<Setting, Expected> => ({ open: { ...all(ok), anonymous: 403, unconfirmed: 403 }, closed: all(403), upcoming: all(403), draft: hidden(ok) });

interface Route {
  name: string;
  request: (c: Client, base: string, qid: number) => ReturnType<Client['get']>;
  expected: Record<Setting, Expected>;
}

const ROUTES: Route[] = [
  { name: 'GET the questionnaire', request: (c, b) => c.get(b), expected: { open: reads, closed: reads, upcoming: reads, draft: hidden(200) } },
  { name: 'GET a page', request: (c, b) => c.get(`${b}/answer`), expected: answering(200) },
  { name: 'POST a page', request: (c, b) => c.post(`${b}/answer`, { page: '0', go: 'save' }), expected: answering(303) },
  { name: 'POST a preview', request: (c, b) => c.post(`${b}/answer/preview`, { page: '0' }), expected: answering(200) },
  { name: 'GET the review', request: (c, b) => c.get(`${b}/review`), expected: answering(303) },
  { name: 'POST a submission', request: (c, b) => c.post(`${b}/submit`), expected: answering(303) },
  { name: 'GET private results', request: (c, b) => c.get(`${b}/results`), expected: { open: all(403, 200), closed: all(403, 200), upcoming: all(403, 200), draft: hidden(200) } },
  { name: 'GET the admin page', request: (c, b) => c.get(`${b}/admin`), expected: { open: adminGet, closed: adminGet, upcoming: adminGet, draft: adminGet } },
  { name: 'GET a question form', request: (c, b, q) => c.get(`${b}/admin/questions/${q}`), expected: { open: adminGet, closed: adminGet, upcoming: adminGet, draft: adminGet } },
  { name: 'POST a new question', request: (c, b) => c.post(`${b}/admin/questions`, { type: 'short_text', title: 'Une question' }), expected: { open: adminPost, closed: adminPost, upcoming: adminPost, draft: adminPost } },
  { name: 'POST a move', request: (c, b, q) => c.post(`${b}/admin/questions/${q}/move`, { direction: 'down' }), expected: { open: adminPost, closed: adminPost, upcoming: adminPost, draft: adminPost } },
  { name: 'GET the CSV export', request: (c, b) => c.get(`${b}/admin/responses.csv`), expected: { open: adminGet, closed: adminGet, upcoming: adminGet, draft: adminGet } },
  { name: 'GET the JSON export', request: (c, b) => c.get(`${b}/admin/responses.json`), expected: { open: adminGet, closed: adminGet, upcoming: adminGet, draft: adminGet } },
  { name: 'GET the definition', request: (c, b) => c.get(`${b}/admin/questionnaire.json`), expected: { open: adminGet, closed: adminGet, upcoming: adminGet, draft: adminGet } },
];

async function clients(): Promise<Record<Who, Client>> {
  return {
    anonymous: await anonymous(t),
    unconfirmed: (await loginAs(t, 'citizen', { confirmed: false })).client,
    citizen: (await loginAs(t)).client,
    admin: (await loginAs(t, 'admin')).client,
  };
}

for (const setting of ['open', 'closed', 'upcoming', 'draft'] as const) {
  test(`who may use each route of a questionnaire that is ${setting}`, async () => {
    const c = await clients();
    for (const route of ROUTES) {
      for (const who of PEOPLE) {
        // A fresh step per request: a submission or a draft never changes the next answer.
        const q = makeQuestionnaire(t.db, setting === 'draft' ? { visibility: 'draft' } : { state: setting });
        const res = await route.request(c[who], `/questionnaire/${q.stepId}`, questionIds(t, q.stepId)[1]!);
        assert.equal(res.statusCode, route.expected[setting][who], `${route.name} by ${who} (${setting})`);
      }
    }
  });
}

test('anonymous answers, where the step allows them, need an open step but no account', async () => {
  const c = await anonymous(t);
  for (const [state, status] of [['open', 303], ['closed', 403], ['upcoming', 403]] as const) {
    const q = makeQuestionnaire(t.db, { state, settings: { anonymous: true } });
    assert.equal((await c.post(`/questionnaire/${q.stepId}/answer`, { page: '0', go: 'save' })).statusCode, status, state);
  }
});

test('public results are readable by everyone; private questions only by administrators', async () => {
  const q = makeQuestionnaire(t.db, { settings: { public_results: true } });
  const visitor = await anonymous(t);
  const page = await visitor.get(`/questionnaire/${q.stepId}/results`);
  assert.equal(page.statusCode, 200);
  assert.doesNotMatch(page.body, /Votre âge/);
  const admin = (await loginAs(t, 'admin')).client;
  assert.match((await admin.get(`/questionnaire/${q.stepId}/results`)).body, /Votre âge/);
});

test('ids from another step give a 404', async () => {
  const a = makeQuestionnaire(t.db);
  const b = makeQuestionnaire(t.db);
  const admin = (await loginAs(t, 'admin')).client;
  const foreign = questionIds(t, b.stepId)[0]!;
  assert.equal((await admin.get(`/questionnaire/${a.stepId}/admin/questions/${foreign}`)).statusCode, 404);
  assert.equal((await admin.post(`/questionnaire/${a.stepId}/admin/questions/${foreign}/delete`)).statusCode, 404);
  assert.equal((await admin.get(`/questionnaire/${a.stepId}/results/${foreign}`)).statusCode, 404);
  assert.equal((await admin.get(`/questionnaire/99999/admin`)).statusCode, 404);
  assert.equal((await admin.get(`/questionnaire/${a.stepId}/admin/files/1/${foreign}`)).statusCode, 404);
});
