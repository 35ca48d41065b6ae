// Forgotten password: asking for a link (no account enumeration) and using it once, within an hour.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { makeApp, type TestApp } from '../../../test/helpers/app.ts';
import { linkIn } from '../../../test/helpers/smtp.ts';
import { write } from '../../db/write.ts';
import { addUserWithPassword, loginThroughForm, uniqueEmail } from '../../../test/helpers/factories.ts';
import { snapshot, userRow } from './test-support.ts';

let t: TestApp;
before(async () => (t = await makeApp()));
after(() => t.close());

const NEW_PASSWORD = 'un tout nouveau mot de passe';
const tokenOf = (link: string) => new URL(link, 'http://x').searchParams.get('token')!;

async function askReset(email: string) {
  const c = t.client();
  const res = await c.submit('/password/forgot', { email });
  return { c, res };
}

test('a forgotten password is reset from the emailed link, which logs out every session', async () => {
  const { id, email } = await addUserWithPassword(t.db, 'citizen', { confirmed: false });
  const elsewhere = t.client();
  await loginThroughForm(elsewhere, email);

  const { c, res } = await askReset(email);
  assert.equal(res.statusCode, 303);
  assert.equal(res.headers.location, '/password/forgot/sent');
  assert.match((await c.get('/password/forgot/sent')).body, /Si un compte correspond à cette adresse/);
  const mail = await t.smtp.waitFor(email, /nouveau mot de passe/);
  assert.match(mail.text, /http:\/\/localhost:3000\/password\/reset\?token=/);
  assert.match(mail.text, /ignorez ce message/);
  const link = linkIn(mail, '/password/reset');

  const form = await c.get(link);
  assert.equal(form.statusCode, 200);
  assert.match(form.body, /name="token" value="/);
  const done = await c.post('/password/reset', { token: tokenOf(link), password: NEW_PASSWORD });
  assert.equal(done.statusCode, 303);
  assert.equal(done.headers.location, '/login');
  assert.match((await c.get('/login')).body, /Votre mot de passe a été changé/);

  // The other browser is logged out; the old password is dead, the new one works.
  assert.equal((await elsewhere.get('/account')).statusCode, 303);
  assert.equal((await t.client().submit('/login', { email, password: 'une phrase de passe solide' })).statusCode, 422);
  await loginThroughForm(t.client(), email, NEW_PASSWORD);
  // Receiving the link proved the address.
  assert.ok(userRow(t, id).email_confirmed_at);
});

test('asking for a reset gives the same answer whether or not the account exists, and mails only real accounts', async () => {
  const { email } = await addUserWithPassword(t.db);
  const nobody = uniqueEmail('nobody');
  const a = await askReset(email);
  const b = await askReset(nobody);
  assert.equal(a.res.statusCode, b.res.statusCode);
  assert.equal(a.res.headers.location, b.res.headers.location);
  await t.smtp.waitFor(email, /nouveau mot de passe/);
  await t.app.mailer.flush();
  assert.equal(t.smtp.messages.filter((m) => m.to.includes(nobody)).length, 0);
});

test('the reset email is written in the language of the account', async () => {
  const { email } = await addUserWithPassword(t.db, 'citizen', { locale: 'en', name: 'Sam' });
  await askReset(email);
  const mail = await t.smtp.waitFor(email, /Choose a new password/);
  assert.match(mail.text, /Hello Sam,/);
  assert.match(mail.text, /valid for one hour/);
  assert.match(mail.text, /If you did not ask for this, ignore this message/);
});

test('bad input on the forgot form is refused with 422 and sends nothing', async () => {
  for (const email of ['', 'not-an-address', `${'a'.repeat(250)}@example.org`]) {
    const before = snapshot(t);
    const { res } = await askReset(email);
    assert.equal(res.statusCode, 422, email);
    assert.match(res.body, /Ce champ est obligatoire|n&#39;est pas valide|n'est pas valide/);
    assert.deepEqual(snapshot(t), before);
  }
  const c = t.client();
  await c.get('/password/forgot');
  const before = snapshot(t);
  assert.equal((await c.post('/password/forgot', { email: 'a@example.org', _csrf: '' })).statusCode, 403);
  assert.deepEqual(snapshot(t), before);
});

test('a weak or missing new password is refused with 422 and the link still works afterwards', async () => {
  const { id, email } = await addUserWithPassword(t.db);
  const { c } = await askReset(email);
  const link = linkIn(await t.smtp.waitFor(email, /nouveau mot de passe/), '/password/reset');
  await c.get(link);
  const before = snapshot(t, id);
  for (const [password, message] of [
    ['', /Ce champ est obligatoire/],
    ['court', /au moins 8 caractères/],
    ['azertyuiop', /trop courant/],
    ['x'.repeat(201), /ne doit pas dépasser 200 caractères/],
  ] as const) {
    const res = await c.post('/password/reset', { token: tokenOf(link), password });
    assert.equal(res.statusCode, 422, password);
    assert.match(res.body, message);
    assert.match(res.body, new RegExp(`name="token" value="${tokenOf(link).replace('.', '\\.')}"`));
  }
  assert.equal((await c.post('/password/reset', { token: tokenOf(link), password: NEW_PASSWORD, _csrf: '' })).statusCode, 403);
  assert.deepEqual(snapshot(t, id), before);
  assert.equal((await c.post('/password/reset', { token: tokenOf(link), password: NEW_PASSWORD })).statusCode, 303);
});

test('a reset link works once and for one hour; forged links are refused', async () => {
  const { id, email } = await addUserWithPassword(t.db);
  const { c } = await askReset(email);
  const link = linkIn(await t.smtp.waitFor(email, /nouveau mot de passe/), '/password/reset');
  await c.get(link);
  assert.equal((await c.post('/password/reset', { token: tokenOf(link), password: NEW_PASSWORD })).statusCode, 303);
  const hash = userRow(t, id).password_hash;

  const reused = await c.get(link);
  assert.equal(reused.statusCode, 400);
  assert.match(reused.body, /Ce lien a déjà été utilisé/);
  assert.match(reused.body, /href="\/password\/forgot"/);
  await c.get('/password/forgot');
  const again = await c.post('/password/reset', { token: tokenOf(link), password: 'encore un autre mot de passe' });
  assert.equal(again.statusCode, 400);
  assert.equal(userRow(t, id).password_hash, hash);

  const second = await askReset(email);
  const mails = () => t.smtp.messages.filter((m) => m.to.includes(email) && /nouveau mot de passe/.test(m.subject));
  while (mails().length < 2) await new Promise((r) => setTimeout(r, 20));
  const link2 = linkIn(mails()[1]!, '/password/reset');
  write(t.db, (tx) => tx.run(t.db.updateTable('one_time_tokens').set({ expires_at: new Date(Date.now() - 1).toISOString() }).where('id', '=', tokenOf(link2).split('.')[0]!)));
  const expired = await second.c.get(link2);
  assert.equal(expired.statusCode, 400);
  assert.match(expired.body, /Ce lien a expiré/);
  await second.c.get('/password/forgot');
  assert.equal((await second.c.post('/password/reset', { token: tokenOf(link2), password: 'encore un autre mot de passe' })).statusCode, 400);
  assert.equal(userRow(t, id).password_hash, hash);

  const forged = await t.client().get(`/password/reset?token=${tokenOf(link2).split('.')[0]}.bbbbbbbbbbbbbbbbbbbbbbbb`);
  assert.equal(forged.statusCode, 400);
  assert.match(forged.body, /Ce lien n’est pas valable/);
});

