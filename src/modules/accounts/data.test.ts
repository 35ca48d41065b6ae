// The person's data: the JSON export and the account deletion.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { makeApp, type TestApp } from '../../../test/helpers/app.ts';
import { write, readSync } from '../../db/write.ts';
import { issueToken } from '../../platform/tokens.ts';
import { PASSWORD, addUserWithPassword, countRows as count, loginThroughForm } from '../../../test/helpers/factories.ts';
import { snapshot, userRow } from './test-support.ts';

let t: TestApp;
before(async () => (t = await makeApp()));
after(() => t.close());

test('the export is a JSON download of the account and its session dates, without secrets', async () => {
  const { email } = await addUserWithPassword(t.db, 'citizen', { name: 'Alix', confirmed: false });
  const c = t.client();
  await loginThroughForm(c, email);
  const res = await c.get('/account/export');
  assert.equal(res.statusCode, 200);
  assert.equal(res.headers['content-disposition'], 'attachment; filename="palabre-data.json"');
  assert.match(String(res.headers['content-type']), /^application\/json/);
  const data = res.json();
  assert.equal(data.account.email, email);
  assert.equal(data.account.display_name, 'Alix');
  assert.equal(data.account.role, 'citizen');
  assert.equal(data.account.news_consent, false);
  assert.equal(data.account.email_confirmed_at, null);
  assert.ok(data.account.terms_accepted_at);
  assert.ok(data.exported_at);
  assert.equal(data.sessions.length, 1);
  assert.deepEqual(Object.keys(data.sessions[0]).sort(), ['created_at', 'last_seen_at']);
  assert.doesNotMatch(res.body, /argon2|password|secret_hash/);
});

test('deleting the account erases identifying data, frees the address and logs out, in one go', async () => {
  const { id, email } = await addUserWithPassword(t.db, 'citizen', { name: 'Sacha' });
  const other = t.client();
  await loginThroughForm(other, email);
  const c = t.client();
  await loginThroughForm(c, email);
  write(t.db, (tx) => issueToken(t.db, tx, 'reset_password', id));

  const page = await c.get('/account/delete');
  assert.match(page.body, /participant supprimé/);
  const res = await c.post('/account/delete', { current_password: PASSWORD, confirm: '1' });
  assert.equal(res.statusCode, 303);
  assert.equal(res.headers.location, '/');
  assert.match((await c.get('/')).body, /Votre compte a été supprimé/);

  const row = userRow(t, id);
  assert.equal(row.email, null);
  assert.equal(row.password_hash, null);
  assert.equal(row.display_name, null);
  assert.equal(row.news_consent, 0);
  assert.ok(row.deleted_at);
  const left = (table: 'sessions' | 'one_time_tokens') =>
    readSync(t.db).all(t.db.selectFrom(table).select('user_id').where('user_id', '=', id)).length;
  assert.equal(left('sessions'), 0);
  assert.equal(left('one_time_tokens'), 0);
  assert.equal((await other.get('/account')).statusCode, 303);
  assert.equal((await c.get('/account')).statusCode, 303);

  // Cannot log in any more; the address can register again.
  const login = await t.client().submit('/login', { email, password: PASSWORD });
  assert.equal(login.statusCode, 422);
  const users = count(t, 'users');
  const again = await t.client().submit('/register', { email, password: PASSWORD, display_name: 'Sacha', accept_terms: '1' });
  assert.equal(again.statusCode, 303);
  assert.equal(count(t, 'users'), users + 1);
});

test('deletion needs the right password and the confirmation box; otherwise 422 and nothing erased', async () => {
  const { id, email } = await addUserWithPassword(t.db);
  const c = t.client();
  await loginThroughForm(c, email);
  const before = snapshot(t, id);
  const cases: [Record<string, string>, RegExp][] = [
    [{ current_password: '', confirm: '' }, /Ce champ est obligatoire/],
    [{ current_password: PASSWORD }, /Cochez la case pour confirmer la suppression/],
    [{ current_password: 'pas le bon', confirm: '1' }, /Le mot de passe actuel est incorrect/],
    [{ current_password: 'x'.repeat(2000), confirm: '1' }, /Le mot de passe actuel est incorrect/],
  ];
  for (const [form, message] of cases) {
    const res = await c.submit('/account/delete', form);
    assert.equal(res.statusCode, 422, JSON.stringify(form));
    assert.match(res.body, message);
  }
  assert.equal((await c.post('/account/delete', { current_password: PASSWORD, confirm: '1', _csrf: '' })).statusCode, 403);
  assert.equal((await c.post('/account/delete', { current_password: PASSWORD, confirm: '1', _csrf: 'forged' })).statusCode, 403);
  assert.deepEqual(snapshot(t, id), before);

  await c.get('/lang/en');
  const english = await c.submit('/account/delete', { current_password: PASSWORD });
  assert.match(english.body, /Tick the box to confirm the deletion/);
});
