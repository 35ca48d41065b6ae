// A page of one stored random order as a visitor reads it (the collect and selection lists): from
// the visitor's seed to the order's end, then from its start up to the seed, so that every row
// comes exactly once and another seed starts elsewhere, for the cost of two index walks.
import { sql, type SelectQueryBuilder } from 'kysely';
import type { Db } from './open.ts';

/**
 * `walk(side)` is one side of the seed: the ids whose key is `>=` or `<` the seed, ordered as
 * their index holds them; each side is cut at enough rows for the page at its offset (a subquery
 * with a limit is also one SQLite does not flatten into the compound). SQLite runs a UNION ALL
 * without ORDER BY one arm after the other, so the compound's offset counts places in the
 * visitor's order; an ORDER BY on it would sort both sides whole (2.2 ms against 0.01 ms at
 * 50,000 rows). SQLite does not promise that order: the modules' list-random tests pin it.
 * `size` is the rows wanted (a page and one more, to know whether a next one exists).
 */
export function rotatedPage<O>(db: Db, walk: (side: '>=' | '<') => SelectQueryBuilder<any, any, O>, size: number, offset: number): SelectQueryBuilder<any, any, O> {
  // `size + ?`: not a bound LIMIT alone, which SQLite would re-plan at every run (db/compiled.ts).
  const limit = sql<number>`${sql.lit(size)} + ${offset}`;
  // Typed loosely here: Kysely cannot type a compound of subqueries over any schema.
  const from = db as unknown as { selectFrom(sub: unknown): SelectQueryBuilder<any, any, O> };
  const side = (op: '>=' | '<', alias: string) => from.selectFrom(walk(op).limit(limit).as(alias)).selectAll();
  return side('>=', 'after').unionAll(side('<', 'before')).limit(sql.lit(size)).offset(offset);
}
