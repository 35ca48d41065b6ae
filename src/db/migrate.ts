// Applies pending migrations with Kysely's Migrator. Before they touch a database that holds
// data, a consistent copy is written beside it (palabre.db.before-<migration>.bak).
import fs from 'node:fs';
import { Migrator, type Migration, type MigrationResultSet } from 'kysely';
import { migrations } from '../../migrations/index.ts';
import type { Db } from './open.ts';

function migratorFor(db: Db, list: Record<string, Migration>): Migrator {
  return new Migrator({ db, provider: { getMigrations: async () => list } });
}

export async function pendingMigrations(db: Db, list: Record<string, Migration> = migrations): Promise<string[]> {
  const all = await migratorFor(db, list).getMigrations();
  return all.filter((m) => !m.executedAt).map((m) => m.name);
}

/** Applies the app's migrations; returns the names of those that ran. */
export function migrate(db: Db, file: string): Promise<string[]> {
  return migrateWith(db, file, migrations);
}

/** The same with an explicit list: tests use it to simulate a later release's migration. */
export async function migrateWith(db: Db, file: string, list: Record<string, Migration>): Promise<string[]> {
  const pending = await pendingMigrations(db, list);
  if (pending.length === 0) return [];
  const hasData = await db.introspection.getTables().then((t) => t.some((x) => !x.name.startsWith('kysely_')));
  if (hasData && file !== ':memory:' && fs.existsSync(file)) {
    await db.sqlite.backup(`${file}.before-${pending[0]}.bak`);
  }
  const result: MigrationResultSet = await migratorFor(db, list).migrateToLatest();
  if (result.error) throw result.error;
  return (result.results ?? []).filter((r) => r.status === 'Success').map((r) => r.migrationName);
}
