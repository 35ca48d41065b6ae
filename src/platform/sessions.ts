// Sessions after the Lucia guide: a `id.secret` token in a cookie, the SHA-256 of the secret in
// the database, an absolute lifetime and an inactivity timeout. Suspended or deleted accounts
// have no valid session.
import type { Db } from '../db/open.ts';
import { write, readSync } from '../db/write.ts';
import { compiledQuery } from '../db/compiled.ts';
import { newToken, parseToken, secretMatches } from './secrets.ts';

export const SESSION_LIFETIME_MS = 30 * 24 * 3600_000; // absolute: log in again after 30 days
export const SESSION_IDLE_MS = 7 * 24 * 3600_000; // unused for 7 days: expired
const TOUCH_EVERY_MS = 3600_000; // record activity at most hourly: no write per request
const QUIET = { quiet: true }; // sessions change no public page

export interface SessionUser {
  id: number;
  email: string;
  display_name: string;
  role: 'citizen' | 'moderator' | 'admin';
  locale: string;
  email_confirmed_at: string | null;
  /** Shown in the header; kept by notify() and the notifications pages. */
  unread_notifications: number;
}

export interface Session {
  id: string;
  user: SessionUser;
}

export function createSession(db: Db, userId: number, now = Date.now()): string {
  const { id, hash, token } = newToken();
  write(db, (tx) => tx.run(db.insertInto('sessions').values({ id, secret_hash: hash, user_id: userId, created_at: now, last_seen_at: now })), QUIET);
  return token;
}

// Read on every request of a logged-in person: compiled once (db/compiled.ts).
const sessionQuery = compiledQuery<{ id: string }, SessionRow>((db, p) =>
  db
    .selectFrom('sessions')
    .innerJoin('users', 'users.id', 'sessions.user_id')
    .select([
      'sessions.id',
      'sessions.secret_hash',
      'sessions.created_at',
      'sessions.last_seen_at',
      'users.id as user_id',
      'users.email',
      'users.display_name',
      'users.role',
      'users.locale',
      'users.email_confirmed_at',
      'users.unread_notifications',
      'users.suspended_at',
      'users.deleted_at',
    ])
    .where('sessions.id', '=', p.id),
);

interface SessionRow {
  id: string;
  secret_hash: Uint8Array;
  created_at: number;
  last_seen_at: number;
  user_id: number;
  email: string | null;
  display_name: string | null;
  role: SessionUser['role'];
  locale: string;
  email_confirmed_at: string | null;
  unread_notifications: number;
  suspended_at: string | null;
  deleted_at: string | null;
}

export function validateSession(db: Db, token: unknown, now = Date.now()): Session | null {
  const parsed = parseToken(token);
  if (!parsed) return null;
  const row = readSync(db).first(sessionQuery(db, '', { id: parsed.id }));
  if (!row || !secretMatches(parsed.secret, row.secret_hash)) return null;
  const expired = now - row.created_at > SESSION_LIFETIME_MS || now - row.last_seen_at > SESSION_IDLE_MS;
  if (expired || row.suspended_at || row.deleted_at || !row.email) {
    deleteSession(db, row.id);
    return null;
  }
  if (now - row.last_seen_at > TOUCH_EVERY_MS) {
    write(db, (tx) => tx.run(db.updateTable('sessions').set({ last_seen_at: now }).where('id', '=', row.id)), QUIET);
  }
  return {
    id: row.id,
    user: {
      id: row.user_id,
      email: row.email,
      display_name: row.display_name ?? '',
      role: row.role,
      locale: row.locale,
      email_confirmed_at: row.email_confirmed_at,
      unread_notifications: row.unread_notifications,
    },
  };
}

export function deleteSession(db: Db, sessionId: string): void {
  write(db, (tx) => tx.run(db.deleteFrom('sessions').where('id', '=', sessionId)), QUIET);
}

/** Used inside a caller's write transaction: password change, suspension, deletion. */
export function deleteUserSessionsQuery(db: Db, userId: number) {
  return db.deleteFrom('sessions').where('user_id', '=', userId);
}
