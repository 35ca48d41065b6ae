// Reading a thread: three sorts, pages of 20 found without counting rows, the first replies of
// each comment and all of them on the comment's page, the fragment htmx loads into the
// contribution's page, the author's own pending comments, and the English interface.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { makeApp, type TestApp } from '../../../test/helpers/app.ts';
import { addUser, anonymous, loginAs } from '../../../test/helpers/factories.ts';
import { addComment, makeThread } from './test-fixtures.ts';
import { PAGE_SIZE, REPLIES_SHOWN } from './rules.ts';

let t: TestApp;
before(async () => (t = await makeApp()));
after(() => t.close());

/** The ids of the top-level comments of a thread page, in page order. */
const topIds = (html: string) => [...html.replace(/<ol class="comment-replies">[\s\S]*?<\/ol>/g, '').matchAll(/<li class="comment[^"]*" id="comment-(\d+)">/g)].map((m) => Number(m[1]));

test('three sorts: newest first by default, oldest, most useful', async () => {
  const d = makeThread(t.db, addUser(t.db));
  const author = addUser(t.db);
  const a = addComment(t.db, d, author, { useful: 1 });
  const b = addComment(t.db, d, author, { useful: 5 });
  const c = addComment(t.db, d, author, { useful: 3 });
  const client = await anonymous(t);
  const order = async (query: string) => topIds((await client.get(`/comments/${d.targetId}${query}`)).body).filter((id) => [a, b, c].includes(id));
  assert.deepEqual(await order(''), [c, b, a]);
  assert.deepEqual(await order('?sort=newest'), [c, b, a]);
  assert.deepEqual(await order('?sort=oldest'), [a, b, c]);
  assert.deepEqual(await order('?sort=useful'), [b, c, a]);
  assert.deepEqual(await order('?sort=nonsense'), [c, b, a], 'an unknown sort is the default');
  const page = (await client.get(`/comments/${d.targetId}?sort=useful`)).body;
  assert.match(page, /href="\/comments\/\d+\?sort=useful"[^>]* aria-current="true"/);
});

test('pages of twenty: a next link only when there is more, nothing counted', async () => {
  const d = makeThread(t.db, addUser(t.db));
  const author = addUser(t.db);
  const ids = Array.from({ length: PAGE_SIZE + 1 }, () => addComment(t.db, d, author));
  const client = await anonymous(t);
  const first = (await client.get(`/comments/${d.targetId}?sort=oldest`)).body;
  assert.equal(topIds(first).length, PAGE_SIZE);
  assert.match(first, /rel="next"/);
  assert.doesNotMatch(first, /rel="prev"/);
  const second = (await client.get(`/comments/${d.targetId}?sort=oldest&page=2`)).body;
  assert.deepEqual(topIds(second), [ids[PAGE_SIZE]]);
  assert.doesNotMatch(second, /rel="next"/);
  assert.match(second, /rel="prev"/);
  const beyond = await client.get(`/comments/${d.targetId}?page=9`);
  assert.equal(beyond.statusCode, 200);
  assert.match(beyond.body, /Il n’y a pas d’autre commentaire/);
  assert.equal((await client.get(`/comments/${d.targetId}?page=-3`)).statusCode, 200, 'an unreadable page is page 1');
});

test('a thread shows each comment’s first replies; the comment’s page shows them all', async () => {
  const d = makeThread(t.db, addUser(t.db));
  const author = addUser(t.db);
  const top = addComment(t.db, d, author);
  t.db.sqlite.prepare('update comments_items set replies_count = ? where contribution_id = ?').run(REPLIES_SHOWN + 2, top);
  const replies = Array.from({ length: REPLIES_SHOWN + 2 }, (_, i) => addComment(t.db, d, author, { replyTo: top, body: `Réponse numéro ${i}` }));
  const client = await anonymous(t);
  const thread = (await client.get(`/comments/${d.targetId}`)).body;
  for (const id of replies.slice(0, REPLIES_SHOWN)) assert.match(thread, new RegExp(`id="comment-${id}"`));
  for (const id of replies.slice(REPLIES_SHOWN)) assert.doesNotMatch(thread, new RegExp(`id="comment-${id}"`));
  assert.match(thread, new RegExp(`href="/comments/${d.targetId}/${top}"[^>]*>[^<]*5`), 'a link to all five replies');
  const page = await client.get(`/comments/${d.targetId}/${top}`);
  assert.equal(page.statusCode, 200);
  for (const id of replies) assert.match(page.body, new RegExp(`id="comment-${id}"`));
  assert.doesNotMatch(page.body, /\/replies"/, 'no reply form for a visitor');
  assert.match(page.body, /href="\/login/, 'but an invitation to log in');
  const { client: member } = await loginAs(t);
  assert.match((await member.get(`/comments/${d.targetId}/${top}`)).body, new RegExp(`action="/comments/${d.targetId}/${top}/replies"`));
  // A reply's own permalink leads to its comment's page, at the reply.
  assert.equal((await client.get(`/comments/${d.targetId}/${replies[4]}`)).statusCode, 200);
});

test('htmx gets the thread alone, to load into the contribution’s page', async () => {
  const d = makeThread(t.db, addUser(t.db));
  const id = addComment(t.db, d, addUser(t.db), { body: 'Visible dans la page' });
  const client = await anonymous(t);
  const fragment = await client.get(`/comments/${d.targetId}?embed=1`, { 'HX-Request': 'true' });
  assert.equal(fragment.statusCode, 200);
  assert.match(fragment.body, /^<div id="comments-thread"/);
  assert.doesNotMatch(fragment.body, /<html/);
  assert.match(fragment.body, new RegExp(`id="comment-${id}"`));
  assert.match(fragment.body, /<h3 id="comment-new-title">/, 'headings under the contribution’s own');
  const whole = await client.get(`/comments/${d.targetId}?embed=1`);
  assert.match(whole.body, /<html/, 'embed without htmx is the whole page');
});

test('its author sees their own pending comment, marked so; nobody else does', async () => {
  const d = makeThread(t.db, addUser(t.db), { premoderation: true });
  const alice = await loginAs(t);
  const res = await alice.client.post(`/comments/${d.targetId}`, { comment: 'En attente de modération' });
  assert.equal(res.statusCode, 303);
  const id = Number(/#comment-(\d+)$/.exec(res.headers.location ?? '')?.[1]);
  assert.equal((t.db.sqlite.prepare('select status from contributions where id = ?').get(id) as { status: string }).status, 'pending');
  assert.equal((t.db.sqlite.prepare('select comments_count as n from contributions where id = ?').get(d.targetId) as { n: number }).n, 0, 'not counted while pending');
  const own = (await alice.client.get(`/comments/${d.targetId}`)).body;
  assert.match(own, new RegExp(`id="comment-${id}"`));
  assert.match(own, /attente/i);
  const visitor = (await (await anonymous(t)).get(`/comments/${d.targetId}`)).body;
  assert.doesNotMatch(visitor, /En attente de modération/);
  const bob = await loginAs(t);
  assert.equal((await bob.client.get(`/comments/${d.targetId}/${id}`)).statusCode, 404);
});

test('the thread in English', async () => {
  const d = makeThread(t.db, addUser(t.db));
  addComment(t.db, d, addUser(t.db));
  const { client } = await loginAs(t);
  await client.get('/lang/en');
  const page = await client.get(`/comments/${d.targetId}`);
  assert.equal(page.statusCode, 200);
  assert.match(page.body, /<html lang="en"/);
  assert.match(page.body, /Your comment/);
  assert.doesNotMatch(page.body, /Votre commentaire|commentaires/);
});
