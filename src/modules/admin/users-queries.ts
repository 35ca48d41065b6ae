// The accounts list (keyset pagination: never counts, never skips rows) and the role changes
// made from it (suspensions go through platform/suspensions.ts, which logs them).
import { sql } from 'kysely';
import type { Db } from '../../db/open.ts';
import { write } from '../../db/write.ts';
import { containsPattern, type Role } from './rules.ts';

export const USERS_PAGE = 50;

export interface UserListOptions {
  q: string;
  /** Accounts listed after this id in newest-first order (the last id of the previous page). */
  after: number | null;
  limit?: number;
}

/** The query behind one page: newest first by id, limit+1 rows to know whether a page follows. */
export function usersPageQuery(db: Db, opts: UserListOptions) {
  const limit = opts.limit ?? USERS_PAGE;
  let query = db
    .selectFrom('users')
    .select(['id', 'email', 'display_name', 'role', 'email_confirmed_at', 'suspended_at', 'deleted_at', 'created_at'])
    .orderBy('id', 'desc')
    .limit(sql.lit(limit + 1));
  if (opts.after !== null) query = query.where('id', '<', opts.after);
  if (opts.q !== '') {
    const pattern = containsPattern(opts.q);
    // Raw SQL for ESCAPE, which Kysely's `like` operator cannot express: % and _ typed in the
    // search box are literal characters, not wildcards.
    query = query.where((eb) => eb.or([sql<boolean>`${eb.ref('email')} like ${pattern} escape '\\'`, sql<boolean>`${eb.ref('display_name')} like ${pattern} escape '\\'`]));
  }
  return query;
}

/** One page of accounts; `next` is the cursor of the following page, or null on the last one. */
export async function listUsers(db: Db, opts: UserListOptions) {
  const limit = opts.limit ?? USERS_PAGE;
  const rows = await usersPageQuery(db, opts).execute();
  const more = rows.length > limit;
  const users = more ? rows.slice(0, limit) : rows;
  return { users, next: more ? (users.at(-1)?.id ?? null) : null };
}

export function findAccount(db: Db, id: number) {
  return db.selectFrom('users').select(['id', 'role', 'suspended_at', 'deleted_at']).where('id', '=', id).executeTakeFirst();
}

export function setUserRole(db: Db, id: number, role: Role): void {
  write(db, (tx) => tx.run(db.updateTable('users').set({ role }).where('id', '=', id).where('deleted_at', 'is', null)));
}
