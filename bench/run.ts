// `npm run bench`: builds the bundle, seeds a fresh database (bench/seed.ts, in its own process),
// starts the server in production mode and measures every row of the bench files listed in
// bench/index.ts with autocannon, GET /ping being the ceiling of this machine. Prints a table and
// writes bench/results.json. Each row's ratio divides by the ceiling measured again around it
// (see `ceilingNow`). BENCH_ONLY=name,name runs those rows (and the ceiling) only;
// BENCH_DURATION sets the seconds per row; BENCH_NODE_FLAGS the server's node flags (default: npm start's).
import { execFileSync, spawn } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import autocannon from 'autocannon';
import { benches } from './index.ts';
import { benchOutbox, OUTBOX } from './outbox.ts';
import type { RunContext, Scenario } from './scenario.ts';

const root = path.resolve(import.meta.dirname, '..');
const CONNECTIONS = 10;
const DURATION_S = Number(process.env.BENCH_DURATION ?? 10);
const WARMUP_S = 2;
/** Seconds of GET /ping measured again between rows (after one of warm-up). */
const CEILING_S = 3;
const MAX_RSS_MB = 150;
const only = process.env.BENCH_ONLY?.split(',').filter(Boolean);
const scenarios: Scenario[] = benches.flatMap((b) => b.scenarios).filter((s) => !only || s.name === 'ceiling' || only.includes(s.name));

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer().on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

/** Peak resident memory of a process since the last reset, in MB (Linux /proc). */
function peakRssMb(pid: number): number {
  const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = Number(/VmHWM:\s+(\d+)/.exec(status)?.[1] ?? 0);
  return Math.round((kb / 1024) * 10) / 10;
}

/** Resets the peak so each scenario reports its own (falls back to the peak since start). */
function resetPeak(pid: number): void {
  try {
    fs.writeFileSync(`/proc/${pid}/clear_refs`, '5');
  } catch {
    // not permitted here: VmHWM then covers the whole run so far
  }
}

/** A small cookie jar over fetch, enough to log in through the real forms. */
function makeContext(baseUrl: string, seeds: Record<string, unknown>): RunContext {
  return {
    baseUrl,
    seeds,
    async login(email, password) {
      const jar = new Map<string, string>();
      const keep = (res: Response) => {
        for (const c of res.headers.getSetCookie()) {
          const pair = c.split(';')[0]!;
          const at = pair.indexOf('=');
          jar.set(pair.slice(0, at), pair.slice(at + 1));
        }
      };
      const cookie = () => [...jar].map(([k, v]) => `${k}=${v}`).join('; ');
      const page = await fetch(`${baseUrl}/login`, { headers: { cookie: cookie() } });
      keep(page);
      const csrf = /name="_csrf" value="([^"]+)"/.exec(await page.text())?.[1];
      const res = await fetch(`${baseUrl}/login`, {
        method: 'POST',
        redirect: 'manual',
        headers: { cookie: cookie(), 'content-type': 'application/x-www-form-urlencoded' },
        body: new URLSearchParams({ _csrf: csrf ?? '', email, password }),
      });
      keep(res);
      if (res.status !== 303) throw new Error(`login as ${email} failed: ${res.status}`);
      // The session's own CSRF token, for scenarios that post forms.
      const after = await fetch(`${baseUrl}/account`, { headers: { cookie: cookie() } });
      const token = /name="_csrf" value="([^"]+)"/.exec(await after.text())?.[1] ?? '';
      return { cookie: cookie(), csrf: token };
    },
  };
}

function run(opts: autocannon.Options): Promise<autocannon.Result> {
  return new Promise((resolve, reject) => {
    autocannon(opts, (err, result) => (err ? reject(err) : resolve(result)));
  });
}

