// The production install: the esbuild bundle started with production dependencies only (no tsx,
// no dev packages), answering /healthz, printing the first-start link, and stopping cleanly on
// SIGTERM. node_modules is a tree of symlinks to the installed production packages; with
// --preserve-symlinks they resolve their own dependencies inside it, never in the full tree.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync, spawn } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { once } from 'node:events';
import Sqlite from 'better-sqlite3';
import { appRoot } from '../src/platform/paths.ts';

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

/** Links every production package (per `npm ls --omit=dev`) into `<dir>/node_modules`. */
function linkProductionModules(dir: string): string[] {
  const out = execFileSync('npm', ['ls', '--omit=dev', '--all', '--parseable'], { cwd: appRoot, encoding: 'utf8' });
  const top = path.join(appRoot, 'node_modules') + path.sep;
  const names = out
    .split('\n')
    .filter((p) => p.startsWith(top))
    .map((p) => p.slice(top.length))
    .filter((name) => !name.includes(`${path.sep}node_modules${path.sep}`)); // nested ones come with their parent
  for (const name of new Set(names)) {
    const link = path.join(dir, 'node_modules', name);
    fs.mkdirSync(path.dirname(link), { recursive: true });
    fs.symlinkSync(path.join(top, name), link, 'dir');
  }
  return names;
}

async function waitForHealth(url: string, child: { exitCode: number | null }, ms: number): Promise<number> {
  const end = Date.now() + ms;
  while (Date.now() < end && child.exitCode === null) {
    try {
      const res = await fetch(url);
      if (res.ok) return res.status;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  return 0;
}

test('the bundle runs with production dependencies only, then stops cleanly on SIGTERM', { timeout: 60_000 }, async (t) => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'palabre-prod-'));
  t.after(() => fs.rmSync(dir, { recursive: true, force: true }));
  execFileSync(process.execPath, [path.join(appRoot, 'scripts/build.mjs'), '--outdir', path.join(dir, 'dist')], { cwd: appRoot, stdio: 'pipe' });
  fs.copyFileSync(path.join(appRoot, 'package.json'), path.join(dir, 'package.json'));
  fs.cpSync(path.join(appRoot, 'views'), path.join(dir, 'views'), { recursive: true });
  fs.cpSync(path.join(appRoot, 'static'), path.join(dir, 'static'), { recursive: true });
  const linked = linkProductionModules(dir);
  assert.ok(linked.includes('fastify') && linked.includes('better-sqlite3'));
  for (const dev of ['tsx', 'esbuild', 'typescript', 'autocannon', 'smtp-server']) assert.ok(!linked.includes(dev), `${dev} is not a production dependency`);

  const dataDir = path.join(dir, 'data');
  const port = await freePort();
  const child = spawn(process.execPath, ['--preserve-symlinks', 'dist/main.js', 'serve'], {
    cwd: dir,
    env: { PATH: process.env.PATH, NODE_ENV: 'production', PORT: String(port), HOST: '127.0.0.1', DATA_DIR: dataDir, LOG_LEVEL: 'warn' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (d) => (stdout += d));
  child.stderr.on('data', (d) => (stderr += d));
  t.after(() => {
    if (child.exitCode === null) child.kill('SIGKILL');
  });

  const status = await waitForHealth(`http://127.0.0.1:${port}/healthz`, child, 20_000);
  assert.equal(status, 200, `healthz never answered.\nstdout: ${stdout}\nstderr: ${stderr}`);
  const home = await fetch(`http://127.0.0.1:${port}/`);
  assert.equal(home.status, 200);
  const page = await home.text();
  // Static files resolve from the app root: the stylesheet, htmx from node_modules, and the
  // browser bundle the build wrote next to the server bundle.
  for (const name of ['palabre.css', 'htmx.js', ...(fs.existsSync(path.join(appRoot, 'static/js/palabre.ts')) ? ['palabre.js'] : [])]) {
    const url = new RegExp(`"(/assets/[0-9a-f]{12}/${name.replace('.', '\\.')})"`).exec(page)?.[1];
    assert.ok(url, `${name} referenced by the home page`);
    const asset = await fetch(`http://127.0.0.1:${port}${url}`);
    assert.equal(asset.status, 200, name);
    await asset.arrayBuffer();
  }
  assert.match(stdout, /First start: open this link to create the administrator account/);
  assert.match(stdout, new RegExp(`http://localhost:${port}/setup\\?token=\\S+`));

  const started = Date.now();
  child.kill('SIGTERM');
  const [code, signal] = (await once(child, 'exit')) as [number | null, NodeJS.Signals | null];
  assert.equal(signal, null);
  assert.equal(code, 0, `exit code after SIGTERM.\nstderr: ${stderr}`);
  assert.ok(Date.now() - started < 5000, 'stopped within 5 s');

  const db = new Sqlite(path.join(dataDir, 'palabre.db'), { readonly: true, fileMustExist: true });
  t.after(() => db.close());
  assert.equal(db.pragma('integrity_check', { simple: true }), 'ok');
  assert.ok((db.prepare('select count(*) as n from kysely_migration').get() as { n: number }).n >= 1);
});
