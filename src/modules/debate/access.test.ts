// Who may use each route of the debate, as one table: anonymous visitors, an unconfirmed
// account, the citizen who wrote the argument, another citizen and an administrator, on an open,
// closed or upcoming step and in a hidden (draft) project; and forged ids from another step.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { makeApp, type Client, type TestApp } from '../../../test/helpers/app.ts';
import { anonymous, loginAs } from '../../../test/helpers/factories.ts';
import { addArgument, makeDebate } from './test-fixtures.ts';

let t: TestApp;
before(async () => (t = await makeApp()));
after(() => t.close());

const PEOPLE = ['anonymous', 'unconfirmed', 'author', 'other', 'admin'] as const;
type Who = (typeof PEOPLE)[number];
type Expected = Record<Who, number>;
type Setting = 'open' | 'closed' | 'upcoming' | 'draft';

/** The same status for everyone, but administrators. */
const all = (status: number, admin = status): Expected => ({ anonymous: status, unconfirmed: status, author: status, other: status, admin });
const reads = all(200);
const hidden = (admin: number) => all(404, admin);
const adminGet = { ...all(403, 200), anonymous: 303 }; // anonymous: to the login page
const adminPost = { ...all(403, 303), anonymous: 401 };

interface Route {
  name: string;
  request: (c: Client, base: string, argumentId: number) => ReturnType<Client['get']>;
  expected: Record<Setting, Expected>;
}

const ROUTES: Route[] = [
  { name: 'GET the debate', request: (c, b) => c.get(b), expected: { open: reads, closed: reads, upcoming: reads, draft: hidden(200) } },
  { name: 'GET an argument', request: (c, b, a) => c.get(`${b}/arguments/${a}`), expected: { open: reads, closed: reads, upcoming: reads, draft: hidden(200) } },
  {
    name: 'POST a vote',
    request: (c, b) => c.post(`${b}/vote`, { value: 'for' }),
    expected: { open: { ...all(303), anonymous: 403, unconfirmed: 403 }, closed: all(403), upcoming: all(403), draft: hidden(303) },
  },
  {
    name: 'POST an argument',
    request: (c, b) => c.post(`${b}/arguments`, { side: 'against', body: 'Un argument contre.' }),
    expected: { open: { ...all(303), anonymous: 403, unconfirmed: 403 }, closed: all(403), upcoming: all(403), draft: hidden(303) },
  },
  {
    name: 'POST a deletion',
    request: (c, b, a) => c.post(`${b}/arguments/${a}/delete`),
    expected: { open: { ...all(403), author: 303 }, closed: all(403), upcoming: all(403), draft: hidden(403) },
  },
  {
    name: 'POST a useful mark',
    request: (c, b, a) => c.post(`${b}/arguments/${a}/useful`, { mark: '1' }),
    expected: { open: { ...all(403), other: 303, admin: 303 }, closed: all(403), upcoming: all(403), draft: hidden(303) },
  },
  { name: 'GET the admin page', request: (c, b) => c.get(`${b}/admin`), expected: { open: adminGet, closed: adminGet, upcoming: adminGet, draft: adminGet } },
  { name: 'GET the export', request: (c, b) => c.get(`${b}/export.csv`), expected: { open: adminGet, closed: adminGet, upcoming: adminGet, draft: adminGet } },
  {
    name: 'POST the opinions',
    request: (c, b) => c.post(`${b}/admin/opinions`, { for_name: 'Claire Fournier', for_role: 'adjointe', for_body: 'Pour.' }),
    expected: { open: adminPost, closed: adminPost, upcoming: adminPost, draft: adminPost },
  },
  {
    name: 'POST the conclusion',
    request: (c, b) => c.post(`${b}/admin/conclusion`, { conclusion: 'Fin du débat.' }),
    expected: { open: { ...adminPost, admin: 403 }, closed: adminPost, upcoming: { ...adminPost, admin: 403 }, draft: { ...adminPost, admin: 403 } },
  },
];

/** Each person's answer, each on a fresh debate holding one argument for by `author`. */
async function statuses(setting: Setting, route: Route): Promise<Expected> {
  const out = {} as Expected;
  for (const who of PEOPLE) {
    const d = setting === 'draft' ? makeDebate(t.db, { visibility: 'draft' }) : makeDebate(t.db, { state: setting });
    const author = await loginAs(t);
    const argumentId = addArgument(t.db, d, author.userId, 'for');
    const client = who === 'author' ? author.client : who === 'anonymous' ? await anonymous(t) : (await loginAs(t, who === 'admin' ? 'admin' : 'citizen', { confirmed: who !== 'unconfirmed' })).client;
    out[who] = (await route.request(client, `/debate/${d.stepId}`, argumentId)).statusCode;
  }
  return out;
}

for (const route of ROUTES) {
  test(`${route.name}: who may, on an open, closed or upcoming step and in a draft project`, async () => {
    for (const setting of ['open', 'closed', 'upcoming', 'draft'] as const) assert.deepEqual(await statuses(setting, route), route.expected[setting], setting);
  });
}

test('an argument reached through another debate’s address is a 404 on every route that names one', async () => {
  const a = makeDebate(t.db);
  const b = makeDebate(t.db);
  const { client: author, userId } = await loginAs(t);
  const inB = addArgument(t.db, b, userId, 'for');
  const { client: other } = await loginAs(t);
  assert.equal((await other.get(`/debate/${a.stepId}/arguments/${inB}`)).statusCode, 404);
  assert.equal((await other.post(`/debate/${a.stepId}/arguments/${inB}/useful`, { mark: '1' })).statusCode, 404);
  assert.equal((await author.post(`/debate/${a.stepId}/arguments/${inB}/delete`)).statusCode, 404);
  assert.equal((await other.get(`/debate/${a.stepId}/arguments/${inB}x`)).statusCode, 404);
  assert.equal((await other.get(`/debate/${b.stepId}/arguments/${inB}`)).statusCode, 200, 'through its own step');
});
