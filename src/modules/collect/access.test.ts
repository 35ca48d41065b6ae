// Who may use each route of the collect step, as one table: anonymous visitors, an unconfirmed
// account, the citizen who wrote the proposal (and the draft), another citizen and an
// administrator, on an open, closed or upcoming step and in a hidden (draft) project; then
// forged ids from another step.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { makeApp, type Client, type TestApp } from '../../../test/helpers/app.ts';
import { anonymous, loginAs } from '../../../test/helpers/factories.ts';
import { addCategory, addProposal, addQuestion, makeCollect } from './test-fixtures.ts';
import { saveDraft } from './writes.ts';

let t: TestApp;
before(async () => (t = await makeApp()));
after(() => t.close());

const PEOPLE = ['anonymous', 'unconfirmed', 'author', 'other', 'admin'] as const;
type Who = (typeof PEOPLE)[number];
type Expected = Record<Who, number>;
type Setting = 'open' | 'closed' | 'upcoming' | 'draft';

const all = (status: number, admin = status): Expected => ({ anonymous: status, unconfirmed: status, author: status, other: status, admin });
const reads = all(200);
const hidden = (admin: number) => all(404, admin);
const gated = (ok: number): Expected => ({ ...all(ok), anonymous: 403, unconfirmed: 403 });
const authorOnly = (ok: number): Expected => ({ ...all(403), author: ok });
const adminGet = { ...all(403, 200), anonymous: 303 };
const adminPost = { ...all(403, 303), anonymous: 401 };
const adminAlways = (e: Expected): Record<Setting, Expected> => ({ open: e, closed: e, upcoming: e, draft: e });
// A draft is its author's alone: the others get a 404, anonymous visitors the login page (GET) or the gate (POST).
const draftPost = { ...all(404), anonymous: 403, unconfirmed: 403, author: 303 };

interface Ids {
  base: string;
  proposal: number;
  draft: number;
  category: number;
  question: number;
}
interface Route {
  name: string;
  request: (c: Client, ids: Ids) => ReturnType<Client['get']>;
  expected: Record<Setting, Expected>;
}

const proposal = { title: 'Un banc', summary: 'Un banc place du marché', body: 'Pour se reposer.', intent: 'submit' };
const ROUTES: Route[] = [
  { name: 'GET the list', request: (c, i) => c.get(i.base), expected: { open: reads, closed: reads, upcoming: reads, draft: hidden(200) } },
  { name: 'GET a proposal', request: (c, i) => c.get(`${i.base}/proposals/${i.proposal}`), expected: { open: reads, closed: reads, upcoming: reads, draft: hidden(200) } },
  { name: 'GET similar proposals', request: (c, i) => c.get(`${i.base}/similar?title=banc`), expected: { open: reads, closed: reads, upcoming: reads, draft: hidden(200) } },
  { name: 'GET the new proposal form', request: (c, i) => c.get(`${i.base}/proposals/new`), expected: { open: gated(200), closed: all(403), upcoming: all(403), draft: hidden(200) } },
  { name: 'POST a proposal', request: (c, i) => c.post(`${i.base}/proposals`, proposal), expected: { open: gated(303), closed: all(403), upcoming: all(403), draft: hidden(303) } },
  { name: 'GET the edit form', request: (c, i) => c.get(`${i.base}/proposals/${i.proposal}/edit`), expected: { open: authorOnly(200), closed: all(403), upcoming: all(403), draft: hidden(403) } },
  { name: 'POST an edit', request: (c, i) => c.post(`${i.base}/proposals/${i.proposal}/edit`, proposal), expected: { open: authorOnly(303), closed: all(403), upcoming: all(403), draft: hidden(403) } },
  { name: 'POST a deletion', request: (c, i) => c.post(`${i.base}/proposals/${i.proposal}/delete`), expected: { open: authorOnly(303), closed: all(403), upcoming: all(403), draft: hidden(403) } },
  { name: 'GET a draft', request: (c, i) => c.get(`${i.base}/drafts/${i.draft}`), expected: { open: { ...all(404), anonymous: 303, author: 200 }, closed: { ...all(404), anonymous: 303, author: 200 }, upcoming: { ...all(404), anonymous: 303, author: 200 }, draft: { ...all(404), anonymous: 404 } } },
  { name: 'POST a draft', request: (c, i) => c.post(`${i.base}/drafts/${i.draft}`, proposal), expected: { open: draftPost, closed: all(403), upcoming: all(403), draft: hidden(404) } },
  { name: 'POST a draft deletion', request: (c, i) => c.post(`${i.base}/drafts/${i.draft}/delete`), expected: { open: draftPost, closed: all(403), upcoming: all(403), draft: hidden(404) } },
  { name: 'GET the admin page', request: (c, i) => c.get(`${i.base}/admin`), expected: adminAlways(adminGet) },
  { name: 'POST the form settings', request: (c, i) => c.post(`${i.base}/admin/form`, { mode_summary: 'optional', mode_body: 'required', mode_category: 'optional', mode_district: 'off', mode_address: 'off', mode_cost: 'off', mode_image: 'off', mode_attachments: 'off' }), expected: adminAlways(adminPost) },
  { name: 'POST a category', request: (c, i) => c.post(`${i.base}/admin/categories`, { name: 'Sport', colour: '#1d4ed8' }), expected: adminAlways(adminPost) },
  { name: 'GET a category’s edit form', request: (c, i) => c.get(`${i.base}/admin/categories/${i.category}/edit`), expected: adminAlways(adminGet) },
  { name: 'POST a category’s change', request: (c, i) => c.post(`${i.base}/admin/categories/${i.category}`, { name: 'Sport', colour: '#1d4ed8' }), expected: adminAlways(adminPost) },
  { name: 'POST a category’s deletion', request: (c, i) => c.post(`${i.base}/admin/categories/${i.category}/delete`), expected: adminAlways(adminPost) },
  { name: 'POST a question', request: (c, i) => c.post(`${i.base}/admin/questions`, { type: 'short_text', title: 'Pourquoi ?' }), expected: adminAlways(adminPost) },
  { name: 'GET a question’s edit form', request: (c, i) => c.get(`${i.base}/admin/questions/${i.question}/edit`), expected: adminAlways(adminGet) },
  { name: 'POST a question’s change', request: (c, i) => c.post(`${i.base}/admin/questions/${i.question}`, { type: 'long_text', title: 'Pourquoi ?' }), expected: adminAlways(adminPost) },
  { name: 'POST a question’s move', request: (c, i) => c.post(`${i.base}/admin/questions/${i.question}/move`, { direction: 'up' }), expected: adminAlways(adminPost) },
  { name: 'POST a question’s deletion', request: (c, i) => c.post(`${i.base}/admin/questions/${i.question}/delete`), expected: adminAlways(adminPost) },
];

