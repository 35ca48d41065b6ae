// Reads of the notifications: a page of a person's list (newest first, by cursor, no COUNT, each
// row joined with what it shows: no query per row), one notification of theirs, their email
// choice, and the person an unsubscribe key names.
import { sql, type ExpressionBuilder } from 'kysely';
import type { Db } from '../../db/open.ts';
import type { ProjectsTable, Schema } from '../../db/schema.ts';
import { readSync } from '../../db/write.ts';
import { compiledQuery } from '../../db/compiled.ts';
import { projectVisibleTo, visibilityShape } from '../../platform/participation.ts';
import type { SessionUser } from '../../platform/sessions.ts';
import { PAGE_SIZE, type EmailChoice, type NotificationRow } from './rules.ts';

/**
 * projectVisibleTo is typed against an inner-joined `p`; here the project is left-joined (a
 * notification may have none), which Kysely types as nullable: the SQL is the same.
 */
export type ProjectEb = ExpressionBuilder<Schema & { p: ProjectsTable }, 'p'>;

/** The notifications table aliased `n` joined with what a notification shows, and its columns. */
export function withWhatItShows(db: Db) {
  return db
    .selectFrom('notifications as n')
    .leftJoin('users as a', 'a.id', 'n.actor_id')
    .leftJoin('projects as p', 'p.id', 'n.project_id')
    .leftJoin('steps as s', 's.id', 'n.step_id')
    .leftJoin('contributions as c', 'c.id', 'n.contribution_id')
    .leftJoin('contributions as pc', 'pc.id', 'c.parent_id')
    .select([
      'n.id',
      'n.kind',
      'n.created_at',
      'n.read_at',
      'n.actor_id',
      'a.display_name as actor_name',
      'a.deleted_at as actor_deleted_at',
      'p.slug as project_slug',
      'p.title as project_title',
      'n.step_id',
      's.title as step_title',
      's.type as step_type',
      'n.contribution_id',
      'c.kind as c_kind',
      'c.title as c_title',
      'c.parent_id as c_parent_id',
      'c.status as c_status',
      'c.author_id as c_author_id',
      'pc.kind as parent_kind',
      'pc.title as parent_title',
      'pc.status as parent_status',
    ]);
}

/** projectVisibleTo needs a viewer; in a compiled query its id is a stand-in for the value. */
function viewerOf(shape: string, id: number): SessionUser {
  return { id, role: shape === 'admin' ? 'admin' : 'citizen', email_confirmed_at: shape === 'public' ? null : 'confirmed', email: '', display_name: '', locale: 'fr', unread_notifications: 0 };
}

// The list page, and one notification for opening it: compiled once per kind of viewer and page.
const listQuery = compiledQuery<{ userId: number; before: number; id: number }, NotificationRow>((db, p, shape) => {
  const [visibility, page] = shape.split('|');
  let q = withWhatItShows(db)
    .where('n.user_id', '=', p.userId)
    // A project this person can no longer see (a group they left) is not revealed again.
    .where((eb) => eb.or([eb('n.project_id', 'is', null), projectVisibleTo(eb as unknown as ProjectEb, viewerOf(visibility!, p.userId))]));
  if (page === 'one') return q.where('n.id', '=', p.id);
  if (page === 'before') q = q.where('n.id', '<', p.before);
  return q.orderBy('n.id', 'desc').limit(sql.lit(PAGE_SIZE + 1));
});

/** A page of the person's notifications, newest first, before the cursor when given. */
export function listNotifications(db: Db, user: SessionUser, before: number | null): { rows: NotificationRow[]; next: number | null } {
  const rows = readSync(db).all(listQuery(db, `${visibilityShape(user)}|${before === null ? 'first' : 'before'}`, { userId: user.id, before: before ?? 0, id: 0 }));
  const page = rows.slice(0, PAGE_SIZE);
  return { rows: page, next: rows.length > PAGE_SIZE ? page[page.length - 1]!.id : null };
}

/** One notification of this person (another's, or about a project hidden from them: none). */
export function findNotification(db: Db, user: SessionUser, id: number): NotificationRow | undefined {
  return readSync(db).first(listQuery(db, `${visibilityShape(user)}|one`, { userId: user.id, before: 0, id }));
}

export function findEmailChoice(db: Db, userId: number): EmailChoice {
  return readSync(db).first(db.selectFrom('users').select('notify_email').where('id', '=', userId))?.notify_email ?? 'immediate';
}

/** The live account an unsubscribe key names (deleted accounts have nothing left to stop). */
export function findByUnsubscribeKey(db: Db, key: string): { id: number } | undefined {
  if (!/^[A-Za-z0-9_-]{8,64}$/.test(key)) return undefined;
  return readSync(db).first(db.selectFrom('users').select('id').where('unsubscribe_key', '=', key).where('deleted_at', 'is', null));
}
