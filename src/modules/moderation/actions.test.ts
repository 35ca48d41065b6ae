// The moderators' actions on a contribution: hide (with a reason the public reads), restore,
// trash, approve, dismiss the reports, edit personal data out. Who may (moderators,
// administrators) and who may not (anonymous, citizens), the CSRF token, refused input (422, its
// message in French and English, nothing written), actions that no longer apply (409), the log
// row of each action, and the debate's counters moved in the same write.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { makeApp, type TestApp } from '../../../test/helpers/app.ts';
import { addUser, anonymous, countRows, loginAs } from '../../../test/helpers/factories.ts';
import { addArgument, addReport, debateCounts, makeModeratedStep, openReports, statusOf } from './test-fixtures.ts';

let t: TestApp;
before(async () => (t = await makeApp()));
after(() => t.close());

const ACTIONS = ['hide', 'restore', 'trash', 'approve', 'dismiss', 'edit'] as const;
const logRows = () => countRows(t, 'moderation_log');
const snapshot = (id: number) => JSON.stringify({ c: statusOf(t.db, id), log: logRows(), open: openReports(t.db, id), notes: countRows(t, 'notifications') });

test('the queue, an item page and every action: anonymous people go to log in (401 on POST), citizens get 403, nothing written', async () => {
  const s = makeModeratedStep(t.db);
  const id = addArgument(t.db, s, addUser(t.db));
  addReport(t.db, id, addUser(t.db));
  const anon = await anonymous(t);
  for (const url of ['/moderation', `/moderation/items/${id}`, '/moderation/log']) {
    const res = await anon.get(url);
    assert.equal(res.statusCode, 303, url);
    assert.match(String(res.headers.location), /^\/login/);
  }
  const citizen = await loginAs(t);
  for (const url of ['/moderation', `/moderation/items/${id}`, '/moderation/log']) assert.equal((await citizen.client.get(url)).statusCode, 403, url);
  const before = snapshot(id);
  for (const a of ACTIONS) {
    assert.equal((await anon.post(`/moderation/items/${id}/${a}`, { hide_motive: 'x', body: 'y' })).statusCode, 401, a);
    assert.equal((await citizen.client.post(`/moderation/items/${id}/${a}`, { hide_motive: 'x', body: 'y' })).statusCode, 403, a);
  }
  assert.equal(snapshot(id), before);
});

test('moderators and administrators see the queue, most reported first then newest report, with reasons and no count', async () => {
  const s = makeModeratedStep(t.db);
  const once = addArgument(t.db, s, addUser(t.db), { body: 'Signalé une fois' });
  const twice = addArgument(t.db, s, addUser(t.db), { body: 'Signalé deux fois' });
  const recent = addArgument(t.db, s, addUser(t.db), { body: 'Signalé récemment' });
  addReport(t.db, once, addUser(t.db), 'spam', '2026-01-01T10:00:00.000Z');
  addReport(t.db, twice, addUser(t.db), 'offensive', '2026-01-01T09:00:00.000Z');
  addReport(t.db, twice, addUser(t.db), 'offensive', '2026-01-01T09:30:00.000Z');
  addReport(t.db, recent, addUser(t.db), 'personal_data', '2030-01-01T10:00:00.000Z');
  for (const role of ['moderator', 'admin'] as const) {
    const { client } = await loginAs(t, role);
    const page = await client.get('/moderation');
    assert.equal(page.statusCode, 200, role);
    const at = (id: number) => page.body.indexOf(`id="queue-${id}"`);
    assert.ok(at(twice) >= 0 && at(recent) >= 0 && at(once) >= 0);
    assert.ok(at(twice) < at(recent) && at(recent) < at(once), 'most reported, then newest report');
    assert.match(page.body, /2 signalements/);
    assert.match(page.body, /Propos injurieux ou haineux \(2\)/);
    assert.equal(/Journal de modération/.test(page.body), role === 'admin', 'the log is linked for administrators only');
  }
  const { client } = await loginAs(t, 'moderator');
  await client.get('/lang/en');
  const en = await client.get('/moderation');
  assert.match(en.body, /<h1>Moderation queue<\/h1>/);
  assert.match(en.body, /Offensive or hateful \(2\)/);
});