async function waitForHealth(url: string, child: ReturnType<typeof spawn>) {
  for (let i = 0; i < 200 && child.exitCode === null; i++) {
    try {
      if ((await fetch(url)).ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error('the server did not become healthy');
}

execFileSync(process.execPath, [path.join(root, 'scripts/build.mjs')], { cwd: root, stdio: 'inherit' });
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'palabre-bench-'));
const seedOut = execFileSync(process.execPath, ['--import', 'tsx', path.join(root, 'bench/seed.ts'), dataDir], { cwd: root, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
const { seeds, ms } = JSON.parse(seedOut.trim().split('\n').pop()!);
console.log(`Seeded in ${ms} ms (${dataDir})`);

const port = await freePort();
const baseUrl = `http://127.0.0.1:${port}`;
// The same node flags as `npm start` and the Docker image; BENCH_NODE_FLAGS tries others.
const nodeFlags = process.env.BENCH_NODE_FLAGS?.split(' ').filter(Boolean) ?? ['--max-semi-space-size=4', '--max-old-space-size=96'];
const server = spawn(process.execPath, [...nodeFlags, path.join(root, 'dist/main.js'), 'serve'], {
  cwd: root,
  env: { ...process.env, NODE_ENV: 'production', LOG_LEVEL: 'warn', PORT: String(port), HOST: '127.0.0.1', DATA_DIR: dataDir, BASE_URL: baseUrl },
  stdio: ['ignore', 'ignore', 'inherit'],
});
const stop = () => {
  if (server.exitCode === null) server.kill('SIGTERM');
};
process.on('exit', stop);

const rows: { name: string; rps: number; p50_ms: number; p99_ms: number; rss_mb: number; ceiling_before?: number; failures: number }[] = [];
let lastCeiling: number | undefined;

/**
 * The ceiling as the machine is now, measured between rows. This VM's speed drifts during a
 * run: two runs of the same code measured their one ceiling at 15,503 and 9,907 req/s while the
 * pages after it ran at the same speed in both, so every ratio moved by half. A row is compared
 * with the higher of the ceilings just before and just after it: one of them alone sometimes ran
 * at half speed right after a row of writes, and the higher never flatters the row.
 */
async function ceilingNow(): Promise<number> {
  const opts = { url: `${baseUrl}/ping`, connections: CONNECTIONS };
  await run({ ...opts, duration: 1 });
  return Math.round((await run({ ...opts, duration: CEILING_S })).requests.average);
}
try {
  await waitForHealth(`${baseUrl}/healthz`, server);
  console.log(`Server started: ${peakRssMb(server.pid!)} MB peak RSS so far (pid ${server.pid})`);
  const ctx = makeContext(baseUrl, seeds);
  for (const scenario of scenarios) {
    const path = typeof scenario.path === 'function' ? scenario.path(seeds) : scenario.path;
    const extra = scenario.setup ? await scenario.setup(ctx) : { requests: [{ method: 'GET', path }] };
    const opts = { url: baseUrl, connections: CONNECTIONS, ...extra } as autocannon.Options;
    const ceilingBefore = scenario.name === 'ceiling' ? undefined : await ceilingNow();
    resetPeak(server.pid!);
    await run({ ...opts, duration: WARMUP_S });
    const result = await run({ ...opts, duration: DURATION_S });
    // Redirects are answers too (a vote without JavaScript answers 303); 4xx/5xx are failures.
    const failures = result['4xx'] + result['5xx'] + result.errors + result.timeouts;
    if (failures > 0) console.warn(`${scenario.name}: ${failures} failed or 4xx/5xx responses out of ${result.requests.total}`);
    rows.push({ name: scenario.name, rps: Math.round(result.requests.average), p50_ms: result.latency.p50, p99_ms: result.latency.p99, rss_mb: peakRssMb(server.pid!), ceiling_before: ceilingBefore, failures });
  }
  lastCeiling = await ceilingNow();
} finally {
  stop();
}
await new Promise<void>((r) => (server.exitCode === null ? server.once('exit', () => r()) : r()));
// The outbox's row (bench/outbox.ts): messages per second handed to a local SMTP server by a
// process of its own, once the server has stopped; its p50 and p99 columns hold the run's total ms.
if (!only || only.includes(OUTBOX.name)) {
  rows.push(await benchOutbox());
  scenarios.push(OUTBOX);
}
fs.rmSync(dataDir, { recursive: true, force: true });

// ratio: to the ceiling around the row (ceilingNow); ratio_first: to the run's first one, as before.
const first = rows.find((r) => r.name === 'ceiling')?.rps ?? 0;
const share = (rps: number, of: number) => Math.round((rps / of) * 1000) / 1000;
const results = rows.map(({ failures, ceiling_before, ...r }, i) => {
  if (r.name === OUTBOX.name || !first) return { ...r, ceiling_rps: null, ratio: null, ratio_first: null };
  const after = rows[i + 1]?.ceiling_before ?? lastCeiling;
  const ceiling = ceiling_before === undefined ? r.rps : Math.max(ceiling_before, after ?? 0);
  return { ...r, ceiling_rps: ceiling, ratio: share(r.rps, ceiling), ratio_first: share(r.rps, first) };
});
fs.writeFileSync(path.join(root, 'bench/results.json'), `${JSON.stringify(results, null, 2)}\n`);

const header = ['scenario', 'req/s', 'p50 ms', 'p99 ms', 'peak RSS MB', 'ceiling around', 'ratio', 'ratio to first'];
const percent = (ratio: number | null) => (ratio === null ? '-' : `${Math.round(ratio * 100)}%`);
const lines = results.map((r) => [r.name, String(r.rps), String(r.p50_ms), String(r.p99_ms), String(r.rss_mb), r.ceiling_rps === null ? '-' : String(r.ceiling_rps), percent(r.ratio), percent(r.ratio_first)]);
const widths = header.map((h, i) => Math.max(h.length, ...lines.map((l) => l[i]!.length)));
const fmt = (cells: string[]) => `| ${cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join(' | ')} |`;
console.log(`\n${fmt(header)}\n|${widths.map((w, i) => i === 0 ? '-'.repeat(w + 2) : `${'-'.repeat(w + 1)}:`).join('|')}|`);
for (const l of lines) console.log(fmt(l));

const missed: string[] = [];
for (const [i, r] of results.entries()) {
  const scenario = scenarios[i]!;
  if (scenario.max_p99 && r.p99_ms >= scenario.max_p99) missed.push(`${r.name}: p99 ${r.p99_ms} ms ≥ ${scenario.max_p99} ms`);
  if (r.rss_mb >= MAX_RSS_MB) missed.push(`${r.name}: peak RSS ${r.rss_mb} MB ≥ ${MAX_RSS_MB} MB`);
  if (scenario.min_ratio && r.ratio !== null && r.ratio < scenario.min_ratio) missed.push(`${r.name}: ${Math.round(r.ratio * 100)}% of the ceiling < ${scenario.min_ratio * 100}%`);
  if (scenario.min_rps && r.rps < scenario.min_rps) missed.push(`${r.name}: ${r.rps} req/s < ${scenario.min_rps}`);
  if (rows[i]!.failures > 0) missed.push(`${r.name}: ${rows[i]!.failures} failed responses`);
}
console.log(missed.length ? `\nTargets missed:\n  ${missed.join('\n  ')}` : '\nAll targets met (each scenario: p99, peak RSS, share of the ceiling, req/s).');
console.log('Written to bench/results.json');
