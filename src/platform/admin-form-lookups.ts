// What the back-office forms of several modules (news, events, campaigns) read from the database:
// the projects a post, an event or a campaign may be attached to, and whether a slug is taken.
import type { Kysely } from 'kysely';
import type { Db } from '../db/open.ts';
import type { Schema } from '../db/schema.ts';
import { readSync } from '../db/write.ts';

/** Every project, drafts included, by title: the choices of a form's project field. */
export function listProjectChoices(db: Db): { id: number; title: string }[] {
  return readSync(db).all(db.selectFrom('projects').select(['id', 'title']).orderBy('title'));
}

export function projectExists(db: Db, id: number): boolean {
  return !!readSync(db).first(db.selectFrom('projects').select('id').where('id', '=', id));
}

/** The tables whose rows are named in URLs by a unique slug. */
export type SluggedTable = { [K in keyof Schema & string]: Schema[K] extends { id: unknown; slug: string } ? K : never }[keyof Schema & string];

/** Whether another row of `table` than `exceptId` (null: a new one) already has this slug. */
export function slugTaken(db: Db, table: SluggedTable, slug: string, exceptId: number | null): boolean {
  // Every slugged table has these two columns: seen as one shape, whichever table it is.
  const slugged = db as unknown as Kysely<Record<SluggedTable, { id: number; slug: string }>>;
  return !!readSync(db).first(
    slugged
      .selectFrom(table)
      .select('id')
      .where('slug', '=', slug)
      .$if(exceptId !== null, (q) => q.where('id', '!=', exceptId!)),
  );
}
