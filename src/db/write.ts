// Synchronous writes: Kysely builds and compiles the statements, better-sqlite3 runs them in
// an IMMEDIATE transaction that never awaits, so a slow request cannot hold the connection.
import type { Compilable, CompiledQuery } from 'kysely';
import type { Statement } from 'better-sqlite3';
import type { Db } from './open.ts';

export interface Tx {
  /** Runs an INSERT / UPDATE / DELETE without RETURNING; gives the changed row count and last id. */
  run(query: Compilable<unknown>): { changes: number; lastInsertRowid: number };
  /** Runs a query that returns rows (SELECT, or a write with RETURNING). */
  all<R>(query: Compilable<R>): R[];
  first<R>(query: Compilable<R>): R | undefined;
}

/**
 * A prepared statement and, for one that returns rows, the function that turns a row's values
 * into an object. better-sqlite3 builds row objects key by key, which costs more than running a
 * small query; rows read as arrays and built by a function with the columns written out get one
 * stable shape and are made about twice as fast.
 */
interface Prepared {
  stmt: Statement;
  row?: (values: unknown[]) => unknown;
}

const cache = new WeakMap<object, Map<string, Prepared>>();

function prepare(db: Db, compiled: CompiledQuery): Prepared {
  let stmts = cache.get(db.sqlite);
  if (!stmts) cache.set(db.sqlite, (stmts = new Map()));
  let prepared = stmts.get(compiled.sql);
  if (!prepared) {
    const stmt = db.sqlite.prepare(compiled.sql);
    prepared = { stmt };
    if (stmt.reader) {
      const columns = stmt.columns().map((c, i) => `${JSON.stringify(c.name)}: v[${i}]`);
      prepared.row = new Function('v', `return { ${columns.join(', ')} };`) as (values: unknown[]) => unknown;
      stmt.raw(true);
    }
    if (stmts.size > 500) stmts.clear(); // dynamic IN-lists must not grow it forever
    stmts.set(compiled.sql, prepared);
  }
  return prepared;
}

function txFor(db: Db): Tx {
  return {
    run(query) {
      const compiled = query.compile();
      const info = prepare(db, compiled).stmt.run(...(compiled.parameters as unknown[]));
      return { changes: info.changes, lastInsertRowid: Number(info.lastInsertRowid) };
    },
    all<R>(query: Compilable<R>) {
      const compiled = query.compile();
      const { stmt, row } = prepare(db, compiled);
      return (stmt.all(...(compiled.parameters as unknown[])) as unknown[][]).map(row!) as R[];
    },
    first<R>(query: Compilable<R>) {
      const compiled = query.compile();
      const { stmt, row } = prepare(db, compiled);
      const values = stmt.get(...(compiled.parameters as unknown[])) as unknown[] | undefined;
      return (values === undefined ? undefined : row!(values)) as R | undefined;
    },
  };
}

const committed = new WeakMap<object, Set<() => void>>();

/** Calls `listener` after each committed write that may change what a page shows (the page
 * cache empties itself so). Returns the function that removes it. */
export function onCommit(db: Db, listener: () => void): () => void {
  let set = committed.get(db.sqlite);
  if (!set) committed.set(db.sqlite, (set = new Set()));
  set.add(listener);
  return () => set.delete(listener);
}

export interface WriteOptions {
  /** True for bookkeeping no page shows (sessions, the mail outbox): no commit listener runs. */
  quiet?: boolean;
}

/**
 * Runs `fn` in one IMMEDIATE transaction: all its statements commit together or none do.
 * `fn` must be synchronous; throwing rolls everything back (and tells no listener).
 */
export function write<T>(db: Db, fn: (tx: Tx) => T, opts: WriteOptions = {}): T {
  endReads(db);
  const tx = txFor(db);
  const result = db.sqlite.transaction(() => fn(tx)).immediate();
  if (!opts.quiet) for (const listener of committed.get(db.sqlite) ?? []) listener();
  return result;
}

interface Waiting {
  fn: (tx: Tx) => unknown;
  resolve: (value: unknown) => void;
  reject: (reason: unknown) => void;
}
const batches = new WeakMap<object, Waiting[]>();

/**
 * Like `write`, for the busiest durable writes (votes): the writes asked for during one turn of
 * the event loop commit together, so one fsync acknowledges them all (group commit). Each runs in
 * its own savepoint: one that throws is rolled back and rejected alone. A vote with
 * synchronous=FULL spends most of its time in that fsync, during which nothing else runs.
 */
export function writeSoon<T>(db: Db, fn: (tx: Tx) => T): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    let batch = batches.get(db.sqlite);
    if (!batch) {
      batches.set(db.sqlite, (batch = []));
      setImmediate(() => commitBatch(db));
    }
    batch.push({ fn, resolve: resolve as (value: unknown) => void, reject });
  });
}

function commitBatch(db: Db): void {
  const batch = batches.get(db.sqlite) ?? [];
  batches.delete(db.sqlite);
  endReads(db);
  const tx = txFor(db);
  const results: ({ ok: true; value: unknown } | { ok: false; error: unknown })[] = [];
  try {
    db.sqlite
      .transaction(() => {
        for (const w of batch) {
          try {
            results.push({ ok: true, value: db.sqlite.transaction(() => w.fn(tx))() }); // a savepoint
          } catch (error) {
            results.push({ ok: false, error });
          }
        }
      })
      .immediate();
  } catch (error) {
    for (const w of batch) w.reject(error); // the commit itself failed: nothing was written
    return;
  }
  for (const listener of committed.get(db.sqlite) ?? []) listener();
  batch.forEach((w, i) => {
    const r = results[i]!;
    if (r.ok) w.resolve(r.value);
    else w.reject(r.error);
  });
}

// ---- Reads ----
// In WAL mode every statement outside a transaction takes and drops a read lock on the file (a
// few system calls: ~10 µs here, more than a small indexed read). The synchronous reads of one
// turn of the event loop therefore share one read transaction, opened by the first of them and
// ended when the turn's synchronous code is done (process.nextTick), before anything can await
// on it: a page's dozen reads take the lock once, and see one consistent snapshot.

interface Reads {
  open: boolean;
  begin: Statement;
  commit: Statement;
}
const reads = new WeakMap<object, Reads>();

function beginReads(db: Db): void {
  let r = reads.get(db.sqlite);
  if (!r) reads.set(db.sqlite, (r = { open: false, begin: db.sqlite.prepare('BEGIN'), commit: db.sqlite.prepare('COMMIT') }));
  // Inside a write, or already shared: nothing to open.
  if (r.open || db.sqlite.inTransaction) return;
  r.begin.run();
  r.open = true;
  process.nextTick(endReads, db);
}

/** Ends the turn's shared read transaction, if open: before a write starts its own. */
function endReads(db: Db): void {
  const r = reads.get(db.sqlite);
  if (!r?.open) return;
  r.open = false;
  if (!db.sqlite.open || !db.sqlite.inTransaction) return;
  try {
    r.commit.run();
  } catch {
    // A statement still iterating holds the connection: try again on a later turn.
    r.open = true;
    setImmediate(endReads, db);
  }
}

/** Synchronous reads through the same statement cache, sharing the turn's read transaction. */
export function readSync(db: Db): Tx {
  const tx = txFor(db);
  return {
    run: tx.run,
    all(query) {
      beginReads(db);
      return tx.all(query);
    },
    first(query) {
      beginReads(db);
      return tx.first(query);
    },
  };
}
