// Hot reads compiled once per shape. Building and compiling a query with Kysely costs about as
// much as running a small one (a third of a millisecond for the home list), on every request.
// `compiledQuery(build)` compiles the query once for each shape key, with stand-ins for its
// values, and then only swaps the values in: the SQL, the statement SQLite prepared for it and
// the row builder of db/write.ts are all reused.
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
