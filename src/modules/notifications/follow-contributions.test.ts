// Following a single contribution from its own page: the consultation item's permalink shows the
// deferred follow button (loaded by htmx from GET /follow, a small page of its own without
// JavaScript), for logged-in people only and only on a published contribution; GET /follow
// refuses visitors, bad input and what this person may not see; and a follower is told of the
// comments on it.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { makeApp, type TestApp } from '../../../test/helpers/app.ts';
import { addUser, anonymous, countRows, loginAs } from '../../../test/helpers/factories.ts';
import { makeItemPlace } from './test-fixtures.ts';

let t: TestApp;
before(async () => (t = await makeApp()));
after(() => t.close());

const itemUrl = (p: { stepId: number; contributionId: number }) => `/consultation/${p.stepId}/items/${p.contributionId}`;
const followUrl = (id: number, back: string) => `/follow?${new URLSearchParams({ kind: 'contribution', id: String(id), back })}`;
const htmx = { 'hx-request': 'true' };

test('a contribution’s page loads its follow button for logged-in people, and visitors get a link to log in', async () => {
  const place = makeItemPlace(t.db, addUser(t.db));
  const url = itemUrl(place);
  const alice = await loginAs(t);
  const page = await alice.client.get(url);
  assert.equal(page.statusCode, 200);
  const deferred = followUrl(place.contributionId, url).replace(/&/g, '&amp;');
  assert.ok(page.body.includes(`data-hx-get="${deferred}" data-hx-trigger="load"`), 'htmx loads the button in place');
  assert.ok(page.body.includes(`<a href="${deferred}">Suivre cette contribution</a>`), 'without JavaScript: a link to its page');
  const visitor = await anonymous(t);
  const seen = await visitor.get(url);
  assert.ok(seen.body.includes(`href="/login?next=${encodeURIComponent(url)}"`));
  assert.doesNotMatch(seen.body, /data-hx-get="\/follow/);
});

test('a contribution that is not published shows no follow button, even to its author', async () => {
  const author = await loginAs(t);
  const place = makeItemPlace(t.db, author.userId, { status: 'pending' });
  const page = await author.client.get(itemUrl(place));
  assert.equal(page.statusCode, 200);
  assert.doesNotMatch(page.body, /\/follow\?/);
});

test('GET /follow: the page says what following brings and shows the button with the person’s state, in French and in English', async () => {
  const place = makeItemPlace(t.db, addUser(t.db));
  const back = itemUrl(place);
  const alice = await loginAs(t);
  const page = await alice.client.get(followUrl(place.contributionId, back));
  assert.equal(page.statusCode, 200);
  assert.match(page.body, /<h1>Suivre cette contribution<\/h1>/);
  assert.match(page.body, /une notification à chaque nouveauté/);
  assert.match(page.body, new RegExp(`<input type="hidden" name="kind" value="contribution">\\s*<input type="hidden" name="id" value="${place.contributionId}">\\s*<input type="hidden" name="back" value="${back}">`));
  assert.ok(page.body.includes(`<a href="${back}">Revenir à la page</a>`));
  // Following from it brings the person back to the contribution, which they now follow.
  const res = await alice.client.post('/follow', { kind: 'contribution', id: String(place.contributionId), back });
  assert.equal(res.statusCode, 303);
  assert.equal(res.headers.location, back);
  assert.equal(countRows(t, `follows where user_id = ${alice.userId} and target_kind = 'contribution' and target_id = ${place.contributionId}`), 1);
  await alice.client.get('/lang/en');
  const english = await alice.client.get(followUrl(place.contributionId, back));
  assert.match(english.body, /<h1>Follow this contribution<\/h1>/);
  assert.match(english.body, /You follow this/);
  assert.match(english.body, /action="\/unfollow"/);
  assert.match(english.body, /Back to the page/);
});

test('GET /follow from htmx answers the button alone, with the person’s state', async () => {
  const place = makeItemPlace(t.db, addUser(t.db));
  const alice = await loginAs(t);
  const fragment = await alice.client.get(followUrl(place.contributionId, itemUrl(place)), htmx);
  assert.equal(fragment.statusCode, 200);
  assert.doesNotMatch(fragment.body, /<html/);
  assert.match(fragment.body, /^<form class="follow" method="post" action="\/follow"/);
  await alice.client.post('/follow', { kind: 'contribution', id: String(place.contributionId) });
  const following = await alice.client.get(followUrl(place.contributionId, itemUrl(place)), htmx);
  assert.match(following.body, /action="\/unfollow"/);
  assert.match(following.body, /Ne plus suivre/);
});

test('GET /follow: visitors are sent to log in, bad input is a 400 in the person’s language, what they may not see a 404', async () => {
  const author = addUser(t.db);
  const place = makeItemPlace(t.db, author);
  const url = followUrl(place.contributionId, itemUrl(place));
  const visitor = await anonymous(t);
  const res = await visitor.get(url);
  assert.equal(res.statusCode, 303);
  assert.equal(res.headers.location, `/login?next=${encodeURIComponent(url)}`);
  const alice = await loginAs(t);
  for (const bad of ['/follow', '/follow?kind=comment&id=1', '/follow?kind=contribution&id=abc', '/follow?kind=contribution&id=-3']) {
    const refused = await alice.client.get(bad);
    assert.equal(refused.statusCode, 400, bad);
    assert.match(refused.body, /Ce que vous voulez suivre n’existe pas/);
  }
  const draft = makeItemPlace(t.db, author, { visibility: 'draft' });
  const pending = makeItemPlace(t.db, author, { status: 'pending' });
  const hidden = makeItemPlace(t.db, author, { status: 'hidden' });
  for (const id of [999999, draft.contributionId, pending.contributionId, hidden.contributionId]) {
    assert.equal((await alice.client.get(followUrl(id, '/'))).statusCode, 404, String(id));
  }
  // An outside `back` is replaced by the contribution's page.
  const away = await alice.client.get(followUrl(place.contributionId, '//evil.example/'));
  assert.ok(away.body.includes(`<input type="hidden" name="back" value="${itemUrl(place)}">`));
  await alice.client.get('/lang/en');
  assert.match((await alice.client.get('/follow?kind=step&id=x')).body, /What you want to follow does not exist/);
  assert.equal(countRows(t, `follows where user_id = ${alice.userId}`), 0, 'nothing written by reading');
});

test('a follower of a contribution is told of the comments on it, and of the replies to them', async () => {
  const author = addUser(t.db, 'citizen', { name: 'Camille Autrice' });
  const place = makeItemPlace(t.db, author);
  const follower = await loginAs(t);
  await follower.client.post('/follow', { kind: 'contribution', id: String(place.contributionId) });
  const other = await loginAs(t, 'citizen', { name: 'Dominique Commentatrice' });
  const posted = await other.client.post(`/comments/${place.contributionId}`, { comment: 'Bonne idée, à condition d’ajouter de l’ombre.' });
  assert.equal(posted.statusCode, 303);
  const list = await follower.client.get('/notifications');
  assert.match(list.body, /Dominique Commentatrice a commenté « Un avis \d+ »/);
  await follower.client.get('/lang/en');
  assert.match((await follower.client.get('/notifications')).body, /Dominique Commentatrice commented on “Un avis \d+”/);
  // Who stops following hears no more.
  await follower.client.post('/unfollow', { kind: 'contribution', id: String(place.contributionId) });
  const before = countRows(t, `notifications where user_id = ${follower.userId}`);
  await other.client.post(`/comments/${place.contributionId}`, { comment: 'Et des bancs.' });
  assert.equal(countRows(t, `notifications where user_id = ${follower.userId}`), before);
});
