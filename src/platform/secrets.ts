// Random identifiers and `id.secret` tokens as in the Lucia guide: only the SHA-256 of the
// secret is stored, and it is compared in constant time.
import { createHash, getRandomValues } from 'node:crypto';
import { constantTimeEqual } from '@oslojs/crypto/subtle';
import { encodeBase32LowerCaseNoPadding } from '@oslojs/encoding';

/** 120 bits of randomness in 24 lowercase base32 characters. */
export function randomString(): string {
  const bytes = new Uint8Array(15);
  getRandomValues(bytes);
  return encodeBase32LowerCaseNoPadding(bytes);
}

// Node's native SHA-256: the same digest as @oslojs/crypto's, which is written in JavaScript and
// cost a few percent of every logged-in request (each one checks its session's secret).
export function hashSecret(secret: string): Uint8Array {
  return new Uint8Array(createHash('sha256').update(secret).digest());
}

export function secretMatches(secret: string, hash: Uint8Array): boolean {
  return constantTimeEqual(hashSecret(secret), new Uint8Array(hash));
}

/** Splits `id.secret`; anything else is null. */
export function parseToken(token: unknown): { id: string; secret: string } | null {
  if (typeof token !== 'string' || token.length > 100) return null;
  const parts = token.split('.');
  if (parts.length !== 2 || !parts[0] || !parts[1]) return null;
  return { id: parts[0], secret: parts[1] };
}

export function newToken(): { id: string; secret: string; token: string; hash: Uint8Array } {
  const id = randomString();
  const secret = randomString();
  return { id, secret, token: `${id}.${secret}`, hash: hashSecret(secret) };
}
