// `npm run test:crash`: the votation's ballots survive SIGKILL. The built server (dist/main.js, as
// in production) runs on 127.0.0.1; several clients vote continuously with access codes of an
// electoral roll while the server is killed with SIGKILL at random moments, at least 50 times.
// After each restart: every acknowledged ballot is in the box with its answers, nobody voted
// twice, as many ballots as marks in the register, PRAGMA integrity_check ok. Prints figures.
// Bounded: KILLS rounds (default 50) and at most CRASH_MAX_S seconds (default 600).
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import Sqlite from 'better-sqlite3';
import { codeHash, newCode, votationKey } from '../../src/modules/votation/codes.ts';

const root = path.resolve(import.meta.dirname, '../..');
const KILLS = Number(process.env.KILLS ?? 50);
const CLIENTS = 4;
const ROLL = 20_000;
const MAX_MS = Number(process.env.CRASH_MAX_S ?? 600) * 1000;
const started = Date.now();
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'palabre-crash-'));

let server: ChildProcess | null = null;

function fail(message: string): never {
  server?.kill('SIGKILL');
  process.stderr.write(`CRASH TEST FAILED: ${message} (data kept in ${dataDir})\n`);
  process.exit(1);
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer().on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

// The bundle, a fresh data folder, migrations, then one open votation by roll with ROLL codes.
if (!process.env.CRASH_NO_BUILD) execFileSync(process.execPath, [path.join(root, 'scripts/build.mjs')], { cwd: root, stdio: 'inherit' });
const port = await freePort();
const baseUrl = `http://127.0.0.1:${port}`;
const env = { ...process.env, NODE_ENV: 'production', LOG_LEVEL: 'warn', PORT: String(port), HOST: '127.0.0.1', DATA_DIR: dataDir, BASE_URL: baseUrl };
execFileSync(process.execPath, [path.join(root, 'dist/main.js'), 'migrate'], { cwd: root, env, stdio: 'ignore' });
const dbFile = path.join(dataDir, 'palabre.db');
const codes: string[] = [];
const stepId = (() => {
  const db = new Sqlite(dbFile);
  const now = new Date().toISOString();
  const later = new Date(Date.now() + 86400_000).toISOString();
  const earlier = new Date(Date.now() - 86400_000).toISOString();
  const projectId = Number(db.prepare(`insert into projects (slug, title, summary, visibility, created_at, updated_at) values ('crash', 'Crash', '', 'public', ?, ?)`).run(now, now).lastInsertRowid);
  const id = Number(
    db.prepare(`insert into steps (project_id, position, type, title, body_md, starts_at, ends_at, settings, created_at, updated_at) values (?, 1, 'votation', 'Vote', '', ?, ?, ?, ?, ?)`)
      .run(projectId, earlier, later, JSON.stringify({ electorate: 'roll' }), now, now).lastInsertRowid,
  );
  db.prepare(`insert into votation_questions (step_id, position, title, method, max_choices, blank_allowed, options_json, grades_json) values (?, 1, 'Q', 'majority', null, 0, ?, ?)`)
    .run(id, JSON.stringify(['A', 'B', 'C']), JSON.stringify(['Excellent', 'Bien', 'Passable', 'À rejeter']));
  const key = votationKey(dataDir);
  const insert = db.prepare(`insert into votation_roll (step_id, identifier, code_hash) values (?, ?, ?)`);
  db.transaction(() => {
    for (let i = 0; i < ROLL; i++) {
      const code = newCode();
      codes.push(code);
      insert.run(id, `V${i}`, Buffer.from(codeHash(key, id, code)));
    }
  })();
  db.close();
  return id;
})();

interface Acked { receipt: string; answers: number[]; code: string }
const acked: Acked[] = [];
let nextCode = 0;
let unknown = 0;
let refusedTwice = 0;

async function startServer(): Promise<void> {
  server = spawn(process.execPath, ['--max-semi-space-size=4', '--max-old-space-size=96', path.join(root, 'dist/main.js'), 'serve'], { cwd: root, env, stdio: ['ignore', 'ignore', 'inherit'] });
  for (let i = 0; i < 300; i++) {
    try {
      if ((await fetch(`${baseUrl}/healthz`)).ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 50));
  }
  fail('the server did not start');
}

/** A browser's CSRF cookie and token, read from the votation's page. */
async function session(): Promise<{ cookie: string; csrf: string }> {
  const res = await fetch(`${baseUrl}/votation/${stepId}`);
  const cookie = res.headers.getSetCookie().map((c) => c.split(';')[0]).join('; ');
  const csrf = /name="_csrf" value="([^"]+)"/.exec(await res.text())?.[1];
  if (!csrf) fail('no CSRF token on the votation page');
  return { cookie, csrf };
}

