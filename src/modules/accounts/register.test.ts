// Registration and email confirmation through the real app, with the real SMTP capture.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { makeApp, type TestApp } from '../../../test/helpers/app.ts';
import { linkIn } from '../../../test/helpers/smtp.ts';
import { readSync, write } from '../../db/write.ts';
import { findUserByEmail } from '../../platform/users.ts';
import { PASSWORD, addUser, addUserWithPassword, countRows as count, loginThroughForm, uniqueEmail } from '../../../test/helpers/factories.ts';
import { snapshot, userRow } from './test-support.ts';

let t: TestApp;
before(async () => (t = await makeApp()));
after(() => t.close());

const form = (email: string, extra: Record<string, string> = {}) => ({ email, password: PASSWORD, display_name: 'Camille D.', accept_terms: '1', ...extra });

test('registering, confirming from the email, logging in, editing the profile and logging out all work', async () => {
  const c = t.client();
  const email = uniqueEmail('flow');
  const page = await c.get('/register');
  assert.equal(page.statusCode, 200);
  assert.match(page.body, /href="\/pages\/conditions-utilisation"/);
  assert.doesNotMatch(page.body, /name="news_consent" value="1" checked/);

  const res = await c.post('/register', form(email.toUpperCase(), { news_consent: '1' }));
  assert.equal(res.statusCode, 303);
  assert.equal(res.headers.location, '/register/sent');
  const sent = await c.get('/register/sent');
  assert.match(sent.body, /Vérifiez votre messagerie/);
  assert.match(sent.body, /action="\/confirm\/resend"/);

  const user = findUserByEmail(t.db, email)!;
  assert.equal(user.role, 'citizen');
  assert.equal(user.locale, 'fr');
  assert.equal(user.news_consent, 1);
  assert.equal(user.email_confirmed_at, null);
  assert.ok(user.terms_accepted_at);
  assert.notEqual(user.password_hash, PASSWORD);

  const mail = await t.smtp.waitFor(email, /Confirmez votre adresse/);
  assert.match(mail.text, /Bonjour Camille D\./);
  assert.match(mail.text, /ignorez ce message/);
  assert.match(mail.text, /http:\/\/localhost:3000\/confirm\?token=/);
  const link = linkIn(mail, '/confirm');

  // Opening the link (or a mail scanner prefetching it) changes nothing.
  const show = await c.get(link);
  assert.equal(show.statusCode, 200);
  assert.match(show.body, /<form method="post" action="\/confirm">/);
  assert.equal(userRow(t, user.id).email_confirmed_at, null);

  const token = new URL(link, 'http://x').searchParams.get('token')!;
  const confirmed = await c.post('/confirm', { token });
  assert.equal(confirmed.statusCode, 303);
  assert.equal(confirmed.headers.location, '/login');
  assert.ok(userRow(t, user.id).email_confirmed_at);
  const login = await c.get('/login');
  assert.match(login.body, /Votre adresse e-mail est confirmée/);

  const loggedIn = await c.post('/login', { email, password: PASSWORD, next: '' });
  assert.equal(loggedIn.statusCode, 303);
  assert.equal(loggedIn.headers.location, '/account');
  const account = await c.get('/account');
  assert.equal(account.statusCode, 200);
  assert.match(account.body, new RegExp(email));
  assert.match(account.body, /confirmée/);
  assert.doesNotMatch(account.body, /Adresse e-mail non confirmée/);

  await c.get('/account/profile');
  const saved = await c.post('/account/profile', { display_name: 'Camille Dupont' });
  assert.equal(saved.statusCode, 303);
  assert.equal(saved.headers.location, '/account');
  assert.match((await c.get('/account')).body, /Vos modifications sont enregistrées/);
  assert.equal(userRow(t, user.id).display_name, 'Camille Dupont');
  assert.equal(userRow(t, user.id).news_consent, 0);

  const sessions = count(t, 'sessions');
  const out = await c.post('/logout', {});
  assert.equal(out.statusCode, 303);
  assert.equal(out.headers.location, '/');
  assert.equal(count(t, 'sessions'), sessions - 1);
  const after = await c.get('/account');
  assert.equal(after.statusCode, 303);
  assert.equal(after.headers.location, '/login?next=%2Faccount');
});

test('registration in English stores the English locale and sends the email in English', async () => {
  const c = t.client();
  await c.get('/lang/en');
  const email = uniqueEmail('english');
  const page = await c.get('/register');
  assert.match(page.body, /Create an account/);
  const res = await c.post('/register', form(email));
  assert.equal(res.statusCode, 303);
  assert.equal(findUserByEmail(t.db, email)!.locale, 'en');
  const mail = await t.smtp.waitFor(email, /Confirm your email address/);
  assert.match(mail.text, /Hello Camille D\.,/);
  assert.match(mail.text, /If you did not ask for this, ignore this message/);
});

