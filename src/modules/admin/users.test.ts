// Accounts: keyset pages of 50, search with literal wildcards, role changes and suspension,
// and an administrator never able to demote or suspend themselves.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { makeApp, type TestApp, type Client } from '../../../test/helpers/app.ts';
import { write } from '../../db/write.ts';
import { insertUser } from '../../platform/users.ts';
import { loginAs, addUser, countRows } from '../../../test/helpers/factories.ts';
import { usersPageQuery } from './users-queries.ts';

let t: TestApp;
let admin: Client;
let adminId: number;
before(async () => {
  t = await makeApp();
  // 120 people, inserted directly; names and emails searchable by their number.
  write(t.db, (tx) => {
    for (let i = 1; i <= 120; i++) insertUser(t.db, tx, { email: `habitant${String(i).padStart(3, '0')}@reze.example`, passwordHash: null, displayName: `Habitant ${i}` }, new Date(Date.UTC(2026, 0, 1, 0, i)).toISOString());
  });
  ({ client: admin, userId: adminId } = await loginAs(t, 'admin'));
});
after(() => t.close());

const rowIds = (html: string) => [...html.matchAll(/<tr id="user-(\d+)">/g)].map((m) => Number(m[1]));
const nextLink = (html: string) => /<a href="([^"]+)" rel="next">/.exec(html)?.[1]?.replace(/&amp;/g, '&') ?? null;
const user = (id: number) => t.db.selectFrom('users').selectAll().where('id', '=', id).executeTakeFirstOrThrow();

test('the list shows 50 accounts a page, newest first, and the next pages follow without gaps', async () => {
  const total = (await t.db.selectFrom('users').select('id').execute()).length;
  const seen: number[] = [];
  let url: string | null = '/admin/users';
  let pages = 0;
  while (url) {
    const res = await admin.get(url);
    assert.equal(res.statusCode, 200);
    const ids = rowIds(res.body);
    assert.ok(ids.length <= 50);
    if (pages > 0) assert.match(res.body, /Revenir à la première page/);
    seen.push(...ids);
    url = nextLink(res.body);
    pages += 1;
  }
  assert.equal(pages, Math.ceil(total / 50));
  assert.equal(seen.length, total);
  assert.equal(new Set(seen).size, total);
  assert.deepEqual(seen, [...seen].sort((a, b) => b - a), 'newest first');
});

test('each row shows the email, name, role, confirmation and creation date', async () => {
  const res = await admin.get('/admin/users?q=habitant007');
  assert.deepEqual(rowIds(res.body).length, 1);
  assert.match(res.body, /habitant007@reze.example/);
  assert.match(res.body, /Habitant 7/);
  assert.match(res.body, /Participant/);
  assert.match(res.body, /adresse non confirmée/);
  assert.match(res.body, /1 janvier 2026/);
});

test('the search finds accounts by part of the email or of the name, in any case', async () => {
  assert.equal(rowIds((await admin.get('/admin/users?q=HABITANT11')).body).length, 10); // habitant110–119
  assert.equal(rowIds((await admin.get(`/admin/users?q=${encodeURIComponent('habitant 12')}`)).body).length, 2); // 12, 120
  const none = await admin.get('/admin/users?q=personne');
  assert.equal(rowIds(none.body).length, 0);
  assert.match(none.body, /Aucun compte ne correspond/);
});

test('the search takes % and _ literally', async () => {
  const id = addUser(t.db, 'citizen', { email: 'cent_pour_cent@reze.example', name: '100% Rezé' });
  assert.deepEqual(rowIds((await admin.get(`/admin/users?q=${encodeURIComponent('%')}`)).body), [id]);
  assert.deepEqual(rowIds((await admin.get(`/admin/users?q=${encodeURIComponent('t_p')}`)).body), [id]);
});

test('a search spanning several pages keeps the search in the next link', async () => {
  const first = await admin.get('/admin/users?q=habitant');
  assert.equal(rowIds(first.body).length, 50);
  const next = nextLink(first.body);
  assert.match(next ?? '', /^\/admin\/users\?q=habitant&after=\d+$/);
  const second = await admin.get(next!);
  assert.equal(rowIds(second.body).length, 50);
  assert.ok(rowIds(second.body).every((id) => !rowIds(first.body).includes(id)));
});