async function statuses(setting: Setting, route: Route): Promise<Expected> {
  const out = {} as Expected;
  for (const who of PEOPLE) {
    const c = setting === 'draft' ? makeCollect(t.db, { visibility: 'draft' }) : makeCollect(t.db, { state: setting });
    const author = await loginAs(t);
    const ids: Ids = {
      base: `/collect/${c.stepId}`,
      proposal: addProposal(t.db, c, author.userId),
      draft: saveDraft(t.db, c.stepId, author.userId, null, 'Mon idée', { title: 'Mon idée' }),
      category: addCategory(t.db, c),
      question: addQuestion(t.db, c, { type: 'short_text' }),
    };
    const client = who === 'author' ? author.client : who === 'anonymous' ? await anonymous(t) : (await loginAs(t, who === 'admin' ? 'admin' : 'citizen', { confirmed: who !== 'unconfirmed' })).client;
    out[who] = (await route.request(client, ids)).statusCode;
  }
  return out;
}

for (const route of ROUTES) {
  test(`${route.name}: who may, on an open, closed or upcoming step and in a draft project`, async () => {
    for (const setting of ['open', 'closed', 'upcoming', 'draft'] as const) assert.deepEqual(await statuses(setting, route), route.expected[setting], setting);
  });
}

test('a proposal, a draft, a category or a question reached through another step’s address is a 404', async () => {
  const a = makeCollect(t.db);
  const b = makeCollect(t.db);
  const { client: author, userId } = await loginAs(t);
  const inB = addProposal(t.db, b, userId);
  const draftInB = saveDraft(t.db, b.stepId, userId, null, 'Brouillon', { title: 'Brouillon' });
  const { client: admin } = await loginAs(t, 'admin');
  const category = addCategory(t.db, b);
  const question = addQuestion(t.db, b, { type: 'number' });
  const base = `/collect/${a.stepId}`;
  assert.equal((await author.get(`${base}/proposals/${inB}`)).statusCode, 404);
  assert.equal((await author.get(`${base}/proposals/${inB}/edit`)).statusCode, 404);
  assert.equal((await author.post(`${base}/proposals/${inB}/edit`, proposal)).statusCode, 404);
  assert.equal((await author.post(`${base}/proposals/${inB}/delete`)).statusCode, 404);
  assert.equal((await author.get(`${base}/drafts/${draftInB}`)).statusCode, 404);
  assert.equal((await author.post(`${base}/drafts/${draftInB}`, proposal)).statusCode, 404);
  assert.equal((await author.get(`${base}/proposals/${inB}x`)).statusCode, 404);
  assert.equal((await admin.get(`${base}/admin/categories/${category}/edit`)).statusCode, 404);
  assert.equal((await admin.post(`${base}/admin/questions/${question}/delete`)).statusCode, 404);
  assert.equal((await author.get(`/collect/${b.stepId}/proposals/${inB}`)).statusCode, 200, 'through its own step');
  const debate = makeCollect(t.db);
  t.db.sqlite.prepare("update steps set type = 'debate' where id = ?").run(debate.stepId);
  assert.equal((await author.get(`/collect/${debate.stepId}`)).statusCode, 404, 'a step of another type');
});
