// Rate limits that fit a town: a workshop of eighty people behind the town hall's one public
// address works, a brute force does not (per account and per address), emails to one address are
// capped, and behind a proxy a forged X-Forwarded-For changes nothing.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { makeApp, type TestApp, type Client } from '../../../test/helpers/app.ts';
import { write } from '../../db/write.ts';
import { insertUser } from '../../platform/users.ts';
import { hashPassword } from '../../platform/passwords.ts';
import { PASSWORD, addUserWithPassword, countRows as count, loginThroughForm, uniqueEmail } from '../../../test/helpers/factories.ts';

// One app with the limits on, behind one proxy, as in the README's Docker example.
let t: TestApp;
let hash: string;
before(async () => {
  t = await makeApp({ rateLimits: true, env: { TRUST_PROXY: 'true' } });
  hash = await hashPassword(PASSWORD);
});
after(() => t.close());

let addressCounter = 0;
/** A client seen by the limits as a fresh public address (the proxy appends it on the right). */
function fromNewAddress(): { client: Client; headers: Record<string, string> } {
  addressCounter += 1;
  return { client: t.client(), headers: { 'x-forwarded-for': `198.51.100.${addressCounter}` } };
}

function people(n: number): string[] {
  return write(t.db, (tx) =>
    Array.from({ length: n }, () => {
      const email = uniqueEmail('habitant');
      insertUser(t.db, tx, { email, passwordHash: hash, displayName: 'Habitant', emailConfirmed: true });
      return email;
    }),
  );
}

test('a workshop of 80 people logs in from one public address, with a few typos on the way', async () => {
  const { headers } = fromNewAddress();
  const emails = people(80);
  for (const [i, email] of emails.entries()) {
    const c = t.client();
    await c.get('/login', headers);
    if (i % 8 === 0) assert.equal((await c.post('/login', { email, password: 'faute de frappe' }, headers)).statusCode, 422);
    const res = await c.post('/login', { email, password: PASSWORD }, headers);
    assert.equal(res.statusCode, 303, `person ${i + 1}`);
  }
});

test('ten failed logins lock that account for a while, even with the right password; other accounts go on', async () => {
  const { client, headers } = fromNewAddress();
  const [target, other] = people(2);
  await client.get('/login', headers);
  for (let i = 0; i < 10; i++) assert.equal((await client.post('/login', { email: target!, password: `essai ${i}` }, headers)).statusCode, 422);
  // From anywhere: the count belongs to the account, not to the address.
  const elsewhere = fromNewAddress();
  await elsewhere.client.get('/login', elsewhere.headers);
  const locked = await elsewhere.client.post('/login', { email: target!.toUpperCase(), password: PASSWORD }, elsewhere.headers);
  assert.equal(locked.statusCode, 429);
  assert.match(locked.body, /Trop de tentatives/);
  assert.equal((await client.post('/login', { email: other!, password: PASSWORD }, headers)).statusCode, 303);
});

test('fifty failed logins from one address block it, and forging X-Forwarded-For in front of it changes nothing', async () => {
  const { client } = fromNewAddress();
  const real = '203.0.113.50';
  await client.get('/login');
  for (let i = 0; i < 50; i++) {
    // A new forged address each time, left of the one the proxy saw: the limits read the latter.
    const res = await client.post('/login', { email: uniqueEmail('inconnu'), password: 'devine' }, { 'x-forwarded-for': `10.9.${i}.1, ${real}` });
    assert.equal(res.statusCode, 422, `attempt ${i + 1}`);
  }
  const blocked = await client.post('/login', { email: uniqueEmail('inconnu'), password: 'devine' }, { 'x-forwarded-for': `10.99.0.1, ${real}` });
  assert.equal(blocked.statusCode, 429);
  const [email] = people(1);
  const neighbour = t.client();
  await neighbour.get('/login', { 'x-forwarded-for': '203.0.113.51' });
  assert.equal((await neighbour.post('/login', { email: email!, password: PASSWORD }, { 'x-forwarded-for': '203.0.113.51' })).statusCode, 303);
});

test('80 registrations from one address pass; thirty refused forms from it are then blocked', async () => {
  const { client, headers } = fromNewAddress();
  await client.get('/register', headers);
  for (let i = 0; i < 80; i++) {
    const res = await client.post('/register', { email: uniqueEmail('nouveau'), display_name: `Habitant ${i}`, password: PASSWORD, accept_terms: 'on' }, headers);
    assert.equal(res.statusCode, 303, `registration ${i + 1}`);
  }
  const refusing = fromNewAddress();
  await refusing.client.get('/register', refusing.headers);
  for (let i = 0; i < 30; i++) assert.equal((await refusing.client.post('/register', { email: 'pas-une-adresse' }, refusing.headers)).statusCode, 422);
  const blocked = await refusing.client.post('/register', { email: uniqueEmail(), display_name: 'Sam', password: PASSWORD, accept_terms: 'on' }, refusing.headers);
  assert.equal(blocked.statusCode, 429);
});

test('at most three reset or confirmation emails an hour reach one address, and the answer never changes', async () => {
  const { email } = await addUserWithPassword(t.db);
  const { client, headers } = fromNewAddress();
  await client.get('/password/forgot', headers);
  for (let i = 0; i < 5; i++) {
    const res = await client.post('/password/forgot', { email }, headers);
    assert.equal(res.statusCode, 303);
    assert.equal(res.headers.location, '/password/forgot/sent');
  }
  await t.app.mailer.flush();
  assert.equal(t.smtp.messages.filter((m) => m.to.includes(email)).length, 3);

  const unconfirmed = await addUserWithPassword(t.db, 'citizen', { confirmed: false });
  for (let i = 0; i < 5; i++) assert.equal((await client.post('/confirm/resend', { email: unconfirmed.email }, headers)).statusCode, 303);
  await t.app.mailer.flush();
  assert.equal(t.smtp.messages.filter((m) => m.to.includes(unconfirmed.email)).length, 3);
});

test('an account asks for an email change five times an hour at most: two emails each, to any address', async () => {
  const { email } = await addUserWithPassword(t.db);
  const c = t.client();
  await loginThroughForm(c, email);
  const before = count(t, 'mail_outbox');
  for (let i = 0; i < 5; i++) assert.equal((await c.post('/account/email', { new_email: uniqueEmail('cible'), current_password: PASSWORD })).statusCode, 303);
  const blocked = await c.post('/account/email', { new_email: uniqueEmail('cible'), current_password: PASSWORD });
  assert.equal(blocked.statusCode, 429);
  assert.equal(count(t, 'mail_outbox'), before + 10);
});

test('the forms that check the current password allow ten tries per account in fifteen minutes', async () => {
  for (const [url, form] of [
    ['/account/password', { current_password: 'pas le bon', new_password: 'une autre phrase solide' }],
    ['/account/delete', { current_password: 'pas le bon', confirm: 'on' }],
  ] as const) {
    const { email } = await addUserWithPassword(t.db);
    const c = t.client();
    await loginThroughForm(c, email);
    for (let i = 0; i < 10; i++) assert.equal((await c.post(url, form)).statusCode, 422, `${url} ${i + 1}`);
    assert.equal((await c.post(url, form)).statusCode, 429, url);
  }
});
