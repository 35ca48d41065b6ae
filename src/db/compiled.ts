// Hot reads compiled once per shape. Building and compiling a query with Kysely costs about as
// much as running a small one (a third of a millisecond for the home list), on every request.
// `compiledQuery(build)` compiles the query once for each shape key, with stand-ins for its
// values, and then only swaps the values in: the SQL, the statement SQLite prepared for it and
// the row builder of db/write.ts are all reused.
//
// Two values are written as literals (`sql.lit(...)`) in every query, compiled or not, because
// SQLite reads them to plan the statement, and so plans it again at every run when they are bound:
// - a LIMIT (a constant of the code, never a visitor's value);
// - a constant compared with a column that a partial index's WHERE names (contributions.status,
//   comments_items.published, notifications.emailed, questionnaire_responses.status...).
// Measured: 2 to 9 µs more per statement alone, about 40 µs inside a request, where the statement's
// plan has left the processor's caches (a person's questionnaire draft: 46 µs bound, 2.8 µs alone).
import type { Compilable, CompiledQuery } from 'kysely';
import type { Db } from './open.ts';

/** Stands for a value while the query is compiled; replaced by the value of that name. */
class Param {
  constructor(readonly name: string) {}
}

/**
 * `build(db, p, shape)` writes the query with `p.<name>` wherever a value goes; anything that
 * changes the SQL itself (an optional filter, a sort, a kind of viewer) must be told by `shape`,
 * the key under which the compiled query is kept (one dialect, SQLite: the SQL does not depend on
 * the database). The result is a Compilable for readSync(db).all/first.
 */
export function compiledQuery<V extends Record<string, unknown>, R>(build: (db: Db, p: V, shape: string) => Compilable<R>): (db: Db, shape: string, values: V) => Compilable<R> {
  const stand = new Proxy({}, { get: (_target, name) => new Param(String(name)) }) as V;
  const shapes = new Map<string, CompiledQuery<R>>();
  return (db, shape, values) => {
    let compiled = shapes.get(shape);
    if (!compiled) shapes.set(shape, (compiled = build(db, stand, shape).compile()));
    const parameters = compiled.parameters.map((v) => (v instanceof Param ? values[v.name] : v));
    const query = { ...compiled, parameters };
    return { compile: () => query };
  };
}
