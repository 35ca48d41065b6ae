// The person's own pages: who may see them, profile edits, email change, password change.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { makeApp, type TestApp } from '../../../test/helpers/app.ts';
import { linkIn } from '../../../test/helpers/smtp.ts';
import { readSync, write } from '../../db/write.ts';
import { PASSWORD, addUserWithPassword, countRows as count, loginThroughForm, uniqueEmail } from '../../../test/helpers/factories.ts';
import { snapshot, userRow } from './test-support.ts';

let t: TestApp;
before(async () => (t = await makeApp()));
after(() => t.close());

const tokenOf = (link: string) => new URL(link, 'http://x').searchParams.get('token')!;
const NEW_PASSWORD = 'encore une phrase de passe';

test('anonymous visitors are sent to the login page from every account page', async () => {
  for (const url of ['/account', '/account/profile', '/account/email', '/account/password', '/account/export', '/account/delete', '/account/email/confirm?token=a.b']) {
    const res = await t.client().get(url);
    assert.equal(res.statusCode, 303, url);
    assert.equal(res.headers.location, `/login?next=${encodeURIComponent(url)}`, url);
  }
});

test('anonymous posts to account pages get 401 and write nothing', async () => {
  const c = t.client();
  await c.get('/login'); // a valid anonymous CSRF token
  const before = snapshot(t);
  for (const [url, form] of [
    ['/account/profile', { display_name: 'Intrus' }],
    ['/account/email', { new_email: 'x@example.org', current_password: PASSWORD }],
    ['/account/email/confirm', { token: 'a.b' }],
    ['/account/password', { current_password: PASSWORD, new_password: NEW_PASSWORD }],
    ['/account/delete', { current_password: PASSWORD, confirm: '1' }],
  ] as const) {
    const res = await c.post(url, form);
    assert.equal(res.statusCode, 401, url);
    assert.match(res.body, /Connectez-vous pour continuer/);
  }
  assert.deepEqual(snapshot(t), before);
});

test('a profile cannot take a reserved or invisible name, in French or English', async () => {
  const { id, email } = await addUserWithPassword(t.db, 'citizen', { name: 'Dominique' });
  const c = t.client();
  await loginThroughForm(c, email);
  const before = snapshot(t, id);
  for (const name of ['Administrateur', 'deleted participant', 'Palabre', 'Dom\u200binique', 'Dom\r\ninique']) {
    const res = await c.submit('/account/profile', { display_name: name });
    assert.equal(res.statusCode, 422, JSON.stringify(name));
    assert.match(res.body, /réservé au site|caractères invisibles/);
  }
  await c.get('/lang/en');
  const english = await c.submit('/account/profile', { display_name: 'Modérateur' });
  assert.match(english.body, /This name is reserved for the site/);
  assert.deepEqual(snapshot(t, id), before);
});

test('bad profile input is refused with 422, the values kept, and nothing changed', async () => {
  const { id, email } = await addUserWithPassword(t.db, 'citizen', { name: 'Dominique' });
  const c = t.client();
  await loginThroughForm(c, email);
  const before = snapshot(t, id);
  const empty = await c.submit('/account/profile', { display_name: '  ' });
  assert.equal(empty.statusCode, 422);
  assert.match(empty.body, /Ce champ est obligatoire/);
  const long = await c.submit('/account/profile', { display_name: 'é'.repeat(61), news_consent: '1' });
  assert.equal(long.statusCode, 422);
  assert.match(long.body, /ne doit pas dépasser 60 caractères/);
  assert.match(long.body, /value="é{61}"/);
  assert.match(long.body, /name="news_consent" value="1" checked/);
  assert.equal((await c.post('/account/profile', { display_name: 'Autre', _csrf: '' })).statusCode, 403);
  assert.deepEqual(snapshot(t, id), before);

  await c.get('/lang/en');
  const english = await c.submit('/account/profile', { display_name: '' });
  assert.match(english.body, /This field is required/);
});

