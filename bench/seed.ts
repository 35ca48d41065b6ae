// Seeds a fresh benchmark database: migrations, then 10,000 confirmed accounts (the first one an
// administrator) in one synchronous transaction, all sharing one precomputed argon2 hash.
// Usage: node --import tsx bench/seed.ts <dataDir>  (prints the seeded accounts' password as JSON)
import path from 'node:path';
import { openDatabase, closeDatabase } from '../src/db/open.ts';
import { migrate } from '../src/db/migrate.ts';
import { write } from '../src/db/write.ts';
import { insertUser } from '../src/platform/users.ts';
import { hashPassword } from '../src/platform/passwords.ts';
import { seedConsultation } from './seed-consultation.ts';

export const BENCH_USERS = 10_000;
export const BENCH_PASSWORD = 'banc-d-essai-palabre-2026';
export const benchEmail = (i: number) => `user${i}@bench.palabre.test`;

const dataDir = process.argv[2];
if (!dataDir) {
  process.stderr.write('usage: bench/seed.ts <dataDir>\n');
  process.exit(2);
}

const started = Date.now();
const file = path.join(path.resolve(dataDir), 'palabre.db');
const db = openDatabase(file);
await migrate(db, file);
const passwordHash = await hashPassword(BENCH_PASSWORD);
const now = new Date().toISOString();
write(db, (tx) => {
  for (let i = 0; i < BENCH_USERS; i++) {
    insertUser(db, tx, { email: benchEmail(i), passwordHash, displayName: `Personne ${i}`, role: i === 0 ? 'admin' : 'citizen', emailConfirmed: true }, now);
  }
});
// The site counts as set up, as on a live instance: no first-start link, no setup redirect.
write(db, (tx) => tx.run(db.updateTable('site_settings').set({ setup_done_at: now })));
// Issue 3: a large consultation, and sessions of distinct voters for the vote scenario.
const consultation = seedConsultation(db, BENCH_USERS, 5000);
await closeDatabase(db);
process.stdout.write(`${JSON.stringify({ users: BENCH_USERS, password: BENCH_PASSWORD, email: benchEmail(1), consultation, ms: Date.now() - started })}\n`);
