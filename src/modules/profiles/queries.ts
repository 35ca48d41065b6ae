// A person's public profile: their public fields, and their published contributions in the
// projects the visitor may see (one query per page, one row more than a page, no COUNT).
import { sql } from 'kysely';
import type { Db } from '../../db/open.ts';
import { readSync } from '../../db/write.ts';
import type { SessionUser } from '../../platform/sessions.ts';
import { projectVisibleTo } from '../../platform/participation.ts';

export const PROFILE_PAGE_SIZE = 20;

/**
 * Only what a profile shows, never the email; and only for a live account: a deleted one has
 * no page gathering its contributions, nor has a suspended or unconfirmed one.
 */
export function findProfile(db: Db, userId: number) {
  return readSync(db).first(
    db
      .selectFrom('users')
      .select(['id', 'display_name', 'created_at'])
      .where('id', '=', userId)
      .where('deleted_at', 'is', null)
      .where('suspended_at', 'is', null)
      .where('email_confirmed_at', 'is not', null),
  );
}

/**
 * Published contributions whose parent (if any) is published too, in projects visible to the
 * viewer: public ones, restricted ones through a group the viewer belongs to, all for admins.
 */
export function listProfileContributions(db: Db, authorId: number, viewer: SessionUser | null, page: number) {
  let q = db
    .selectFrom('contributions as c')
    .innerJoin('steps as s', 's.id', 'c.step_id')
    .innerJoin('projects as p', 'p.id', 's.project_id')
    .leftJoin('contributions as parent', 'parent.id', 'c.parent_id')
    .select(['c.id', 'c.kind', 'c.step_id', 'c.parent_id', 'c.title', 'c.body_md', 'c.created_at', 's.type as step_type', 'p.title as project_title', 'p.slug as project_slug'])
    .where('c.author_id', '=', authorId)
    .where('c.status', '=', sql.lit('published'))
    .where((eb) => eb.or([eb('c.parent_id', 'is', null), eb('parent.status', '=', sql.lit('published'))]));
  q = q.where((eb) => projectVisibleTo(eb, viewer));
  const rows = readSync(db).all(
    q
      .orderBy('c.created_at', 'desc')
      .orderBy('c.id', 'desc')
      .limit(sql.lit(PROFILE_PAGE_SIZE + 1))
      .offset((page - 1) * PROFILE_PAGE_SIZE),
  );
  return { items: rows.slice(0, PROFILE_PAGE_SIZE), hasNext: rows.length > PROFILE_PAGE_SIZE };
}
export type ProfileContribution = ReturnType<typeof listProfileContributions>['items'][number];