test('the news consent can be given and withdrawn from the profile', async () => {
  const { id, email } = await addUserWithPassword(t.db);
  const c = t.client();
  await loginThroughForm(c, email);
  assert.equal((await c.submit('/account/profile', { display_name: 'Lou', news_consent: '1' })).statusCode, 303);
  assert.equal(userRow(t, id).news_consent, 1);
  assert.match((await c.get('/account/profile')).body, /name="news_consent" value="1" checked/);
  assert.equal((await c.submit('/account/profile', { display_name: 'Lou' })).statusCode, 303);
  assert.equal(userRow(t, id).news_consent, 0);
});

test('changing the email sends a link to the new address and a notice to the old one; it changes once confirmed', async () => {
  const { id, email } = await addUserWithPassword(t.db);
  const fresh = uniqueEmail('new');
  const c = t.client();
  await loginThroughForm(c, email);
  const res = await c.submit('/account/email', { new_email: fresh.toUpperCase(), current_password: PASSWORD });
  assert.equal(res.statusCode, 303);
  assert.equal(res.headers.location, '/account');
  assert.match((await c.get('/account')).body, /Un lien de confirmation a été envoyé à la nouvelle adresse/);
  assert.equal(userRow(t, id).email, email);

  const notice = await t.smtp.waitFor(email, /Changement d’adresse/);
  assert.match(notice.text, new RegExp(fresh.replace(/[.]/g, '\\.')));
  assert.match(notice.text, /changez votre mot de passe/);
  const mail = await t.smtp.waitFor(fresh, /nouvelle adresse/);
  assert.match(mail.text, /ignorez ce message/);
  const link = linkIn(mail, '/account/email/confirm');

  const page = await c.get(link);
  assert.equal(page.statusCode, 200);
  assert.match(page.body, /<form method="post" action="\/account\/email\/confirm">/);
  assert.equal(userRow(t, id).email, email);
  const done = await c.post('/account/email/confirm', { token: tokenOf(link) });
  assert.equal(done.statusCode, 303);
  assert.equal(done.headers.location, '/account');
  assert.equal(userRow(t, id).email, fresh);
  assert.match((await c.get('/account')).body, /Votre adresse e-mail a été changée/);

  // The old address is free again, the new one logs in.
  assert.equal((await t.client().submit('/login', { email, password: PASSWORD })).statusCode, 422);
  await loginThroughForm(t.client(), fresh);
  // The link works once.
  const again = await c.get(link);
  assert.equal(again.statusCode, 400);
  assert.match(again.body, /Ce lien a déjà été utilisé/);
});

test('an email change link does nothing for another account, once expired, or once the address is taken', async () => {
  const owner = await addUserWithPassword(t.db);
  const fresh = uniqueEmail('wanted');
  const c = t.client();
  await loginThroughForm(c, owner.email);
  await c.submit('/account/email', { new_email: fresh, current_password: PASSWORD });
  const link = linkIn(await t.smtp.waitFor(fresh, /nouvelle adresse/), '/account/email/confirm');

  // Someone else logged in cannot use it.
  const stranger = await addUserWithPassword(t.db);
  const s = t.client();
  await loginThroughForm(s, stranger.email);
  assert.equal((await s.get(link)).statusCode, 400);
  assert.equal((await s.post('/account/email/confirm', { token: tokenOf(link) })).statusCode, 400);
  assert.equal(userRow(t, stranger.id).email, stranger.email);

  // Meanwhile another account took the address: refused, nothing changed.
  const taker = await addUserWithPassword(t.db, 'citizen', { email: fresh });
  await c.get(link);
  const taken = await c.post('/account/email/confirm', { token: tokenOf(link) });
  assert.equal(taken.statusCode, 400);
  assert.match(taken.body, /maintenant utilisée par un autre compte/);
  assert.equal(userRow(t, owner.id).email, owner.email);
  write(t.db, (tx) => tx.run(t.db.deleteFrom('users').where('id', '=', taker.id)));

  write(t.db, (tx) => tx.run(t.db.updateTable('one_time_tokens').set({ expires_at: new Date(Date.now() - 1).toISOString() }).where('id', '=', tokenOf(link).split('.')[0]!)));
  const expired = await c.get(link);
  assert.equal(expired.statusCode, 400);
  assert.match(expired.body, /Ce lien a expiré/);
  assert.match(expired.body, /href="\/account\/email"/);
  assert.equal(userRow(t, owner.id).email, owner.email);
});

