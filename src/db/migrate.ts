// Applies pending migrations with Kysely's Migrator. Before they touch a database that holds
// data, a consistent copy is written beside it (palabre.db.before-<migration>.bak).
import fs from 'node:fs';
import { Migrator, type MigrationResultSet } from 'kysely';
import { migrations } from '../../migrations/index.ts';
import type { Db } from './open.ts';

export async function pendingMigrations(db: Db): Promise<string[]> {
  const migrator = new Migrator({ db, provider: { getMigrations: async () => migrations } });
  const all = await migrator.getMigrations();
  return all.filter((m) => !m.executedAt).map((m) => m.name);
}

export async function migrate(db: Db, file: string): Promise<string[]> {
  const pending = await pendingMigrations(db);
  if (pending.length === 0) return [];
  const hasData = await db.introspection.getTables().then((t) => t.some((x) => !x.name.startsWith('kysely_')));
  if (hasData && file !== ':memory:' && fs.existsSync(file)) {
    await db.sqlite.backup(`${file}.before-${pending[0]}.bak`);
  }
  const migrator = new Migrator({ db, provider: { getMigrations: async () => migrations } });
  const result: MigrationResultSet = await migrator.migrateToLatest();
  if (result.error) throw result.error;
  return (result.results ?? []).filter((r) => r.status === 'Success').map((r) => r.migrationName);
}