async function postBallot(s: { cookie: string; csrf: string }, code: string, answers: number[]): Promise<Response> {
  const body = new URLSearchParams({ _csrf: s.csrf, code, ...Object.fromEntries(answers.map((g, o) => [`q0_o${o}`, String(g)])) });
  return fetch(`${baseUrl}/votation/${stepId}/ballot`, { method: 'POST', body, headers: { cookie: s.cookie, 'content-type': 'application/x-www-form-urlencoded' } });
}

/** Votes with fresh codes until the server dies; counts acknowledged ballots. */
async function client(stop: { dead: boolean }): Promise<void> {
  let s: { cookie: string; csrf: string };
  try {
    s = await session();
  } catch {
    return;
  }
  while (!stop.dead) {
    const code = codes[nextCode++];
    if (!code) fail('the roll ran out of codes: raise ROLL');
    const answers = [0, 1, 2].map(() => Math.floor(Math.random() * 4));
    try {
      const res = await postBallot(s, code, answers);
      const html = await res.text();
      if (res.status !== 200) fail(`a fresh code was refused: ${res.status}`);
      const receipt = /id="votation-receipt">([0-9a-f-]+)</.exec(html)?.[1];
      if (!receipt) fail('no receipt in an accepted ballot');
      acked.push({ receipt: receipt.replace(/-/g, ''), answers, code });
    } catch {
      unknown++; // the answer was lost with the server: this code may or may not have voted
      return;
    }
  }
}

function check(round: number): void {
  const db = new Sqlite(dbFile);
  try {
    const integrity = db.pragma('integrity_check', { simple: true });
    if (integrity !== 'ok') fail(`round ${round}: integrity_check says ${String(integrity)}`);
    const ballots = (db.prepare('select count(*) as n from votation_ballots where step_id = ?').get(stepId) as { n: number }).n;
    const voters = db.prepare('select count(*) as n, count(distinct roll_id) as d from votation_voters where step_id = ?').get(stepId) as { n: number; d: number };
    const turnout = (db.prepare('select voters_count as n from votation_steps where step_id = ?').get(stepId) as { n: number } | undefined)?.n ?? 0;
    if (ballots !== voters.n) fail(`round ${round}: ${ballots} ballots but ${voters.n} marks`);
    if (voters.d !== voters.n) fail(`round ${round}: a voter marked twice`);
    if (turnout !== voters.n) fail(`round ${round}: turnout ${turnout} but ${voters.n} marks`);
    if (ballots < acked.length) fail(`round ${round}: ${acked.length} acknowledged but ${ballots} ballots`);
    const find = db.prepare('select answers from votation_ballots where step_id = ? and id = ?');
    for (const a of acked) {
      const row = find.get(stepId, a.receipt) as { answers: string } | undefined;
      if (!row) fail(`round ${round}: the acknowledged ballot ${a.receipt} is missing`);
      if (row.answers !== JSON.stringify([a.answers])) fail(`round ${round}: ballot ${a.receipt} changed`);
    }
  } finally {
    db.close();
  }
}

let kills = 0;
while (kills < KILLS) {
  if (Date.now() - started > MAX_MS) fail(`time bound reached after ${kills} kills`);
  await startServer();
  // After a restart, an acknowledged code votes again: refused (422), nothing written.
  if (acked.length) {
    const a = acked[Math.floor(Math.random() * acked.length)]!;
    const res = await postBallot(await session(), a.code, [0, 0, 0]);
    if (res.status !== 422) fail(`a second ballot with a used code answered ${res.status}`);
    refusedTwice++;
  }
  const stop = { dead: false };
  const clients = Array.from({ length: CLIENTS }, () => client(stop));
  await new Promise((r) => setTimeout(r, 50 + Math.random() * 600));
  const victim = server!;
  const exited = new Promise((r) => victim.once('exit', r));
  victim.kill('SIGKILL');
  stop.dead = true;
  await exited;
  kills++;
  await Promise.all(clients);
  check(kills);
}
await startServer();
check(kills + 1);
server!.kill('SIGTERM');
const db = new Sqlite(dbFile, { readonly: true });
const total = (db.prepare('select count(*) as n from votation_ballots').get() as { n: number }).n;
db.close();
fs.rmSync(dataDir, { recursive: true, force: true });
const seconds = ((Date.now() - started) / 1000).toFixed(1);
console.log(`Crash test passed: ${kills} SIGKILLs in ${seconds} s, ${acked.length} acknowledged ballots all present, ${total} ballots = ${total} marks, ${unknown} requests cut by a kill (outcome unknown to the client, counted consistently), ${refusedTwice} second ballots with a used code refused, integrity_check ok after every restart.`);