test('bad email change requests are refused with 422 and send nothing', async () => {
  const { id, email } = await addUserWithPassword(t.db);
  const other = await addUserWithPassword(t.db);
  const c = t.client();
  await loginThroughForm(c, email);
  const cases: [Record<string, string>, RegExp][] = [
    [{ new_email: '', current_password: '' }, /Ce champ est obligatoire/],
    [{ new_email: 'pas-une-adresse', current_password: PASSWORD }, /n&#39;est pas valide|n'est pas valide/],
    [{ new_email: `${'a'.repeat(250)}@example.org`, current_password: PASSWORD }, /n&#39;est pas valide|n'est pas valide/],
    [{ new_email: email, current_password: PASSWORD }, /déjà l’adresse de votre compte/],
    [{ new_email: other.email, current_password: PASSWORD }, /Un compte existe déjà avec cette adresse/],
    [{ new_email: uniqueEmail(), current_password: 'pas le bon mot de passe' }, /Le mot de passe actuel est incorrect/],
  ];
  const before = snapshot(t, id);
  for (const [form, message] of cases) {
    const res = await c.submit('/account/email', form);
    assert.equal(res.statusCode, 422, JSON.stringify(form));
    assert.match(res.body, message);
    assert.doesNotMatch(res.body, new RegExp(`value="${PASSWORD}"`));
  }
  assert.equal((await c.post('/account/email', { new_email: uniqueEmail(), current_password: PASSWORD, _csrf: '' })).statusCode, 403);
  assert.deepEqual(snapshot(t, id), before);
});

test('changing the password logs out every other session and keeps this browser logged in', async () => {
  const { id, email } = await addUserWithPassword(t.db);
  const other = t.client();
  await loginThroughForm(other, email);
  const c = t.client();
  await loginThroughForm(c, email);
  assert.equal(count(t, 'sessions') >= 2, true);

  const res = await c.submit('/account/password', { current_password: PASSWORD, new_password: NEW_PASSWORD });
  assert.equal(res.statusCode, 303);
  assert.equal(res.headers.location, '/account');
  const page = await c.get('/account');
  assert.equal(page.statusCode, 200);
  assert.match(page.body, /Vos autres sessions ont été déconnectées/);
  assert.equal((await other.get('/account')).statusCode, 303);
  assert.equal(readSessions(id), 1);
  await t.smtp.waitFor(email, /mot de passe a été changé/);
  await loginThroughForm(t.client(), email, NEW_PASSWORD);
});

function readSessions(userId: number): number {
  return readSync(t.db).first(t.db.selectFrom('sessions').select((eb) => eb.fn.countAll<number>().as('n')).where('user_id', '=', userId))!.n;
}

test('bad password change requests are refused with 422 and change nothing', async () => {
  const { id, email } = await addUserWithPassword(t.db);
  const c = t.client();
  await loginThroughForm(c, email);
  const before = snapshot(t, id);
  const cases: [Record<string, string>, RegExp][] = [
    [{ current_password: '', new_password: '' }, /Ce champ est obligatoire/],
    [{ current_password: 'mauvais mot de passe', new_password: NEW_PASSWORD }, /Le mot de passe actuel est incorrect/],
    [{ current_password: PASSWORD, new_password: 'azertyuiop' }, /trop courant/],
    [{ current_password: PASSWORD, new_password: 'password123' }, /trop courant/],
    [{ current_password: PASSWORD, new_password: 'court' }, /au moins 8 caractères/],
  ];
  for (const [form, message] of cases) {
    const res = await c.submit('/account/password', form);
    assert.equal(res.statusCode, 422, JSON.stringify(form));
    assert.match(res.body, message);
  }
  assert.equal((await c.post('/account/password', { current_password: PASSWORD, new_password: NEW_PASSWORD, _csrf: '' })).statusCode, 403);
  assert.deepEqual(snapshot(t, id), before);
  await c.get('/lang/en');
  const english = await c.submit('/account/password', { current_password: 'wrong one!', new_password: NEW_PASSWORD });
  assert.match(english.body, /The current password is not correct/);
});
