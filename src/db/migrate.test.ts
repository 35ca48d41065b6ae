// Migrations: a fresh file gets every migration once, and a database holding data is copied
// beside itself before a later release's migration touches it.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Sqlite from 'better-sqlite3';
import type { Kysely, Migration } from 'kysely';
import { migrate, migrateWith, pendingMigrations } from './migrate.ts';
import { openDatabase, closeDatabase } from './open.ts';
import { migrations } from '../../migrations/index.ts';

function tempFile(t: { after: (fn: () => void) => void }): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'palabre-migrate-'));
  t.after(() => fs.rmSync(dir, { recursive: true, force: true }));
  return path.join(dir, 'palabre.db');
}

test('a fresh database runs every migration, starting with 0001, and a second run runs nothing', async (t) => {
  const file = tempFile(t);
  const db = openDatabase(file);
  const first = await migrate(db, file);
  assert.equal(first[0], '0001_platform_core');
  assert.deepEqual(first, Object.keys(migrations));
  assert.deepEqual(await pendingMigrations(db), []);
  assert.deepEqual(await migrate(db, file), []);
  await closeDatabase(db);
  // Nothing to protect on a fresh file: no backup written.
  assert.deepEqual(fs.readdirSync(path.dirname(file)).filter((f) => f.endsWith('.bak')), []);
});

test('before a pending migration touches existing data, a consistent copy is written beside the file', async (t) => {
  const file = tempFile(t);
  const db = openDatabase(file);
  await migrate(db, file);
  db.sqlite.prepare("insert into users (email, display_name, role, locale, news_consent, created_at) values ('a@example.org', 'A', 'citizen', 'fr', 0, '2026-01-01')").run();

  const later: Migration = {
    async up(k: Kysely<any>) {
      await k.schema.createTable('later_things').addColumn('id', 'integer', (c) => c.primaryKey()).execute();
    },
  };
  const ran = await migrateWith(db, file, { ...migrations, '9999_later_things': later });
  assert.deepEqual(ran, ['9999_later_things']);
  await closeDatabase(db);

  const backup = `${file}.before-9999_later_things.bak`;
  assert.ok(fs.existsSync(backup), 'backup file');
  const copy = new Sqlite(backup, { readonly: true });
  t.after(() => copy.close());
  assert.equal(copy.pragma('integrity_check', { simple: true }), 'ok');
  // The copy is the database as it was before the migration: the data, without the new table.
  assert.equal((copy.prepare('select count(*) as n from users').get() as { n: number }).n, 1);
  assert.equal(copy.prepare("select name from sqlite_master where name = 'later_things'").get(), undefined);
});

test('a failing migration is reported and leaves the earlier schema in place', async (t) => {
  const file = tempFile(t);
  const db = openDatabase(file);
  t.after(() => closeDatabase(db));
  await migrate(db, file);
  const broken: Migration = {
    async up(k: Kysely<any>) {
      await k.schema.createTable('half_done').addColumn('id', 'integer').execute();
      throw new Error('boom');
    },
  };
  await assert.rejects(migrateWith(db, file, { ...migrations, '9998_broken': broken }), /boom/);
  assert.deepEqual(await pendingMigrations(db, { ...migrations, '9998_broken': broken }), ['9998_broken']);
});