test('hiding needs a reason: 422 with its message in both languages, nothing written; then hidden, logged, reports closed, counters moved', async () => {
  const s = makeModeratedStep(t.db);
  const visitor = t.client();
  const { client: author, userId: authorId } = await loginAs(t);
  const posted = await author.post(`/debate/${s.stepId}/arguments`, { side: 'for', body: 'Un texte *injurieux*.' });
  const id = Number(/#argument-(\d+)$/.exec(String(posted.headers.location))?.[1]);
  addReport(t.db, id, addUser(t.db), 'offensive');
  assert.deepEqual(debateCounts(t.db, s), { argumentsFor: 1, publishedFor: 1, stepContributions: 1, projectContributions: 1 });
  const { client, userId: modId } = await loginAs(t, 'moderator');
  const page = await client.get(`/moderation/items/${id}`);
  assert.equal(page.statusCode, 200);
  for (const a of ['hide', 'trash', 'dismiss']) assert.match(page.body, new RegExp(`action="/moderation/items/${id}/${a}"`));
  assert.doesNotMatch(page.body, new RegExp(`action="/moderation/items/${id}/(approve|restore)"`));
  assert.doesNotMatch(page.body, /suspend-author/, 'suspending is for administrators');

  const before = snapshot(id);
  const refused = await client.post(`/moderation/items/${id}/hide`, { hide_motive: '   ' });
  assert.equal(refused.statusCode, 422);
  assert.match(refused.body, /Donnez le motif : le public le lira/);
  assert.match(refused.body, /aria-invalid="true"/);
  assert.equal((await client.post(`/moderation/items/${id}/hide`, { hide_motive: 'x'.repeat(501) })).statusCode, 422);
  await client.get('/lang/en');
  assert.match((await client.post(`/moderation/items/${id}/hide`, {})).body, /Give the reason: the public will read it/);
  await client.get('/lang/fr');
  assert.equal((await client.post(`/moderation/items/${id}/hide`, { hide_motive: 'Insultes', _csrf: 'forged' })).statusCode, 403);
  assert.equal(snapshot(id), before);

  const hidden = await client.post(`/moderation/items/${id}/hide`, { hide_motive: 'Propos insultants envers un voisin' });
  assert.equal(hidden.statusCode, 303);
  assert.equal(hidden.headers.location, '/moderation');
  assert.deepEqual({ ...statusOf(t.db, id), body_md: undefined, title: undefined }, { status: 'hidden', moderation_reason: 'Propos insultants envers un voisin', body_md: undefined, title: undefined });
  assert.equal(openReports(t.db, id), 0);
  assert.equal(countRows(t, `moderation_reports where contribution_id = ${id} and closed_at is null`), 0);
  const log = t.db.sqlite.prepare('select moderator_id, action, subject_id, from_status, to_status, reason from moderation_log where contribution_id = ?').get(id);
  assert.deepEqual(log, { moderator_id: modId, action: 'hide', subject_id: authorId, from_status: 'published', to_status: 'hidden', reason: 'Propos insultants envers un voisin' });
  assert.deepEqual(debateCounts(t.db, s), { argumentsFor: 0, publishedFor: 0, stepContributions: 0, projectContributions: 0 });

  // The public: absent from the list and its count; the permalink says why, not what.
  const list = await visitor.get(`/debate/${s.stepId}`);
  assert.doesNotMatch(list.body, /injurieux/);
  assert.match(list.body, /Pour \(0\)/);
  const permalink = await visitor.get(`/debate/${s.stepId}/arguments/${id}`);
  assert.equal(permalink.statusCode, 200);
  assert.match(permalink.body, /Masqué par la modération\./);
  assert.match(permalink.body, /Motif : Propos insultants envers un voisin/);
  assert.doesNotMatch(permalink.body, /injurieux/);
  // Its author still reads it, with the reason.
  const own = await author.get(`/debate/${s.stepId}/arguments/${id}`);
  assert.match(own.body, /<em>injurieux<\/em>/);
  assert.match(own.body, /Motif : Propos insultants envers un voisin/);

  // A second click finds nothing to do: 409, nothing written.
  const twice = snapshot(id);
  const again = await client.post(`/moderation/items/${id}/hide`, { hide_motive: 'Encore' });
  assert.equal(again.statusCode, 409);
  assert.match(again.body, /Cette action ne s’applique plus/);
  assert.equal(snapshot(id), twice);

  // Restored: published again, counted again, the reason gone.
  const restored = await client.post(`/moderation/items/${id}/restore`, {});
  assert.equal(restored.statusCode, 303);
  assert.deepEqual([statusOf(t.db, id).status, statusOf(t.db, id).moderation_reason], ['published', null]);
  assert.deepEqual(debateCounts(t.db, s), { argumentsFor: 1, publishedFor: 1, stepContributions: 1, projectContributions: 1 });
  assert.match((await visitor.get(`/debate/${s.stepId}`)).body, /<em>injurieux<\/em>/);
});

test('trash and restore by an administrator; dismiss keeps it published; counters always match the rows', async () => {
  const s = makeModeratedStep(t.db);
  const { client: author } = await loginAs(t);
  const posted = await author.post(`/debate/${s.stepId}/arguments`, { side: 'for', body: 'Achetez mes montres.' });
  const id = Number(/#argument-(\d+)$/.exec(String(posted.headers.location))?.[1]);
  const { client } = await loginAs(t, 'admin');
  addReport(t.db, id, addUser(t.db));
  assert.equal((await client.post(`/moderation/items/${id}/dismiss`, { dismiss_motive: 'Rien à redire' })).statusCode, 303);
  assert.equal(statusOf(t.db, id).status, 'published');
  assert.equal(openReports(t.db, id), 0);
  assert.equal((await client.post(`/moderation/items/${id}/dismiss`, {})).statusCode, 409, 'no open report left to dismiss');
  assert.equal((await client.post(`/moderation/items/${id}/approve`, {})).statusCode, 409, 'nothing waits');
  assert.equal((await client.post(`/moderation/items/${id}/trash`, { trash_motive: 'Spam' })).statusCode, 303);
  assert.equal(statusOf(t.db, id).status, 'trashed');
  let k = debateCounts(t.db, s);
  assert.deepEqual([k.argumentsFor, k.stepContributions], [k.publishedFor, 0]);
  assert.equal((await t.client().get(`/debate/${s.stepId}/arguments/${id}`)).statusCode, 404, 'trashed: gone for the public');
  assert.equal((await author.get(`/debate/${s.stepId}/arguments/${id}`)).statusCode, 404, 'and for its author');
  assert.equal((await client.post(`/moderation/items/${id}/restore`, {})).statusCode, 303);
  k = debateCounts(t.db, s);
  assert.deepEqual([k.argumentsFor, k.publishedFor, k.stepContributions], [1, 1, 1]);
  const actions = (t.db.sqlite.prepare('select action from moderation_log where contribution_id = ? order by id').all(id) as { action: string }[]).map((r) => r.action);
  assert.deepEqual(actions, ['dismiss', 'trash', 'restore']);
});

test('pre-moderation: a new argument waits, visible to its author only, uncounted, until a moderator approves it', async () => {
  const s = makeModeratedStep(t.db, { premoderation: true });
  const follower = addUser(t.db);
  t.db.sqlite.prepare("insert into follows (user_id, target_kind, target_id, created_at) values (?, 'step', ?, ?)").run(follower, s.stepId, new Date().toISOString());
  const announced = (id: number) => countRows(t, `notifications where kind = 'new_contribution' and user_id = ${follower} and contribution_id = ${id}`);
  const { client: author } = await loginAs(t);
  const posted = await author.post(`/debate/${s.stepId}/arguments`, { side: 'for', body: 'Plantons des tilleuls.' });
  assert.equal(posted.statusCode, 303);
  const id = Number(/arguments\/(\d+)$/.exec(String(posted.headers.location))?.[1]);
  assert.equal(statusOf(t.db, id).status, 'pending');
  assert.deepEqual(debateCounts(t.db, s), { argumentsFor: 0, publishedFor: 0, stepContributions: 0, projectContributions: 0 });
  assert.equal(announced(id), 0, 'nobody hears of a pending argument');
  const own = await author.get(posted.headers.location!);
  assert.match(own.body, /sera publié dès qu’un modérateur l’aura validé/);
  assert.match(own.body, /En attente de validation : pour l’instant, vous seul·e pouvez le voir/);
  assert.match(own.body, /Plantons des tilleuls/);
  assert.equal((await t.client().get(`/debate/${s.stepId}/arguments/${id}`)).statusCode, 404);
  assert.doesNotMatch((await t.client().get(`/debate/${s.stepId}`)).body, /tilleuls/);

  const { client } = await loginAs(t, 'moderator');
  const queue = await client.get('/moderation?tab=pending');
  assert.match(queue.body, new RegExp(`id="queue-${id}"`));
  assert.doesNotMatch((await client.get('/moderation')).body, new RegExp(`id="queue-${id}"`), 'not in the reported tab');
  const approved = await client.post(`/moderation/items/${id}/approve`, {});
  assert.equal(approved.statusCode, 303);
  assert.equal(approved.headers.location, '/moderation?tab=pending');
  assert.equal(statusOf(t.db, id).status, 'published');
  assert.deepEqual(debateCounts(t.db, s), { argumentsFor: 1, publishedFor: 1, stepContributions: 1, projectContributions: 1 });
  assert.match((await t.client().get(`/debate/${s.stepId}`)).body, /tilleuls/);
  assert.equal(announced(id), 1, 'the step’s followers hear of it once approved');
  assert.equal((t.db.sqlite.prepare("select count(*) as n from notifications where kind = 'moderated'").get() as { n: number }).n >= 1, true, 'its author is told');
});

test('editing personal data out: the original stays in the log (administrators only), pages say "edited by moderation"', async () => {
  const s = makeModeratedStep(t.db);
  const authorId = addUser(t.db);
  const id = addArgument(t.db, s, authorId, { body: 'Appelez Jean au 06 12 34 56 78.' });
  const { client } = await loginAs(t, 'moderator');
  const before = snapshot(id);
  const unchanged = await client.post(`/moderation/items/${id}/edit`, { body: 'Appelez Jean au 06 12 34 56 78.' });
  assert.equal(unchanged.statusCode, 422);
  assert.match(unchanged.body, /Le texte n’a pas changé/);
  const empty = await client.post(`/moderation/items/${id}/edit`, { body: '' });
  assert.equal(empty.statusCode, 422);
  assert.equal((await client.post(`/moderation/items/${id}/edit`, { body: 'x'.repeat(20001) })).statusCode, 422);
  assert.equal((await client.post(`/moderation/items/${id}/edit`, { body: 'Appelez Jean.', _csrf: 'forged' })).statusCode, 403);
  assert.equal(snapshot(id), before);
  const done = await client.post(`/moderation/items/${id}/edit`, { body: 'Appelez Jean [numéro retiré].' });
  assert.equal(done.statusCode, 303);
  assert.equal(statusOf(t.db, id).body_md, 'Appelez Jean [numéro retiré].');
  const log = t.db.sqlite.prepare("select original_body, subject_id from moderation_log where contribution_id = ? and action = 'edit'").get(id);
  assert.deepEqual(log, { original_body: 'Appelez Jean au 06 12 34 56 78.', subject_id: authorId });
  const publicPage = await t.client().get(`/debate/${s.stepId}/arguments/${id}`);
  assert.match(publicPage.body, /modifié par la modération/);
  assert.doesNotMatch(publicPage.body, /06 12 34/);
  assert.match((await t.client().get(`/debate/${s.stepId}`)).body, /modifié par la modération/);
  assert.doesNotMatch((await client.get(`/moderation/items/${id}`)).body, /06 12 34/, 'moderators do not read the original');
  const admin = await loginAs(t, 'admin');
  assert.match((await admin.client.get(`/moderation/items/${id}`)).body, /06 12 34 56 78/);
  const logPage = await admin.client.get('/moderation/log');
  assert.equal(logPage.statusCode, 200);
  assert.match(logPage.body, /Données personnelles retirées/);
  assert.match(logPage.body, /06 12 34 56 78/);
  assert.equal((await client.get('/moderation/log')).statusCode, 403, 'the log is for administrators');
});
