// The email choice form: logged in only, the current choice checked, saved with CSRF; a value no
// form sends is refused with 422 and a message in the person's language, and nothing changes.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { makeApp, type TestApp } from '../../../test/helpers/app.ts';
import { anonymous, loginAs } from '../../../test/helpers/factories.ts';

let t: TestApp;
before(async () => (t = await makeApp()));
after(() => t.close());

const choice = (userId: number) => (t.db.sqlite.prepare('select notify_email as c from users where id = ?').get(userId) as { c: string }).c;

test('the form shows the current choice and saves another', async () => {
  const alice = await loginAs(t);
  const page = await alice.client.get('/notifications/settings');
  assert.equal(page.statusCode, 200);
  assert.match(page.body, /<legend>Recevoir les notifications par courriel<\/legend>/);
  assert.match(page.body, /id="notify-immediate" name="notify_email" value="immediate" aria-describedby="notify-immediate-hint" checked>/);
  for (const c of ['digest', 'off', 'immediate']) {
    const res = await alice.client.post('/notifications/settings', { notify_email: c });
    assert.equal(res.statusCode, 303);
    assert.equal(res.headers.location, '/notifications/settings');
    assert.equal(choice(alice.userId), c);
  }
  assert.match((await alice.client.get('/notifications/settings')).body, /Vos préférences de notification sont enregistrées/);
});

test('a bad value is refused with 422 and its message, in French and English; nothing changes', async () => {
  const alice = await loginAs(t);
  const res = await alice.client.post('/notifications/settings', { notify_email: 'hourly' });
  assert.equal(res.statusCode, 422);
  assert.match(res.body, /Choisissez l’une des options proposées/);
  assert.match(res.body, /class="error-summary"/);
  assert.equal((await alice.client.post('/notifications/settings', {})).statusCode, 422);
  alice.client.cookies.set('lang', 'en');
  assert.match((await alice.client.post('/notifications/settings', { notify_email: 'hourly' })).body, /Choose one of the options offered/);
  assert.equal(choice(alice.userId), 'immediate');
});

test('anonymous visitors and forged forms change nothing', async () => {
  const visitor = await anonymous(t);
  assert.equal((await visitor.post('/notifications/settings', { notify_email: 'off' })).statusCode, 401);
  const alice = await loginAs(t);
  assert.equal((await alice.client.post('/notifications/settings', { notify_email: 'off', _csrf: 'forged' })).statusCode, 403);
  assert.equal(choice(alice.userId), 'immediate');
});
