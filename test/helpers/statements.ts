// The SQL statements a call prepares, seen on a fresh app (a new database prepares each statement
// on first use): to check that a list reads limit+1 rows and never counts.
import { makeApp } from './app.ts';
import type { Db } from '../../src/db/open.ts';

export async function statementsPreparedBy(call: (db: Db) => unknown): Promise<string[]> {
  const fresh = await makeApp();
  const seen: string[] = [];
  const original = fresh.db.sqlite.prepare.bind(fresh.db.sqlite);
  fresh.db.sqlite.prepare = ((source: string) => (seen.push(source), original(source))) as typeof fresh.db.sqlite.prepare;
  try {
    call(fresh.db);
  } finally {
    fresh.db.sqlite.prepare = original;
    await fresh.close();
  }
  return seen;
}
