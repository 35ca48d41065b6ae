// Writes: a synchronous transaction commits all or nothing; writes asked for in one turn of
// the event loop commit together (group commit), each in its own savepoint. Reads: those of one
// turn share one read transaction, which a write ends first.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Sqlite from 'better-sqlite3';
import { openDatabase } from './open.ts';
import { migrate } from './migrate.ts';
import { onCommit, readSync, write, writeSoon } from './write.ts';

async function freshDb() {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'palabre-write-'));
  const file = path.join(dir, 'palabre.db');
  const db = openDatabase(file);
  await migrate(db, file);
  return db;
}

test('writes asked for together share one commit; one that throws is rolled back and rejected alone', async () => {
  const db = await freshDb();
  let commits = 0;
  onCommit(db, () => commits++);
  const theme = (name: string) => (tx: Parameters<Parameters<typeof write>[1]>[0]) => tx.run(db.insertInto('themes').values({ name })).lastInsertRowid;
  const results = await Promise.allSettled([
    writeSoon(db, theme('Mobilité')),
    writeSoon(db, (tx) => {
      theme('Éphémère')(tx);
      throw new Error('refused');
    }),
    writeSoon(db, theme('Écoles')),
  ]);
  assert.deepEqual(results.map((r) => r.status), ['fulfilled', 'rejected', 'fulfilled']);
  assert.equal((results[1] as PromiseRejectedResult).reason.message, 'refused');
  const names = readSync(db).all(db.selectFrom('themes').select('name').orderBy('id')).map((r) => r.name);
  assert.deepEqual(names, ['Mobilité', 'Écoles']);
  assert.equal(commits, 1, 'one commit for the whole batch');
  // A later turn of the loop is a new batch.
  await writeSoon(db, theme('Culture'));
  assert.equal(commits, 2);
  await db.destroy();
});

test('a synchronous write that throws leaves nothing and tells no listener', async () => {
  const db = await freshDb();
  let commits = 0;
  onCommit(db, () => commits++);
  assert.throws(() =>
    write(db, (tx) => {
      tx.run(db.insertInto('themes').values({ name: 'Annulé' }));
      throw new Error('no');
    }),
  );
  assert.equal(readSync(db).all(db.selectFrom('themes').select('name')).length, 0);
  assert.equal(commits, 0);
  await db.destroy();
});

test('the reads of one turn share one read transaction, ended before the next turn; a write in between commits at once', async () => {
  const db = await freshDb();
  const themes = () => readSync(db).all(db.selectFrom('themes').select('name').orderBy('id')).map((r) => r.name);
  assert.deepEqual(themes(), []);
  assert.equal(db.sqlite.inTransaction, true, 'the first read of the turn opened the shared read transaction');
  await new Promise((resolve) => process.nextTick(resolve));
  assert.equal(db.sqlite.inTransaction, false, 'ended once the turn was done');

  // Read, write, read in one turn: the write does not wait for the turn's end to commit.
  assert.deepEqual(themes(), []);
  write(db, (tx) => tx.run(db.insertInto('themes').values({ name: 'Mobilité' })));
  assert.equal(db.sqlite.inTransaction, false);
  const other = new Sqlite(db.sqlite.name, { readonly: true });
  try {
    assert.deepEqual(other.prepare('select name from themes').all(), [{ name: 'Mobilité' }], 'another connection sees the write as soon as write() returns');
  } finally {
    other.close();
  }
  assert.deepEqual(themes(), ['Mobilité']);
  // A batched write (writeSoon) after reads of the same turn commits too.
  await writeSoon(db, (tx) => tx.run(db.insertInto('themes').values({ name: 'Écoles' })));
  assert.deepEqual(themes(), ['Mobilité', 'Écoles']);
  await db.destroy();
});
