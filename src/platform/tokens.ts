// One-time links (email confirmation, password reset, email change, first-run setup): a random
// `id.secret` whose hash is stored; a link works once and, except for setup, expires.
import type { Db } from '../db/open.ts';
import type { Tx } from '../db/write.ts';
import type { TokenPurpose } from '../db/schema.ts';
import { newToken, parseToken, secretMatches } from './secrets.ts';
import { readSync } from '../db/write.ts';

export const TOKEN_LIFETIME_MS: Record<TokenPurpose, number | null> = {
  confirm_email: 48 * 3600_000,
  change_email: 48 * 3600_000,
  reset_password: 3600_000,
  setup: null, // valid until used
};

/** Creates a token inside the caller's transaction and returns the secret link part. */
export function issueToken(db: Db, tx: Tx, purpose: TokenPurpose, userId: number | null, payload: string | null = null, now = new Date()): string {
  const { id, hash, token } = newToken();
  const life = TOKEN_LIFETIME_MS[purpose];
  tx.run(
    db.insertInto('one_time_tokens').values({
      id,
      secret_hash: hash,
      purpose,
      user_id: userId,
      payload,
      expires_at: life === null ? null : new Date(now.getTime() + life).toISOString(),
      used_at: null,
      created_at: now.toISOString(),
    }),
  );
  return token;
}

export interface ValidToken {
  id: string;
  user_id: number | null;
  payload: string | null;
}

export type TokenCheck = { ok: true; token: ValidToken } | { ok: false; reason: 'invalid' | 'expired' | 'used' };

/** Checks a token without using it (a GET shows the form; the POST uses it). */
export function checkToken(db: Db, purpose: TokenPurpose, raw: unknown, now = new Date()): TokenCheck {
  const parsed = parseToken(raw);
  if (!parsed) return { ok: false, reason: 'invalid' };
  const row = readSync(db).first(db.selectFrom('one_time_tokens').selectAll().where('id', '=', parsed.id).where('purpose', '=', purpose));
  if (!row || !secretMatches(parsed.secret, row.secret_hash)) return { ok: false, reason: 'invalid' };
  if (row.used_at) return { ok: false, reason: 'used' };
  if (row.expires_at && row.expires_at < now.toISOString()) return { ok: false, reason: 'expired' };
  return { ok: true, token: { id: row.id, user_id: row.user_id, payload: row.payload } };
}

/** Marks a token used inside the caller's transaction; false when another request used it first. */
export function useToken(db: Db, tx: Tx, id: string, now = new Date()): boolean {
  return tx.run(db.updateTable('one_time_tokens').set({ used_at: now.toISOString() }).where('id', '=', id).where('used_at', 'is', null)).changes === 1;
}
