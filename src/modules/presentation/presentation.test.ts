// The presentation step page: shown with its project breadcrumb, dates and state; a step of
// another type, a missing step or a step of a hidden project is a 404.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { makeApp, type TestApp } from '../../../test/helpers/app.ts';
import { addUser, makeProject, makeStep, sessionClient } from '../../../test/helpers/factories.ts';

let t: TestApp;
before(async () => (t = await makeApp({ env: { TIME_ZONE: 'Europe/Paris' } })));
after(() => t.close());

/** A project "Plan vélo" with one step "Le diagnostic" (by default a presentation in winter 2026). */
function projectWithStep(visibility: 'public' | 'draft' | 'restricted', step: { type?: string; starts_at?: string | null; ends_at?: string | null; body_md?: string } = {}) {
  const slug = `projet-${Math.random().toString(36).slice(2, 10)}`;
  const stepId = makeStep(t.db, makeProject(t.db, { slug, title: 'Plan vélo', visibility }), {
    type: step.type ?? 'presentation',
    title: 'Le diagnostic',
    body: step.body_md ?? 'Le **diagnostic** complet.',
    starts: step.starts_at === undefined ? '2026-01-15T08:30:00.000Z' : step.starts_at,
    ends: step.ends_at === undefined ? '2026-02-01T17:00:00.000Z' : step.ends_at,
  });
  return { slug, stepId };
}

test('a presentation step shows its title, dates in the instance time zone, state, body and breadcrumb', async () => {
  const { slug, stepId } = projectWithStep('public');
  const res = await t.client().get(`/presentation/${stepId}`);
  assert.equal(res.statusCode, 200);
  assert.match(res.body, /<h1>Le diagnostic<\/h1>/);
  assert.match(res.body, new RegExp(`<a href="/projects/${slug}">Plan vélo</a>`));
  assert.match(res.body, /<span aria-current="page">Le diagnostic<\/span>/);
  assert.match(res.body, /Du 15 janvier 2026 à 09:30 au 1 février 2026 à 18:00/); // UTC+1 in winter
  assert.match(res.body, /Terminé/);
  assert.match(res.body, /Le <strong>diagnostic<\/strong> complet\./);
});

test('an open-ended step is open and says so', async () => {
  const { stepId } = projectWithStep('public', { starts_at: null, ends_at: null });
  const res = await t.client().get(`/presentation/${stepId}`);
  assert.match(res.body, /En cours/);
  assert.match(res.body, /Sans date limite/);
});

test('Markdown in the body comes out inert', async () => {
  const { stepId } = projectWithStep('public', { body_md: '<script>alert(1)</script> [x](javascript:alert(1)) <b hx-get="/x">b</b>' });
  const res = await t.client().get(`/presentation/${stepId}`);
  assert.doesNotMatch(res.body, /<script>alert/);
  assert.doesNotMatch(res.body, /href="javascript:/);
  assert.doesNotMatch(res.body, /<b hx-get/);
});

test('a step of another type, a missing step or a malformed id is a 404', async () => {
  const { stepId } = projectWithStep('public', { type: 'consultation' });
  const c = t.client();
  assert.equal((await c.get(`/presentation/${stepId}`)).statusCode, 404);
  assert.equal((await c.get('/presentation/999999')).statusCode, 404);
  assert.equal((await c.get('/presentation/abc')).statusCode, 404);
});

test('a step of a draft or restricted project is a 404 for those who may not see it', async () => {
  const draft = projectWithStep('draft');
  const restricted = projectWithStep('restricted');
  const citizen = sessionClient(t, addUser(t.db, 'citizen'));
  const admin = sessionClient(t, addUser(t.db, 'admin'));
  for (const { stepId } of [draft, restricted]) {
    assert.equal((await t.client().get(`/presentation/${stepId}`)).statusCode, 404);
    assert.equal((await citizen.get(`/presentation/${stepId}`)).statusCode, 404);
    assert.equal((await admin.get(`/presentation/${stepId}`)).statusCode, 200);
  }
});
