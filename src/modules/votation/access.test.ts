// Who may use each route of the votation, as one table: anonymous visitors, an unconfirmed
// account, a citizen and an administrator, on an open, closed or upcoming step and in a hidden
// (draft) project; code holders on a roll step; forged ids.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { makeApp, type Client, type TestApp } from '../../../test/helpers/app.ts';
import { anonymous, loginAs } from '../../../test/helpers/factories.ts';
import { addRoll, ballotForm, makeVotation } from './test-fixtures.ts';
import { listQuestions } from './queries.ts';

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
const adminPost = (admin: number) => ({ ...all(403, admin), anonymous: 401 });

interface Route {
  name: string;
  roll?: boolean;
  request: (c: Client, base: string, ctx: { questionId: number; code: string }) => ReturnType<Client['get']>;
  expected: Record<Setting, Expected>;
}

const ROUTES: Route[] = [
  { name: 'GET the votation', request: (c, b) => c.get(b), expected: { open: reads, closed: reads, upcoming: reads, draft: hidden(200) } },
  { name: 'GET the secrecy page', request: (c, b) => c.get(`${b}/secrecy`), expected: { open: reads, closed: reads, upcoming: reads, draft: hidden(200) } },
  {
    name: 'POST a ballot by account',
    request: (c, b) => c.post(`${b}/ballot`, ballotForm('0', ['0', '1', '2'])),
    expected: { open: { ...all(200), anonymous: 403, unconfirmed: 403 }, closed: all(403), upcoming: all(403), draft: hidden(200) },
  },
  {
    name: 'POST an access code',
    roll: true,
    request: (c, b, x) => c.post(`${b}/code`, { code: x.code }),
    expected: { open: all(200), closed: all(403), upcoming: all(403), draft: hidden(200) },
  },
  {
    name: 'POST a ballot with an access code',
    roll: true,
    request: (c, b, x) => c.post(`${b}/ballot`, ballotForm('1', ['0', '0', '0'], { code: x.code })),
    expected: { open: all(200), closed: all(403), upcoming: all(403), draft: hidden(200) },
  },
  { name: 'POST a receipt lookup', request: (c, b) => c.post(`${b}/lookup`, { receipt: 'a'.repeat(32) }), expected: { open: all(403), closed: all(422), upcoming: all(403), draft: hidden(403) } },
  { name: 'GET the JSON ballot file', request: (c, b) => c.get(`${b}/ballots.json`), expected: { open: all(403), closed: all(200), upcoming: all(403), draft: hidden(403) } },
  { name: 'GET the CSV ballot file', request: (c, b) => c.get(`${b}/ballots.csv`), expected: { open: all(403), closed: all(200), upcoming: all(403), draft: hidden(403) } },
  { name: 'GET the admin page', request: (c, b) => c.get(`${b}/admin`), expected: { open: adminGet, closed: adminGet, upcoming: adminGet, draft: adminGet } },
  {
    name: 'POST a new question',
    request: (c, b) => c.post(`${b}/admin/questions`, { 'new-title': 'Encore ?', 'new-method': 'single', 'new-options': 'Oui\nNon' }),
    expected: { open: adminPost(403), closed: adminPost(403), upcoming: adminPost(303), draft: adminPost(403) },
  },
  {
    name: 'POST a question edit',
    request: (c, b, x) => c.post(`${b}/admin/questions/${x.questionId}`, { [`q${x.questionId}-title`]: 'Quel nom ?', [`q${x.questionId}-method`]: 'approval', [`q${x.questionId}-options`]: 'A\nB\nC' }),
    expected: { open: adminPost(403), closed: adminPost(403), upcoming: adminPost(303), draft: adminPost(403) },
  },
  {
    name: 'POST a question deletion',
    request: (c, b, x) => c.post(`${b}/admin/questions/${x.questionId}/delete`),
    expected: { open: adminPost(403), closed: adminPost(403), upcoming: adminPost(303), draft: adminPost(403) },
  },
  {
    name: 'POST the issue of codes',
    roll: true,
    request: (c, b) => c.post(`${b}/admin/codes`, {}),
    expected: { open: adminPost(200), closed: adminPost(403), upcoming: adminPost(200), draft: adminPost(200) },
  },
  {
    name: 'POST the roll erasure',
    roll: true,
    request: (c, b) => c.post(`${b}/admin/roll/erase`),
    expected: { open: adminPost(403), closed: adminPost(303), upcoming: adminPost(403), draft: adminPost(403) },
  },
];

async function statuses(setting: Setting, route: Route): Promise<Expected> {
  const out = {} as Expected;
  for (const who of PEOPLE) {
    const v = setting === 'draft' ? makeVotation(t.db, { visibility: 'draft', electorate: route.roll ? 'roll' : 'accounts' }) : makeVotation(t.db, { state: setting, electorate: route.roll ? 'roll' : 'accounts' });
    const [code = ''] = route.roll ? addRoll(t.db, t.dataDir, v.stepId, 1) : [];
    const client = who === 'anonymous' ? await anonymous(t) : (await loginAs(t, who === 'admin' ? 'admin' : 'citizen', { confirmed: who !== 'unconfirmed' })).client;
    await client.get('/');
    out[who] = (await route.request(client, `/votation/${v.stepId}`, { questionId: listQuestions(t.db, v.stepId)[0]!.id, code })).statusCode;
  }
  return out;
}

for (const route of ROUTES) {
  test(`${route.name}: who may, on an open, closed or upcoming step and in a draft project`, async () => {
    for (const setting of ['open', 'closed', 'upcoming', 'draft'] as const) assert.deepEqual(await statuses(setting, route), route.expected[setting], setting);
  });
}

test('forged ids are 404: another votation’s question, a step of another type, a code on an accounts votation', async () => {
  const a = makeVotation(t.db, { state: 'upcoming' });
  const b = makeVotation(t.db, { state: 'upcoming' });
  const { client } = await loginAs(t, 'admin');
  await client.get('/');
  const inB = listQuestions(t.db, b.stepId)[0]!.id;
  assert.equal((await client.post(`/votation/${a.stepId}/admin/questions/${inB}`, { [`q${inB}-title`]: 'X' })).statusCode, 404);
  assert.equal((await client.post(`/votation/${a.stepId}/admin/questions/${inB}/delete`)).statusCode, 404);
  assert.equal((await client.post(`/votation/${a.stepId}/admin/questions/x1/delete`)).statusCode, 404);
  assert.equal(listQuestions(t.db, b.stepId).length, 2, 'nothing deleted');
  assert.equal((await client.get('/votation/999999')).statusCode, 404);
  assert.equal((await client.get('/votation/abc')).statusCode, 404);
  assert.equal((await client.post(`/votation/${a.stepId}/code`, { code: 'x' })).statusCode, 404);
});
