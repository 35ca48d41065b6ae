// The outbox's row of `npm run bench`: the time for the mail outbox to hand 10,000 messages (a
// campaign's worth, with their unsubscribe headers) to a local SMTP server, and the peak memory
// of the process that sends them. The sender is the whole app (buildApp on a fresh data folder,
// its mailer pointed at the sink), from this file bundled by esbuild and run in a process of its
// own in production mode, as dist/main.js runs (under tsx, the TypeScript loader alone takes some
// 70 MB); the SMTP sink (bench/smtp-sink.ts) stays in the runner. The row's "req/s" are messages
// per second, and its p50 and p99 the whole run's time in ms (there is no latency per request).
// Run alone: `node --import tsx bench/outbox.ts` prints the row.
import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadConfig } from '../src/config.ts';
import { buildApp } from '../src/app.ts';
import { write, readSync } from '../src/db/write.ts';
import type { Scenario } from './scenario.ts';
import type { SmtpSink } from './smtp-sink.ts';

export const MESSAGES = 10_000;
/** The row's name and targets (issue 8): at least 200 messages a second; RSS is checked by run.ts. */
export const OUTBOX: Scenario = { name: 'outbox.10k', min_rps: 200 };

export interface OutboxRow {
  name: string;
  /** Messages handed over per second. */
  rps: number;
  p50_ms: number;
  p99_ms: number;
  rss_mb: number;
  failures: number;
}

const root = path.resolve(import.meta.dirname, '..');
const self = fileURLToPath(import.meta.url);
/** Beside dist/main.js, so the bundle finds node_modules as the server does. */
const bundle = path.join(root, 'dist/bench-outbox.js');

/** Resident memory of this process now (VmRSS) or at its peak (VmHWM), in MB (Linux /proc). */
function rssMb(which: 'VmRSS' | 'VmHWM' = 'VmHWM'): number {
  const kb = Number(new RegExp(`${which}:\\s+(\\d+)`).exec(fs.readFileSync('/proc/self/status', 'utf8'))?.[1] ?? 0);
  return Math.round((kb / 1024) * 10) / 10;
}

/**
 * In the sending process: the app on a fresh database, 10,000 messages queued in one write (as a
 * campaign does), then the app made ready, which starts its mailer, timed until the outbox is empty.
 */
async function sendAll(smtpUrl: string) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'palabre-bench-outbox-'));
  const config = loadConfig(process.env, { DATA_DIR: dir, SMTP_URL: smtpUrl, LOG_LEVEL: 'warn', BASE_URL: 'https://palabre.test', MAIL_FROM: 'Ville de Palabre <no-reply@palabre.test>' });
  const app = await buildApp(config, { jobs: false });
  const { db, mailer } = app;
  const built = rssMb('VmRSS');
  const text = `${'Bonjour, voici les nouvelles du projet du parc des Minimes. '.repeat(12)}\n\n-- \nPour ne plus en recevoir :`;
  write(db, (tx) => {
    for (let i = 0; i < MESSAGES; i++) {
      const url = `https://palabre.test/unsubscribe/key${i}/news`;
      mailer.enqueue(tx, { to: `user${i}@bench.palabre.test`, subject: 'Les nouvelles du parc', text: `${text} ${url}\n`, headers: { 'List-Unsubscribe': `<${url}>`, 'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click' } });
    }
  });
  const queued = rssMb('VmRSS');
  const started = performance.now();
  const cpu = process.cpuUsage();
  await app.ready(); // starts the mailer, whose first drain sends the whole queue; flush waits for it
  await mailer.flush();
  const ms = performance.now() - started;
  const { user, system } = process.cpuUsage(cpu);
  const unsent = Number(readSync(db).first(db.selectFrom('mail_outbox').select((eb) => eb.fn.countAll().as('n')).where('sent_at', 'is', null))?.n ?? 0);
  await app.close();
  fs.rmSync(dir, { recursive: true, force: true });
  return { ms, cpu_ms: (user + system) / 1000, sent: MESSAGES - unsent, unsent, rss_mb: rssMb(), built_mb: built, queued_mb: queued };
}

/** Bundles this file for the sending process, the way scripts/build.mjs bundles the server. */
async function bundleSender(): Promise<void> {
  // Imported here, so the bundled sender never loads esbuild.
  const { build } = await import('esbuild');
  await build({
    entryPoints: [self],
    outfile: bundle,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    packages: 'external',
    banner: { js: "import { createRequire as __palabreCreateRequire } from 'node:module'; const require = __palabreCreateRequire(import.meta.url);" },
    logLevel: 'warning',
  });
}

/** Starts the sink, runs the sender in its own process (production mode), and gives the row. */
export async function benchOutbox(): Promise<OutboxRow> {
  await bundleSender();
  // A path esbuild leaves alone: the sending process never loads the SMTP server's package.
  const sinkModule = path.join(import.meta.dirname, 'smtp-sink.ts');
  const { startSmtpSink } = (await import(sinkModule)) as { startSmtpSink: () => Promise<SmtpSink> };
  const sink = await startSmtpSink();
  try {
    const out = await new Promise<string>((resolve, reject) =>
      execFile(
        process.execPath,
        // The server's own flags (npm start, the Docker image).
        ['--max-semi-space-size=4', '--max-old-space-size=96', bundle, '--send', sink.url],
        { cwd: root, env: { ...process.env, NODE_ENV: 'production' }, maxBuffer: 16 * 1024 * 1024 },
        (err, stdout, stderr) => (err ? reject(new Error(`${err.message}\n${stderr}`)) : resolve(stdout)),
      ),
    );
    const r = JSON.parse(out.trim().split('\n').pop()!) as Awaited<ReturnType<typeof sendAll>>;
    const failures = MESSAGES - sink.received() + r.unsent;
    console.log(`Outbox: ${r.sent} messages in ${Math.round(r.ms)} ms (the sender's CPU: ${Math.round(r.cpu_ms)} ms); its RSS ${r.built_mb} MB once built, ${r.queued_mb} MB with the queue written, ${r.rss_mb} MB at its peak`);
    const total = Math.round(r.ms);
    return { name: OUTBOX.name, rps: Math.round((r.sent / r.ms) * 1000), p50_ms: total, p99_ms: total, rss_mb: r.rss_mb, failures };
  } finally {
    await sink.close();
    fs.rmSync(bundle, { force: true });
  }
}

const entry = process.argv[1] ? path.resolve(process.argv[1]) : '';
if (entry === self || entry === bundle) {
  if (process.argv[2] === '--send') console.log(JSON.stringify(await sendAll(process.argv[3]!)));
  else console.log(JSON.stringify(await benchOutbox()));
}
