// Reminders: when a step opens, everyone who took part in its project and the followers of the
// step and of the project are told, once; when results are published (a debate's conclusion, or
// the close of a step whose results stand at its close) they are told too. Drafts wait; old news
// is marked, not announced.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { makeApp, type TestApp } from '../../../test/helpers/app.ts';
import { addUser, countRows, daysFromNow, loginAs, makeProject, makeStep } from '../../../test/helpers/factories.ts';
import { write } from '../../db/write.ts';
import { follow } from '../../platform/notifications.ts';
import type { Manifest } from '../../platform/module.ts';
import { announceSteps } from './reminders.ts';

let t: TestApp;
before(async () => (t = await makeApp()));
after(() => t.close());

const minutesAgo = (m: number) => new Date(Date.now() - m * 60_000).toISOString();
const told = (userId: number, kind: string, stepId: number) => countRows(t, `notifications where user_id = ${userId} and kind = '${kind}' and step_id = ${stepId}`);
const takePart = (projectId: number, userId: number) => t.db.sqlite.prepare('insert into project_participants (project_id, user_id) values (?, ?)').run(projectId, userId);

test('when the next step opens, the project’s participants and the step’s followers are told, once each', async () => {
  const projectId = makeProject(t.db);
  makeStep(t.db, projectId, { starts: daysFromNow(-20), ends: daysFromNow(-10) });
  const next = makeStep(t.db, projectId, { type: 'debate', title: 'Deuxième étape', starts: daysFromNow(1), ends: daysFromNow(10) });
  const participant = addUser(t.db);
  takePart(projectId, participant);
  const follower = addUser(t.db);
  write(t.db, (tx) => follow(t.db, tx, follower, { kind: 'step', id: next }));
  const both = addUser(t.db);
  takePart(projectId, both);
  write(t.db, (tx) => follow(t.db, tx, both, { kind: 'project', id: projectId }));
  const stranger = addUser(t.db);

  announceSteps(t.app);
  assert.equal(told(participant, 'step_open', next), 0, 'not before it opens');
  t.db.sqlite.prepare('update steps set starts_at = ? where id = ?').run(minutesAgo(1), next);
  assert.ok(announceSteps(t.app).opened >= 1);
  assert.equal(told(participant, 'step_open', next), 1);
  assert.equal(told(follower, 'step_open', next), 1);
  assert.equal(told(both, 'step_open', next), 1, 'once, though a participant and a follower');
  assert.equal(countRows(t, `notifications where user_id = ${stranger}`), 0);
  assert.equal((t.db.sqlite.prepare('select unread_notifications as n from users where id = ?').get(participant) as { n: number }).n, 1);
  announceSteps(t.app);
  assert.equal(told(participant, 'step_open', next), 1, 'a second run tells nobody twice');

  const page = await loginAs(t, participant);
  assert.match((await page.client.get('/notifications')).body, /L’étape « Deuxième étape » du projet Projet \d+ est ouverte/);
});

test('a draft project’s step waits until the project is published; an opening long past is marked, not announced', () => {
  const draft = makeProject(t.db, { visibility: 'draft' });
  const step = makeStep(t.db, draft, { starts: minutesAgo(5) });
  const participant = addUser(t.db);
  takePart(draft, participant);
  announceSteps(t.app);
  assert.equal(told(participant, 'step_open', step), 0);
  assert.equal((t.db.sqlite.prepare('select opening_announced_at as a from steps where id = ?').get(step) as { a: string | null }).a, null, 'still to announce');
  t.db.sqlite.prepare("update projects set visibility = 'public' where id = ?").run(draft);
  announceSteps(t.app);
  assert.equal(told(participant, 'step_open', step), 1);

  const old = makeProject(t.db);
  const oldStep = makeStep(t.db, old, { starts: daysFromNow(-5), ends: daysFromNow(5) });
  takePart(old, participant);
  announceSteps(t.app);
  assert.equal(told(participant, 'step_open', oldStep), 0);
  assert.notEqual((t.db.sqlite.prepare('select opening_announced_at as a from steps where id = ?').get(oldStep) as { a: string | null }).a, null);
});

test('a debate’s conclusion tells participants and followers that the results are published, once', async () => {
  const projectId = makeProject(t.db);
  const debate = makeStep(t.db, projectId, { type: 'debate', title: 'Un marché le dimanche ?', starts: daysFromNow(-10), ends: daysFromNow(-1) });
  const participant = addUser(t.db);
  takePart(projectId, participant);
  const follower = addUser(t.db);
  write(t.db, (tx) => follow(t.db, tx, follower, { kind: 'step', id: debate }));
  const admin = await loginAs(t, 'admin');
  await admin.client.get(`/debate/${debate}/admin`);
  const res = await admin.client.post(`/debate/${debate}/admin/conclusion`, { conclusion: 'Le marché aura lieu.' });
  assert.equal(res.statusCode, 303);
  assert.equal(told(participant, 'results', debate), 1);
  assert.equal(told(follower, 'results', debate), 1);
  assert.equal(countRows(t, `notifications where user_id = ${admin.userId}`), 0);
  // Editing the conclusion later tells nobody again.
  assert.equal((await admin.client.post(`/debate/${debate}/admin/conclusion`, { conclusion: 'Le marché aura lieu le dimanche.' })).statusCode, 303);
  assert.equal(told(participant, 'results', debate), 1);
  const page = await loginAs(t, follower);
  assert.match((await page.client.get('/notifications')).body, /Les résultats de l’étape « Un marché le dimanche \? » du projet Projet \d+ sont publiés/);
});

test('a step whose results stand at its close announces them when it closes', () => {
  const projectId = makeProject(t.db);
  const step = makeStep(t.db, projectId, { type: 'consultation', starts: daysFromNow(-10), ends: daysFromNow(1) });
  const participant = addUser(t.db);
  takePart(projectId, participant);
  // A module declaring resultsAtClose (the app's manifests plus this one).
  const app = { db: t.db, manifests: [...t.app.manifests.filter((m) => m.slug !== 'consultation'), { slug: 'consultation', step: { resultsAtClose: true } } as Manifest] };
  announceSteps(app);
  assert.equal(told(participant, 'results', step), 0, 'still open');
  t.db.sqlite.prepare('update steps set ends_at = ? where id = ?').run(minutesAgo(1), step);
  assert.ok(announceSteps(app).results >= 1);
  assert.equal(told(participant, 'results', step), 1);
  announceSteps(app);
  assert.equal(told(participant, 'results', step), 1);
});
