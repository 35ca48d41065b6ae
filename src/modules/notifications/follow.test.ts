// Follow buttons: on project, consultation and debate pages; /follow and /unfollow for logged-in
// people only, with CSRF, on a target that exists and that they may see (else 4xx and nothing
// written); the wanted state, so a double post leaves one row; htmx swaps the widget in place.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { makeApp, type TestApp } from '../../../test/helpers/app.ts';
import { addUser, anonymous, countRows, loginAs, makeProject, makeStep } from '../../../test/helpers/factories.ts';
import { makePlace } from './test-fixtures.ts';

let t: TestApp;
before(async () => (t = await makeApp()));
after(() => t.close());

const follows = (userId: number) => countRows(t, `follows where user_id = ${userId}`);

test('project, consultation and debate pages show the follow button, and visitors a link to log in', async () => {
  const place = makePlace(t.db, addUser(t.db));
  const debate = makeStep(t.db, place.projectId, { type: 'debate', title: 'Faut-il un marché ?' });
  const alice = await loginAs(t);
  const project = await alice.client.get(`/projects/${place.projectSlug}`);
  assert.match(project.body, new RegExp(`<input type="hidden" name="kind" value="project">\\s*<input type="hidden" name="id" value="${place.projectId}">`));
  assert.match(project.body, /Suivre ce projet/);
  const step = await alice.client.get(`/consultation/${place.stepId}`);
  assert.match(step.body, /Suivre cette étape/);
  const debatePage = await alice.client.get(`/debate/${debate}`);
  assert.match(debatePage.body, new RegExp(`name="id" value="${debate}"`));
  const visitor = await anonymous(t);
  const seen = await visitor.get(`/projects/${place.projectSlug}`);
  assert.match(seen.body, /href="\/login\?next=%2Fprojects%2Fsuivi-/);
  assert.doesNotMatch(seen.body, /action="\/follow"/);
});

test('a citizen follows and stops following a project, a step and a contribution; a double post leaves one row', async () => {
  const place = makePlace(t.db, addUser(t.db));
  const alice = await loginAs(t);
  for (const [kind, id, back] of [
    ['project', place.projectId, `/projects/${place.projectSlug}`],
    ['step', place.stepId, `/consultation/${place.stepId}`],
    ['contribution', place.contributionId, `/consultation/${place.stepId}`],
  ] as const) {
    const res = await alice.client.post('/follow', { kind, id: String(id), back });
    assert.equal(res.statusCode, 303, kind);
    assert.equal(res.headers.location, back);
    assert.equal((await alice.client.post('/follow', { kind, id: String(id), back })).statusCode, 303);
  }
  assert.equal(follows(alice.userId), 3);
  const page = await alice.client.get(`/projects/${place.projectSlug}`);
  assert.match(page.body, /Vous suivez désormais ce contenu/);
  assert.match(page.body, /action="\/unfollow"/);
  assert.match(page.body, /Ne plus suivre/);
  const res = await alice.client.post('/unfollow', { kind: 'project', id: String(place.projectId) });
  assert.equal(res.statusCode, 303);
  assert.equal(res.headers.location, `/projects/${place.projectSlug}`, 'without `back`: the target’s page');
  assert.equal(follows(alice.userId), 2);
  assert.equal((await alice.client.post('/unfollow', { kind: 'project', id: String(place.projectId) })).statusCode, 303);
  assert.equal(follows(alice.userId), 2);
  // `back` must be a path of this site.
  const away = await alice.client.post('/follow', { kind: 'project', id: String(place.projectId), back: '//evil.example/' });
  assert.equal(away.headers.location, `/projects/${place.projectSlug}`);
});

test('htmx gets the widget back, in its new state', async () => {
  const place = makePlace(t.db, addUser(t.db));
  const alice = await loginAs(t);
  const res = await alice.client.post('/follow', { kind: 'step', id: String(place.stepId), back: `/consultation/${place.stepId}` }, { 'hx-request': 'true' });
  assert.equal(res.statusCode, 200);
  assert.match(res.body, /^<form class="follow" method="post" action="\/unfollow"/);
  assert.match(res.body, new RegExp(`id="follow-step-${place.stepId}"`));
  assert.doesNotMatch(res.body, /<html/);
});

test('refusals write nothing: anonymous, no CSRF token, bad kind or id, a target that does not exist or is hidden', async () => {
  const author = addUser(t.db);
  const place = makePlace(t.db, author);
  const visitor = await anonymous(t);
  assert.equal((await visitor.post('/follow', { kind: 'project', id: String(place.projectId) })).statusCode, 401);
  const alice = await loginAs(t);
  assert.equal((await alice.client.post('/follow', { kind: 'project', id: String(place.projectId), _csrf: 'forged' })).statusCode, 403);
  const bad = await alice.client.post('/follow', { kind: 'planet', id: '1' });
  assert.equal(bad.statusCode, 400);
  assert.match(bad.body, /Ce que vous voulez suivre n’existe pas/);
  assert.equal((await alice.client.post('/follow', { kind: 'project', id: 'x' })).statusCode, 400);
  assert.equal((await alice.client.post('/follow', { kind: 'step', id: '999999' })).statusCode, 404);
  const draft = makeProject(t.db, { visibility: 'draft' });
  assert.equal((await alice.client.post('/follow', { kind: 'project', id: String(draft) })).statusCode, 404, 'a draft is not revealed');
  const draftStep = makeStep(t.db, draft);
  assert.equal((await alice.client.post('/follow', { kind: 'step', id: String(draftStep) })).statusCode, 404);
  const pending = makePlace(t.db, author, { status: 'pending' });
  assert.equal((await alice.client.post('/follow', { kind: 'contribution', id: String(pending.contributionId) })).statusCode, 404, 'another’s pending contribution');
  const restricted = makePlace(t.db, author, { visibility: 'restricted' });
  assert.equal((await alice.client.post('/follow', { kind: 'contribution', id: String(restricted.contributionId) })).statusCode, 404);
  assert.equal(follows(alice.userId), 0);
  // The message in English too.
  alice.client.cookies.set('lang', 'en');
  const english = await alice.client.post('/follow', { kind: 'step', id: '999999' });
  assert.match(english.body, /What you want to follow does not exist/);
});

test('an author may follow their own pending contribution, and an administrator a draft project', async () => {
  const author = await loginAs(t);
  const pending = makePlace(t.db, author.userId, { status: 'pending' });
  assert.equal((await author.client.post('/follow', { kind: 'contribution', id: String(pending.contributionId) })).statusCode, 303);
  const admin = await loginAs(t, 'admin');
  const draft = makeProject(t.db, { visibility: 'draft' });
  assert.equal((await admin.client.post('/follow', { kind: 'project', id: String(draft) })).statusCode, 303);
  const moderator = await loginAs(t, 'moderator');
  assert.equal((await moderator.client.post('/follow', { kind: 'contribution', id: String(pending.contributionId) })).statusCode, 303, 'moderators see pending contributions');
  assert.equal(follows(author.userId) + follows(admin.userId) + follows(moderator.userId), 3);
});
