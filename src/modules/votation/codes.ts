// Access codes of an electoral roll: 120 random bits shown once (printed or emailed), stored only
// as an HMAC-SHA-256 keyed by the instance's votation key. The key lives in a file of the data
// folder (made on first use, readable by its owner only), not in the database: a copy of the
// database alone cannot test codes. The platform has no instance secret yet (see the report).
import fs from 'node:fs';
import path from 'node:path';
import { createHmac, randomBytes } from 'node:crypto';

const KEY_FILE = 'votation-codes.key';
const keys = new Map<string, Buffer>();

/** The instance's key, read once per data folder. */
export function votationKey(dataDir: string): Buffer {
  let key = keys.get(dataDir);
  if (key) return key;
  const file = path.join(dataDir, KEY_FILE);
  try {
    fs.writeFileSync(file, randomBytes(32).toString('hex'), { flag: 'wx', mode: 0o600 });
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
  }
  key = Buffer.from(fs.readFileSync(file, 'utf8').trim(), 'hex');
  if (key.length !== 32) throw new Error(`${file} is not a 32-byte hex key`);
  keys.set(dataDir, key);
  return key;
}

// Crockford's base32 without I, L, O, U: nothing to confuse when typing a printed code.
const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

/** 120 bits in 24 characters, printed in six groups of four. */
export function newCode(): string {
  const bytes = randomBytes(15);
  let bits = 0;
  let value = 0;
  let out = '';
  for (const byte of bytes) {
    value = (value << 8) | byte;
    bits += 8;
    while (bits >= 5) {
      out += ALPHABET[(value >>> (bits - 5)) & 31];
      bits -= 5;
    }
  }
  return out.match(/.{4}/g)!.join('-');
}

/** What a person typed, as the code it stands for: case, spaces and dashes ignored, O→0, I/L→1. */
export function normalizeCode(typed: string): string | null {
  const plain = typed.toUpperCase().replace(/[\s-]/g, '').replace(/O/g, '0').replace(/[IL]/g, '1');
  return /^[0-9A-HJKMNP-TV-Z]{24}$/.test(plain) ? plain : null;
}

/** The stored form of a code, bound to its step so a code of one votation means nothing in another. */
export function codeHash(key: Buffer, stepId: number, code: string): Uint8Array {
  return new Uint8Array(createHmac('sha256', key).update(`${stepId}:${code.replace(/-/g, '')}`).digest());
}
