// Reads and writes of the accounts module. Write helpers take the caller's transaction so a
// change and the email it causes commit together (see src/db/write.ts).
import type { Db } from '../../db/open.ts';
import type { Tx } from '../../db/write.ts';
import { readSync } from '../../db/write.ts';
import type { TokenPurpose } from '../../db/schema.ts';
import { deleteUserSessionsQuery } from '../../platform/sessions.ts';

/** What the account pages show; null for a deleted account. */
export function findAccount(db: Db, userId: number) {
  return readSync(db).first(
    db
      .selectFrom('users')
      .select(['id', 'email', 'display_name', 'role', 'locale', 'news_consent', 'terms_accepted_at', 'email_confirmed_at', 'created_at'])
      .where('id', '=', userId)
      .where('deleted_at', 'is', null),
  );
}

/** True when another live account already uses this address. */
export function emailUsedByOther(db: Db, email: string, userId: number): boolean {
  return !!readSync(db).first(db.selectFrom('users').select('id').where('email', '=', email).where('id', '!=', userId));
}

/** Confirms the address the link was sent to; nothing happens if the address changed since. */
export function confirmUserEmail(db: Db, tx: Tx, userId: number, email: string, now: string): void {
  tx.run(db.updateTable('users').set({ email_confirmed_at: now }).where('id', '=', userId).where('email', '=', email).where('email_confirmed_at', 'is', null));
}

/** Sets a new password hash; a reset link also proves the address, so it confirms it. */
export function setUserPassword(db: Db, tx: Tx, userId: number, passwordHash: string, opts: { confirmEmailAt?: string } = {}): number {
  const changes = tx.run(db.updateTable('users').set({ password_hash: passwordHash }).where('id', '=', userId).where('deleted_at', 'is', null)).changes;
  if (opts.confirmEmailAt) {
    tx.run(db.updateTable('users').set({ email_confirmed_at: opts.confirmEmailAt }).where('id', '=', userId).where('email_confirmed_at', 'is', null));
  }
  return changes;
}

export function updateProfile(db: Db, tx: Tx, userId: number, profile: { displayName: string; newsConsent: boolean }): void {
  tx.run(db.updateTable('users').set({ display_name: profile.displayName, news_consent: profile.newsConsent ? 1 : 0 }).where('id', '=', userId).where('deleted_at', 'is', null));
}

/** The new address was proven by its link, so it is confirmed at once. Throws on a UNIQUE clash. */
export function changeUserEmail(db: Db, tx: Tx, userId: number, email: string, now: string): number {
  return tx.run(db.updateTable('users').set({ email, email_confirmed_at: now }).where('id', '=', userId).where('deleted_at', 'is', null)).changes;
}

/** Unused links of one purpose stop working, e.g. other reset links once the password changed. */
export function deleteUnusedTokens(db: Db, tx: Tx, userId: number, purpose: TokenPurpose): void {
  tx.run(db.deleteFrom('one_time_tokens').where('user_id', '=', userId).where('purpose', '=', purpose).where('used_at', 'is', null));
}

export function deleteUserSessions(db: Db, tx: Tx, userId: number): void {
  tx.run(deleteUserSessionsQuery(db, userId));
}
