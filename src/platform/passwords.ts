// Passwords: argon2id at OWASP's minimum settings, at least 8 characters, no composition
// rules, and the most common passwords refused (the zxcvbn-ts common list, ~49,000 entries).
import { hash, verify } from '@node-rs/argon2';
import { dictionary } from '@zxcvbn-ts/language-common';

const options = { algorithm: 2 /* Argon2id; the package's const enum cannot be imported under verbatimModuleSyntax */, memoryCost: 19456, timeCost: 2, parallelism: 1 };
const common = new Set((dictionary['passwords-common'] as string[]).map((p) => p.toLowerCase()));

export const PASSWORD_MIN = 8;
export const PASSWORD_MAX = 200;

/** A catalogue key describing what is wrong with the password, or null. */
export function passwordProblem(password: string): string | null {
  if ([...password].length < PASSWORD_MIN) return 'forms.password.too_short';
  if (password.length > PASSWORD_MAX) return 'forms.password.too_long';
  if (common.has(password.toLowerCase())) return 'forms.password.too_common';
  return null;
}

export function hashPassword(password: string): Promise<string> {
  return hash(password, options);
}

export async function verifyPassword(hashed: string | null, password: string): Promise<boolean> {
  // Verify against a real hash even when there is none, so a missing account takes as long.
  if (!hashed) {
    await verify(await dummy, password).catch(() => false);
    return false;
  }
  return verify(hashed, password).catch(() => false);
}

const dummy = hash('not-a-real-password', options);
