// The events' part of the personal data: their table referencing people is declared, the account
// export holds the person's registrations (nobody else's), and erasing the account removes them,
// its place going to the first person waiting, who gets the email.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { makeApp, type TestApp } from '../../../test/helpers/app.ts';
import { addUser, loginAs, uniqueEmail } from '../../../test/helpers/factories.ts';
import { write } from '../../db/write.ts';
import { erasePersonalData } from '../../platform/personal-data.ts';
import { countsOf, makeEvent, registerAll } from './test-fixtures.ts';
import { manifest } from './manifest.ts';

let t: TestApp;
before(async () => (t = await makeApp()));
after(() => t.close());

test('the events declare each of their tables that references a person', () => {
  const referencing = (t.db.sqlite.prepare("select name from sqlite_master where type = 'table' and name like 'events_%'").all() as { name: string }[])
    .map((r) => r.name)
    .filter((name) => (t.db.sqlite.prepare(`pragma foreign_key_list(${name})`).all() as { table: string }[]).some((fk) => fk.table === 'users'));
  assert.deepEqual([...(manifest.personalData?.tables ?? [])].sort(), referencing.sort());
});

test('the account export holds the person’s registrations and places on waiting lists', async () => {
  const full = makeEvent(t.db, { registration: 1, capacity: 1, title: 'Complet' });
  const open = makeEvent(t.db, { registration: 1, title: 'Ouvert' });
  const { client, userId } = await loginAs(t);
  const other = addUser(t.db);
  registerAll(t.db, full.id, [other, userId]);
  registerAll(t.db, open.id, [userId, other]);
  const data = (await client.get('/account/export')).json();
  const rows = data.events.registrations as { event_slug: string; event_title: string; status: string }[];
  assert.deepEqual(rows.map((r) => [r.event_title, r.status]), [['Complet', 'waiting'], ['Ouvert', 'registered']]);
});

test('erasing an account removes its registrations and gives its place to the first person waiting, by email', async () => {
  const e = makeEvent(t.db, { registration: 1, capacity: 1, title: 'Place libérée' });
  const leaving = addUser(t.db);
  const email = uniqueEmail('suivant');
  const next = addUser(t.db, 'citizen', { email });
  registerAll(t.db, e.id, [leaving, next]);
  write(t.db, (tx) => erasePersonalData(t.db, tx, t.app.manifests, leaving));
  const c = countsOf(t.db, e.id);
  assert.deepEqual(c.rows, { registered: 1, waiting: 0 });
  assert.deepEqual({ registered: c.registered, waiting: c.waiting }, c.rows);
  assert.equal((t.db.sqlite.prepare('select status from events_registrations where user_id = ?').get(next) as { status: string }).status, 'registered');
  await t.smtp.waitFor(email, /Une place s’est libérée : vous êtes inscrit·e à « Place libérée »/);
});
