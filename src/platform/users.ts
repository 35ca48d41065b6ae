// Accounts as every part of the site needs them: creating one (registration, setup, the CLI)
// and finding one. Account pages live in the accounts module.
import { sql } from 'kysely';
import type { Db } from '../db/open.ts';
import type { Tx } from '../db/write.ts';
import { readSync } from '../db/write.ts';
import type { UsersTable } from '../db/schema.ts';

export interface NewUser {
  email: string;
  passwordHash: string | null;
  displayName: string;
  role?: UsersTable['role'];
  locale?: string;
  newsConsent?: boolean;
  /** Set when the address is known to be the person's (setup, CLI). */
  emailConfirmed?: boolean;
}

/** Inserts inside the caller's transaction; the UNIQUE constraint on email is the final word. */
export function insertUser(db: Db, tx: Tx, user: NewUser, now = new Date().toISOString()): number {
  return tx.run(
    db.insertInto('users').values({
      email: user.email,
      password_hash: user.passwordHash,
      display_name: user.displayName,
      role: user.role ?? 'citizen',
      locale: user.locale ?? 'fr',
      news_consent: user.newsConsent ? 1 : 0,
      terms_accepted_at: now,
      email_confirmed_at: user.emailConfirmed ? now : null,
      created_at: now,
    }),
  ).lastInsertRowid;
}

export function findUserByEmail(db: Db, email: string) {
  return readSync(db).first(db.selectFrom('users').selectAll().where('email', '=', email));
}

export function findUserById(db: Db, id: number) {
  return readSync(db).first(db.selectFrom('users').selectAll().where('id', '=', id));
}

export function adminExists(db: Db): boolean {
  return !!readSync(db).first(db.selectFrom('users').select('id').where('role', '=', 'admin').where('deleted_at', 'is', null).limit(sql.lit(1)));
}

/** True when SQLite refused an insert or update because of a UNIQUE constraint. */
export function isUniqueViolation(err: unknown): boolean {
  return (err as { code?: string })?.code === 'SQLITE_CONSTRAINT_UNIQUE';
}