test('the page query walks the primary key and never sorts or counts, even with 10,000 accounts', async () => {
  write(t.db, (tx) => {
    for (let i = 0; i < 10_000; i++) insertUser(t.db, tx, { email: `masse${i}@reze.example`, passwordHash: null, displayName: `Masse ${i}` });
  });
  const { sql, parameters } = usersPageQuery(t.db, { q: 'masse', after: 5000 }).compile();
  const plan = (t.db.sqlite.prepare(`explain query plan ${sql}`).all(...(parameters as unknown[])) as { detail: string }[]).map((r) => r.detail).join('\n');
  assert.doesNotMatch(plan, /TEMP B-TREE/);
  assert.doesNotMatch(sql, /count\(/i);
  const started = performance.now();
  const res = await admin.get('/admin/users?q=habitant001');
  assert.equal(rowIds(res.body).length, 1);
  assert.ok(performance.now() - started < 2000);
});

test('an administrator changes the role of an account', async () => {
  const id = addUser(t.db, 'citizen');
  await admin.get('/admin/users?q=citizen');
  const res = await admin.post(`/admin/users/${id}/role`, { role: 'moderator', back: '/admin/users?q=citizen' });
  assert.equal(res.statusCode, 303);
  assert.equal(res.headers.location, '/admin/users?q=citizen');
  assert.equal((await user(id)).role, 'moderator');
  assert.match((await admin.get('/admin/users?q=citizen')).body, /Le rôle du compte a été changé/);
  await admin.post(`/admin/users/${id}/role`, { role: 'admin' });
  assert.equal((await user(id)).role, 'admin');
});

test('a role outside citizen, moderator and admin is refused and nothing changes', async () => {
  const id = addUser(t.db, 'citizen');
  await admin.get('/admin/users');
  const res = await admin.post(`/admin/users/${id}/role`, { role: 'superadmin' });
  assert.equal(res.statusCode, 400);
  assert.match(res.body, /Ce rôle n’existe pas/);
  assert.equal((await user(id)).role, 'citizen');
});

test('the redirect after an action never leaves the accounts list', async () => {
  const id = addUser(t.db, 'citizen');
  await admin.get('/admin/users');
  for (const back of ['https://evil.example/', '//evil.example', '/admin/settings']) {
    const res = await admin.post(`/admin/users/${id}/role`, { role: 'citizen', back });
    assert.equal(res.headers.location, '/admin/users');
  }
});

test('the accounts list’s back field with odd characters gives the list, never a 500', async () => {
  const id = addUser(t.db, 'citizen');
  await admin.get('/admin/users');
  const res = await admin.post(`/admin/users/${id}/role`, { role: 'citizen', back: '/admin/users?q=Hélène' });
  assert.equal(res.statusCode, 303);
  assert.equal(res.headers.location, '/admin/users?q=H%C3%A9l%C3%A8ne');
  for (const back of ['/admin/users\r\nSet-Cookie: x=1', '/admin/users?q=\u0000']) {
    const bad = await admin.post(`/admin/users/${id}/role`, { role: 'citizen', back });
    assert.equal(bad.headers.location, '/admin/users', JSON.stringify(back));
  }
});

test('suspending an account ends its sessions at once; reactivating lets it log in again', async () => {
  const { client: person, userId } = await loginAs(t, 'moderator');
  assert.match((await person.get('/')).body, /Se déconnecter/);
  await admin.get('/admin/users');
  const res = await admin.post(`/admin/users/${userId}/suspend`);
  assert.equal(res.statusCode, 303);
  assert.ok((await user(userId)).suspended_at);
  assert.equal((await t.db.selectFrom('sessions').select('id').where('user_id', '=', userId).execute()).length, 0);
  const after = await person.get('/');
  assert.doesNotMatch(after.body, /Se déconnecter/);
  assert.match(after.body, /Se connecter/);
  assert.match((await admin.get(`/admin/users?q=${encodeURIComponent('moderator')}`)).body, /<strong>suspendu<\/strong>/);
  assert.equal((await admin.post(`/admin/users/${userId}/unsuspend`)).statusCode, 303);
  assert.equal((await user(userId)).suspended_at, null);
});

test('an administrator may suspend another administrator', async () => {
  const other = addUser(t.db, 'admin');
  await admin.get('/admin/users');
  assert.equal((await admin.post(`/admin/users/${other}/suspend`)).statusCode, 303);
  assert.ok((await user(other)).suspended_at);
});

test('an administrator cannot change their own role nor suspend themselves', async () => {
  const page = await admin.get('/admin/users?q=admin');
  assert.doesNotMatch(page.body, new RegExp(`action="/admin/users/${adminId}/`), 'no buttons on one’s own row');
  const role = await admin.post(`/admin/users/${adminId}/role`, { role: 'citizen' });
  assert.equal(role.statusCode, 400);
  assert.match(role.body, /Vous ne pouvez pas changer votre propre rôle/);
  await admin.get('/admin/users');
  const suspend = await admin.post(`/admin/users/${adminId}/suspend`);
  assert.equal(suspend.statusCode, 400);
  assert.match(suspend.body, /Vous ne pouvez pas suspendre votre propre compte/);
  const me = await user(adminId);
  assert.equal(me.role, 'admin');
  assert.equal(me.suspended_at, null);
  assert.equal((await admin.get('/admin')).statusCode, 200, 'still logged in');
});

test('unknown and deleted accounts cannot be changed', async () => {
  await admin.get('/admin/users');
  for (const path of ['/admin/users/999999/role', '/admin/users/abc/suspend', '/admin/users/999999/unsuspend']) {
    assert.equal((await admin.post(path, { role: 'admin' })).statusCode, 404, path);
  }
  const id = addUser(t.db, 'citizen');
  write(t.db, (tx) => tx.run(t.db.updateTable('users').set({ email: null, display_name: null, deleted_at: new Date().toISOString() }).where('id', '=', id)));
  for (const action of ['role', 'suspend', 'unsuspend']) {
    const res = await admin.post(`/admin/users/${id}/${action}`, { role: 'admin' });
    assert.equal(res.statusCode, 400, action);
    assert.match(res.body, /Ce compte a été supprimé/);
  }
  const row = await user(id);
  assert.equal(row.role, 'citizen');
  assert.equal(row.suspended_at, null);
  const list = await admin.get('/admin/users');
  assert.match(list.body, /participant supprimé/);
});

const logOf = (subjectId: number) =>
  t.db.sqlite.prepare('select moderator_id, action, contribution_id, reason from moderation_log where subject_id = ? order by id').all(subjectId) as { moderator_id: number; action: string; contribution_id: number | null; reason: string | null }[];

test('a suspension and its end from the accounts list are each logged once, with who did it, and shown in the moderation log in French and English', async () => {
  const id = addUser(t.db, 'citizen', { name: 'Dominique Suspendue' });
  await admin.get('/admin/users');
  assert.equal((await admin.post(`/admin/users/${id}/suspend`)).statusCode, 303);
  assert.equal((await admin.post(`/admin/users/${id}/suspend`)).statusCode, 303, 'a second click changes nothing');
  assert.deepEqual(logOf(id), [{ moderator_id: adminId, action: 'suspend', contribution_id: null, reason: null }]);
  assert.equal((await admin.post(`/admin/users/${id}/unsuspend`)).statusCode, 303);
  assert.equal((await admin.post(`/admin/users/${id}/unsuspend`)).statusCode, 303);
  assert.deepEqual(logOf(id).map((l) => l.action), ['suspend', 'unsuspend']);

  const fr = (await admin.get('/moderation/log')).body;
  assert.match(fr, /Suspension du compte/);
  assert.match(fr, /Fin de suspension/);
  assert.match(fr, /Dominique Suspendue/);
  await admin.get('/lang/en');
  const en = (await admin.get('/moderation/log')).body;
  assert.match(en, /Account suspended/);
  assert.match(en, /Suspension lifted/);
  await admin.get('/lang/fr');
});

test('a refused suspension logs nothing: a citizen or a moderator, one’s own account, an erased or unknown one, a missing CSRF token', async () => {
  const id = addUser(t.db, 'citizen');
  const before = countRows(t, 'moderation_log');
  for (const role of ['citizen', 'moderator'] as const) {
    const { client } = await loginAs(t, role);
    await client.get('/');
    assert.equal((await client.post(`/admin/users/${id}/suspend`)).statusCode, 403, role);
  }
  await admin.get('/admin/users');
  assert.equal((await admin.post(`/admin/users/${adminId}/suspend`)).statusCode, 400);
  assert.equal((await admin.post('/admin/users/999999/suspend')).statusCode, 404);
  assert.equal((await admin.post(`/admin/users/${id}/suspend`, { _csrf: 'forged' })).statusCode, 403);
  const erased = addUser(t.db, 'citizen');
  write(t.db, (tx) => tx.run(t.db.updateTable('users').set({ email: null, display_name: null, deleted_at: new Date().toISOString() }).where('id', '=', erased)));
  assert.equal((await admin.post(`/admin/users/${erased}/suspend`)).statusCode, 400);
  assert.equal((await user(id)).suspended_at, null);
  assert.equal(countRows(t, 'moderation_log'), before);
});
