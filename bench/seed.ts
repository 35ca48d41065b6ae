// Seeds a fresh benchmark database, in its own process: migrations, then each bench file's data
// in the order of index.ts. Prints {"seeds": {<file>: data}, "ms": n} as its last line.
// Usage: node --import tsx bench/seed.ts <dataDir>
import path from 'node:path';
import { openDatabase, closeDatabase } from '../src/db/open.ts';
import { migrate } from '../src/db/migrate.ts';
import { benches } from './index.ts';
import { BENCH_USERS } from './platform.ts';

const dataDir = process.argv[2];
if (!dataDir) {
  process.stderr.write('usage: bench/seed.ts <dataDir>\n');
  process.exit(2);
}

const started = Date.now();
const file = path.join(path.resolve(dataDir), 'palabre.db');
const db = openDatabase(file);
await migrate(db, file);
const seeds: Record<string, unknown> = {};
for (const bench of benches) if (bench.seed) seeds[bench.name] = await bench.seed({ db, users: BENCH_USERS });
await closeDatabase(db);
process.stdout.write(`${JSON.stringify({ seeds, ms: Date.now() - started })}\n`);
