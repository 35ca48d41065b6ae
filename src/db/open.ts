// Opens the SQLite file with the pragmas every connection needs, and wraps it in Kysely.
// One process, one connection: better-sqlite3 is synchronous, so statements never interleave.
import fs from 'node:fs';
import path from 'node:path';
import Sqlite from 'better-sqlite3';
import { Kysely, SqliteDialect } from 'kysely';
import type { Schema } from './schema.ts';

export type SqliteDatabase = Sqlite.Database;

/** Kysely for building and reading, plus the raw handle for synchronous write transactions. */
export type Db = Kysely<Schema> & { readonly sqlite: SqliteDatabase };

export function openDatabase(file: string): Db {
  if (file !== ':memory:') fs.mkdirSync(path.dirname(file), { recursive: true });
  const sqlite = new Sqlite(file);
  sqlite.pragma('journal_mode = WAL');
  // This build reopens WAL files with synchronous=NORMAL: votes must survive a power cut.
  sqlite.pragma('synchronous = FULL');
  sqlite.pragma('foreign_keys = ON');
  // Deleted rows are overwritten, not left in free space: a replaced ballot, an erased account.
  sqlite.pragma('secure_delete = ON');
  // An 8 MB page cache (this build's default is 16 MB): the file's pages stay in the system's
  // cache anyway, and the server stays under 150 MB on a small machine (npm run bench).
  sqlite.pragma('cache_size = -8000');
  sqlite.pragma('busy_timeout = 5000');
  const kysely = new Kysely<Schema>({ dialect: new SqliteDialect({ database: sqlite }) });
  return Object.assign(kysely, { sqlite });
}

export async function closeDatabase(db: Db): Promise<void> {
  await db.destroy(); // closes the better-sqlite3 handle too
}
