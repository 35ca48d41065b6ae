// CSRF tokens bound to the session: token = HMAC(visitor cookie secret, session id). Logging in
// changes the session, so a token from before no longer works. Checked after the body is parsed.
import { createHmac, timingSafeEqual } from 'node:crypto';

export function csrfToken(cookieSecret: string, sessionId: string | null): string {
  return createHmac('sha256', cookieSecret).update(sessionId ?? 'anonymous').digest('base64url');
}

export function csrfValid(cookieSecret: string | undefined, sessionId: string | null, given: unknown): boolean {
  if (!cookieSecret || typeof given !== 'string' || given.length > 100) return false;
  const expected = Buffer.from(csrfToken(cookieSecret, sessionId));
  const actual = Buffer.from(given);
  return actual.length === expected.length && timingSafeEqual(actual, expected);
}
