// Logging in and out: good and bad credentials, suspended and deleted accounts (rate limits:
// rate-limits.test.ts).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { makeApp, type TestApp } from '../../../test/helpers/app.ts';
import { write } from '../../db/write.ts';
import { PASSWORD, addUserWithPassword, countRows as count, loginThroughForm, uniqueEmail } from '../../../test/helpers/factories.ts';
import { snapshot } from './test-support.ts';

let t: TestApp;
before(async () => (t = await makeApp()));
after(() => t.close());

test('logging in opens a session and goes to the local page asked for, never to another site', async () => {
  const { email } = await addUserWithPassword(t.db);
  const c = t.client();
  const page = await c.get('/login?next=/account/profile');
  assert.match(page.body, /name="next" value="\/account\/profile"/);
  const before = count(t, 'sessions');
  const res = await c.post('/login', { email: email.toUpperCase(), password: PASSWORD, next: '/account/profile' });
  assert.equal(res.statusCode, 303);
  assert.equal(res.headers.location, '/account/profile');
  assert.equal(count(t, 'sessions'), before + 1);
  assert.equal((await c.get('/account/profile')).statusCode, 200);

  const other = t.client();
  await other.get('/login');
  const evil = await other.post('/login', { email, password: PASSWORD, next: '//evil.example/x' });
  assert.equal(evil.headers.location, '/');
});

test('logging in again replaces the session of this browser', async () => {
  const { email } = await addUserWithPassword(t.db);
  const c = t.client();
  await loginThroughForm(c, email);
  const before = count(t, 'sessions');
  await c.get('/login');
  // Already logged in: the login page goes straight to the account.
  const page = await c.get('/login');
  assert.equal(page.statusCode, 303);
  assert.equal(page.headers.location, '/account');
  const res = await c.post('/login', { email, password: PASSWORD });
  assert.equal(res.statusCode, 303);
  assert.equal(count(t, 'sessions'), before);
});

test('a wrong password and an unknown address get the same generic 422 answer and open no session', async () => {
  const { email } = await addUserWithPassword(t.db);
  const bodies = [];
  for (const body of [{ email, password: 'not the password' }, { email: uniqueEmail('nobody'), password: 'not the password' }]) {
    const c = t.client();
    const before = snapshot(t);
    const res = await c.submit('/login', body);
    assert.equal(res.statusCode, 422);
    assert.match(res.body, /Adresse e-mail ou mot de passe incorrect/);
    assert.doesNotMatch(res.body, /not the password/);
    assert.deepEqual(snapshot(t), before);
    bodies.push(res.body.replace(/value="[^"]*@example.org"/, '').replace(/name="_csrf" value="[^"]+"|"X-CSRF-Token": "[^"]+"/g, ''));
  }
  assert.equal(bodies[0], bodies[1]);
});

test('empty, oversized and CSRF-less login attempts are refused and open no session', async () => {
  const { email } = await addUserWithPassword(t.db);
  const before = snapshot(t);
  const empty = await t.client().submit('/login', { email: '', password: '' });
  assert.equal(empty.statusCode, 422);
  assert.match(empty.body, /Ce champ est obligatoire/);
  const long = await t.client().submit('/login', { email: `${'a'.repeat(300)}@example.org`, password: PASSWORD });
  assert.equal(long.statusCode, 422);
  const c = t.client();
  await c.get('/login');
  const forged = await c.post('/login', { email, password: PASSWORD, _csrf: 'forged' });
  assert.equal(forged.statusCode, 403);
  const missing = await c.post('/login', { email, password: PASSWORD, _csrf: '' });
  assert.equal(missing.statusCode, 403);
  assert.deepEqual(snapshot(t), before);
});

test('a suspended account gets a clear 403 message, in French and in English, and no session', async () => {
  const { id, email } = await addUserWithPassword(t.db);
  write(t.db, (tx) => tx.run(t.db.updateTable('users').set({ suspended_at: new Date().toISOString() }).where('id', '=', id)));
  const before = snapshot(t, id);
  const c = t.client();
  const fr = await c.submit('/login', { email, password: PASSWORD });
  assert.equal(fr.statusCode, 403);
  assert.match(fr.body, /Ce compte est suspendu/);
  await c.get('/lang/en');
  const en = await c.submit('/login', { email, password: PASSWORD });
  assert.equal(en.statusCode, 403);
  assert.match(en.body, /This account is suspended/);
  // Without the password, nothing tells that the account exists or is suspended.
  const guess = await t.client().submit('/login', { email, password: 'a wrong guess' });
  assert.equal(guess.statusCode, 422);
  assert.doesNotMatch(guess.body, /suspendu/);
  assert.deepEqual(snapshot(t, id), before);
});

test('English speakers get the generic login error in English', async () => {
  const c = t.client();
  await c.get('/lang/en');
  const res = await c.submit('/login', { email: uniqueEmail(), password: 'whatever it is' });
  assert.equal(res.statusCode, 422);
  assert.match(res.body, /Wrong email address or password/);
});

test('logging out ends the session and clears the cookie; without a session it only goes home', async () => {
  const { email } = await addUserWithPassword(t.db);
  const c = t.client();
  await loginThroughForm(c, email);
  const before = count(t, 'sessions');
  const res = await c.post('/logout', {});
  assert.equal(res.statusCode, 303);
  assert.equal(res.headers.location, '/');
  assert.equal(count(t, 'sessions'), before - 1);
  assert.match((await c.get('/')).body, /Vous êtes déconnecté/);
  assert.equal((await c.get('/account')).statusCode, 303);

  const anonymous = t.client();
  await anonymous.get('/login');
  const nobody = await anonymous.post('/logout', {});
  assert.equal(nobody.statusCode, 303);
  assert.equal(count(t, 'sessions'), before - 1);
  const forged = await anonymous.post('/logout', { _csrf: 'x' });
  assert.equal(forged.statusCode, 403);
});

test('logging out without the CSRF token is refused and keeps the session', async () => {
  const { email } = await addUserWithPassword(t.db);
  const c = t.client();
  await loginThroughForm(c, email);
  const before = count(t, 'sessions');
  const res = await c.post('/logout', { _csrf: '' });
  assert.equal(res.statusCode, 403);
  assert.equal(count(t, 'sessions'), before);
  assert.equal((await c.get('/account')).statusCode, 200);
});

test('login’s next never leads off the site, whatever characters a browser would strip, and never fails', async () => {
  const { email } = await addUserWithPassword(t.db);
  for (const next of ['/\t/evil.example', '/\r\n/evil.example', '/\\evil.example', '/%0d%0a', '/😀/é']) {
    const c = t.client();
    await c.get('/login');
    const res = await c.post('/login', { email, password: PASSWORD, next });
    assert.equal(res.statusCode, 303, JSON.stringify(next));
    const location = String(res.headers.location);
    assert.ok(location.startsWith('/') && !location.startsWith('//') && !/evil/.test(location), `${JSON.stringify(next)} → ${location}`);
  }
  // An unlisted character is kept, percent-encoded, rather than refused with a 500.
  const c = t.client();
  await c.get('/login');
  assert.equal((await c.post('/login', { email, password: PASSWORD, next: '/projects/été' })).headers.location, '/projects/%C3%A9t%C3%A9');
});