test('bad registration input is refused with 422, a clear message, the values kept and nothing written', async () => {
  const existing = await addUserWithPassword(t.db);
  const cases: [string, Record<string, string>, RegExp][] = [
    ['empty form', { email: '', password: '', display_name: '', accept_terms: '' }, /Ce champ est obligatoire/],
    ['malformed email', form('not-an-email'), /L&#39;adresse e-mail n&#39;est pas valide|L'adresse e-mail n'est pas valide/],
    ['too long name', form(uniqueEmail(), { display_name: 'x'.repeat(61) }), /ne doit pas dépasser 60 caractères/],
    ['too long email', form(`${'a'.repeat(250)}@example.org`), /adresse e-mail n/],
    ['short password', form(uniqueEmail(), { password: 'court' }), /au moins 8 caractères/],
    ['common password', form(uniqueEmail(), { password: 'azertyuiop' }), /trop courant/],
    ['common password in English', form(uniqueEmail(), { password: 'password123' }), /trop courant/],
    ['terms not accepted', form(uniqueEmail(), { accept_terms: '' }), /accepter les conditions d’utilisation/],
    ['duplicate email', form(existing.email.toUpperCase()), /Un compte existe déjà avec cette adresse/],
  ];
  for (const [name, body, message] of cases) {
    const c = t.client();
    const before = snapshot(t);
    const res = await c.submit('/register', body);
    assert.equal(res.statusCode, 422, name);
    assert.match(res.body, message, name);
    assert.match(res.body, /class="error-summary"/, name);
    assert.doesNotMatch(res.body, new RegExp(`value="${PASSWORD}"`), `${name}: password never echoed`);
    if (body.display_name) assert.match(res.body, new RegExp(`value="${body.display_name.slice(0, 20)}`), `${name}: name kept`);
    assert.deepEqual(snapshot(t), before, name);
  }
});

test('registration without a valid CSRF token is refused with 403 and writes nothing', async () => {
  const c = t.client();
  await c.get('/register');
  const before = snapshot(t);
  const wrong = await c.post('/register', { ...form(uniqueEmail()), _csrf: 'forged' });
  assert.equal(wrong.statusCode, 403);
  const missing = await c.post('/register', { ...form(uniqueEmail()), _csrf: '' });
  assert.equal(missing.statusCode, 403);
  assert.match(missing.body, /Le formulaire a expiré/);
  assert.deepEqual(snapshot(t), before);
});

test('a confirmation link works once: used again, it gives a 400 page offering a new link', async () => {
  const c = t.client();
  const email = uniqueEmail('reuse');
  await c.submit('/register', form(email));
  const link = linkIn(await t.smtp.waitFor(email, /Confirmez/), '/confirm');
  const token = new URL(link, 'http://x').searchParams.get('token')!;
  await c.get(link);
  assert.equal((await c.post('/confirm', { token })).statusCode, 303);
  const again = await c.get(link);
  assert.equal(again.statusCode, 400);
  assert.match(again.body, /Ce lien a déjà été utilisé/);
  assert.match(again.body, /action="\/confirm\/resend"/);
  const before = snapshot(t);
  const post = await c.post('/confirm', { token });
  assert.equal(post.statusCode, 400);
  assert.match(post.body, /déjà été utilisé/);
  assert.deepEqual(snapshot(t), before);
});

test('an expired or forged confirmation link gives a 400 page and confirms nothing', async () => {
  const c = t.client();
  const email = uniqueEmail('expired');
  await c.submit('/register', form(email));
  const link = linkIn(await t.smtp.waitFor(email, /Confirmez/), '/confirm');
  const token = new URL(link, 'http://x').searchParams.get('token')!;
  write(t.db, (tx) => tx.run(t.db.updateTable('one_time_tokens').set({ expires_at: new Date(Date.now() - 1000).toISOString() }).where('id', '=', token.split('.')[0]!)));
  const page = await c.get(link);
  assert.equal(page.statusCode, 400);
  assert.match(page.body, /Ce lien a expiré/);
  const post = await c.post('/confirm', { token });
  assert.equal(post.statusCode, 400);
  assert.equal(findUserByEmail(t.db, email)!.email_confirmed_at, null);

  const forged = await c.get(`/confirm?token=${token.split('.')[0]}.aaaaaaaaaaaaaaaaaaaaaaaa`);
  assert.equal(forged.statusCode, 400);
  assert.match(forged.body, /Ce lien n’est pas valable/);
  assert.equal((await c.get('/confirm')).statusCode, 400);
  await c.get('/lang/en');
  const english = await c.get('/confirm?token=nope');
  assert.match(english.body, /This link is not valid/);
});

test('asking for a new confirmation link gives the same answer whether or not an account waits', async () => {
  const waiting = uniqueEmail('waiting');
  const c = t.client();
  await c.submit('/register', form(waiting));
  await t.smtp.waitFor(waiting, /Confirmez/);
  const confirmed = await addUserWithPassword(t.db, 'citizen', { confirmed: true });

  const answers = [];
  for (const email of [waiting, confirmed.email, uniqueEmail('nobody')]) {
    const client = t.client();
    const res = await client.submit('/register/sent', { email }, '/confirm/resend');
    assert.equal(res.statusCode, 303);
    answers.push([res.headers.location, (await client.get(String(res.headers.location))).body.replace(/name="_csrf" value="[^"]+"|"X-CSRF-Token": "[^"]+"/g, '')]);
  }
  assert.deepEqual(answers[1], answers[0]);
  assert.deepEqual(answers[2], answers[0]);
  assert.match(String(answers[0]![1]), /un nouveau lien vient de lui être envoyé/);

  await t.app.mailer.flush();
  assert.equal(t.smtp.messages.filter((m) => m.to.includes(waiting)).length, 2);
  assert.equal(t.smtp.messages.filter((m) => m.to.includes(confirmed.email)).length, 0);
});

test('a malformed address on the resend form is refused with 422 and sends nothing', async () => {
  const before = snapshot(t);
  const res = await t.client().submit('/register/sent', { email: 'nope' }, '/confirm/resend');
  assert.equal(res.statusCode, 422);
  assert.match(res.body, /n&#39;est pas valide|n'est pas valide/);
  assert.deepEqual(snapshot(t), before);
});

test('an unconfirmed person may log in and sees a notice with a button for a new link', async () => {
  const { email } = await addUserWithPassword(t.db, 'citizen', { confirmed: false });
  const c = t.client();
  await loginThroughForm(c, email);
  const page = await c.get('/account');
  assert.match(page.body, /Adresse e-mail non confirmée/);
  assert.match(page.body, new RegExp(`<input type="hidden" name="email" value="${email}">`));
  const res = await c.post('/confirm/resend', { email });
  assert.equal(res.statusCode, 303);
  assert.equal(res.headers.location, '/account');
  const mail = await t.smtp.waitFor(email, /Confirmez/);
  assert.ok(linkIn(mail, '/confirm'));
  assert.equal(readSync(t.db).all(t.db.selectFrom('one_time_tokens').select('id').where('payload', '=', email)).length, 1);
});

test('the error summary names each field, so identical messages stay distinct links', async () => {
  const c = t.client();
  const res = await c.submit('/register', { email: '', display_name: '', password: '' });
  assert.equal(res.statusCode, 422);
  const links = [...res.body.matchAll(/<li><a href="#field-[a-z_]+">([^<]+)<\/a><\/li>/g)].map((m) => m[1]);
  assert.ok(links.length >= 3, links.join(' | '));
  assert.equal(new Set(links).size, links.length, `distinct link texts: ${links.join(' | ')}`);
  assert.ok(links.some((l) => l!.startsWith('Adresse e-mail') || l!.includes('e-mail')), links.join(' | '));
});

test('registration refuses names that would mislead, in the person’s language, and writes nothing', async () => {
  const c = t.client();
  await c.get('/register');
  const before = count(t, 'users');
  for (const [name, message] of [
    ['Participant supprimé', /Ce nom est réservé au site/],
    ['MODÉRATEUR', /Ce nom est réservé au site/],
    ['Camille\r\nBcc: tout@ville.fr', /caractères invisibles ou de contrôle/],
    ['\u3164', /caractères invisibles ou de contrôle/],
    ['Cam\u202eille', /caractères invisibles ou de contrôle/],
  ] as const) {
    const res = await c.post('/register', { email: uniqueEmail(), display_name: name, password: PASSWORD, accept_terms: 'on' });
    assert.equal(res.statusCode, 422, JSON.stringify(name));
    assert.match(res.body, message);
  }
  assert.equal(count(t, 'users'), before);
  const ok = await c.post('/register', { email: uniqueEmail(), display_name: '  Jean\u00a0 Dupont ', password: PASSWORD, accept_terms: 'on' });
  assert.equal(ok.statusCode, 303);
  assert.equal(readSync(t.db).first(t.db.selectFrom('users').select('display_name').orderBy('id', 'desc').limit(1))?.display_name, 'Jean Dupont');
});

test('an email greets a name stored before the rules on one line, without its line breaks', async () => {
  const email = uniqueEmail('ancien');
  addUser(t.db, 'citizen', { email, name: 'Camille\r\nBcc: tout@ville.fr\r\n\r\nFaux message' });
  const c = t.client();
  await c.submit('/password/forgot', { email });
  const mail = await t.smtp.waitFor(email);
  const first = mail.text.split('\n')[0]!;
  assert.match(first, /Camille Bcc: tout@ville.fr Faux message/);
  assert.equal(mail.text.split('\n')[1], '');
});
