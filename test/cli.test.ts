// The `palabre` command run as a real process, from a fresh esbuild bundle (what production runs,
// and twice as quick to start as tsx): migrate, admin create, backup, configuration errors, usage.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { execFile, execFileSync } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import Sqlite from 'better-sqlite3';
import { appRoot } from '../src/platform/paths.ts';
import { openDatabase, closeDatabase } from '../src/db/open.ts';
import { checkToken } from '../src/platform/tokens.ts';

interface Run {
  status: number | null;
  stdout: string;
  stderr: string;
}

// An app folder holding the bundle, with package.json (the app root marker) and links to the rest.
let appDir = '';
before(() => {
  appDir = fs.mkdtempSync(path.join(os.tmpdir(), 'palabre-cli-app-'));
  execFileSync(process.execPath, [path.join(appRoot, 'scripts/build.mjs'), '--outdir', path.join(appDir, 'dist')], { stdio: 'pipe' });
  fs.copyFileSync(path.join(appRoot, 'package.json'), path.join(appDir, 'package.json'));
  for (const name of ['node_modules', 'views', 'static']) fs.symlinkSync(path.join(appRoot, name), path.join(appDir, name), 'dir');
});
after(() => fs.rmSync(appDir, { recursive: true, force: true }));

/** Runs the command in a child process; the tests run side by side, each in its own folder. */
function palabre(dataDir: string, args: string[], env: Record<string, string> = {}): Promise<Run> {
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      [path.join(appDir, 'dist/main.js'), ...args],
      {
        cwd: appDir,
        encoding: 'utf8',
        env: { PATH: process.env.PATH, DATA_DIR: dataDir, BASE_URL: 'https://participer.example.fr', LOG_LEVEL: 'silent', ...env },
        timeout: 30_000,
      },
      (err, stdout, stderr) => resolve({ status: err ? (typeof err.code === 'number' ? err.code : null) : 0, stdout, stderr }),
    );
  });
}

function tempDir(t: { after: (fn: () => void) => void }): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'palabre-cli-'));
  t.after(() => fs.rmSync(dir, { recursive: true, force: true }));
  return dir;
}

describe('the palabre command', { concurrency: 4 }, () => {
  test('migrate on a fresh folder creates the database and lists the migrations it applied, then none', async (t) => {
    const dir = tempDir(t);
    const first = await palabre(dir, ['migrate']);
    assert.equal(first.status, 0, first.stderr);
    assert.match(first.stdout, /Applied migration 0001_platform_core/);
    assert.ok(fs.existsSync(path.join(dir, 'palabre.db')));
    const second = await palabre(dir, ['migrate']);
    assert.equal(second.status, 0, second.stderr);
    assert.match(second.stdout, /No pending migration/);
  });

  test('admin create makes a confirmed administrator without a password and prints a one-time reset link', async (t) => {
    const dir = tempDir(t);
    const run = await palabre(dir, ['admin', 'create', '--email', ' Maire@Ville.FR ', '--name', 'Camille Martin']);
    assert.equal(run.status, 0, run.stderr);
    const link = /(https:\/\/participer\.example\.fr\/password\/reset\?token=(\S+))/.exec(run.stdout);
    assert.ok(link, run.stdout);

    const db = openDatabase(path.join(dir, 'palabre.db'));
    t.after(() => closeDatabase(db));
    const user = await db.selectFrom('users').selectAll().where('email', '=', 'maire@ville.fr').executeTakeFirstOrThrow();
    assert.equal(user.role, 'admin');
    assert.equal(user.display_name, 'Camille Martin');
    assert.equal(user.password_hash, null);
    assert.ok(user.email_confirmed_at);
    const check = checkToken(db, 'reset_password', decodeURIComponent(link[2]!));
    assert.ok(check.ok && check.token.user_id === user.id);
    // The link outlives the usual hour (it is often handed over), but not a second day.
    assert.ok(checkToken(db, 'reset_password', decodeURIComponent(link[2]!), new Date(Date.now() + 23 * 3600_000)).ok);
    assert.equal(checkToken(db, 'reset_password', decodeURIComponent(link[2]!), new Date(Date.now() + 25 * 3600_000)).ok, false);
  });

  test('admin create on an existing account promotes it instead of creating another', async (t) => {
    const dir = tempDir(t);
    assert.equal((await palabre(dir, ['migrate'])).status, 0);
    const db = openDatabase(path.join(dir, 'palabre.db'));
    t.after(() => closeDatabase(db));
    db.sqlite.prepare("insert into users (email, display_name, role, locale, news_consent, created_at) values ('elu@ville.fr', 'Élu', 'citizen', 'fr', 0, '2026-01-01')").run();
    const run = await palabre(dir, ['admin', 'create', '--email', 'elu@ville.fr']);
    assert.equal(run.status, 0, run.stderr);
    assert.match(run.stdout, /now an administrator/);
    assert.match(run.stdout, /\/password\/reset\?token=/);
    const rows = await db.selectFrom('users').select(['role', 'display_name']).where('email', '=', 'elu@ville.fr').execute();
    assert.deepEqual(rows, [{ role: 'admin', display_name: 'Élu' }]);
  });

  test('admin create refuses a missing or malformed address with the usage and exit code 2', async (t) => {
    const dir = tempDir(t);
    const missing = await palabre(dir, ['admin', 'create']);
    assert.equal(missing.status, 2);
    assert.match(missing.stderr, /--email/);
    const malformed = await palabre(dir, ['admin', 'create', '--email', 'not-an-address']);
    assert.equal(malformed.status, 2);
    assert.match(malformed.stderr, /Not a valid email address/);
    assert.equal(fs.existsSync(path.join(dir, 'palabre.db')), false);
  });

  test('admin create asks for the public name of a new account, never shows the address, and refuses reserved names', async (t) => {
    const dir = tempDir(t);
    const unnamed = await palabre(dir, ['admin', 'create', '--email', 'camille.martin@ville.fr']);
    assert.equal(unnamed.status, 2);
    assert.match(unnamed.stderr, /--name/);
    for (const name of ['Modérateur', 'Participant supprimé', 'Camille\u202eenilliC']) {
      const refused = await palabre(dir, ['admin', 'create', '--email', 'camille.martin@ville.fr', '--name', name]);
      assert.equal(refused.status, 2, name);
      assert.match(refused.stderr, /Not a usable display name/);
    }
    const db = openDatabase(path.join(dir, 'palabre.db'));
    t.after(() => closeDatabase(db));
    assert.equal((await db.selectFrom('users').select('id').execute()).length, 0);
  });

  test('backup writes a copy that passes the integrity check and holds the data', async (t) => {
    const dir = tempDir(t);
    assert.equal((await palabre(dir, ['admin', 'create', '--email', 'admin@ville.fr', '--name', 'Camille'])).status, 0);
    const target = path.join(dir, 'backups', 'copy.db');
    const run = await palabre(dir, ['backup', target]);
    assert.equal(run.status, 0, run.stderr);
    assert.match(run.stdout, /integrity check ok/);
    const copy = new Sqlite(target, { readonly: true });
    t.after(() => copy.close());
    assert.equal(copy.pragma('integrity_check', { simple: true }), 'ok');
    assert.deepEqual(copy.prepare('select email, role from users').all(), [{ email: 'admin@ville.fr', role: 'admin' }]);
  });

  test('backup never overwrites an existing file and fails without a database', async (t) => {
    const dir = tempDir(t);
    const none = await palabre(dir, ['backup', path.join(dir, 'x.db')]);
    assert.equal(none.status, 1);
    assert.match(none.stderr, /No database/);
    assert.equal((await palabre(dir, ['migrate'])).status, 0);
    const existing = path.join(dir, 'existing.db');
    fs.writeFileSync(existing, 'keep me');
    const run = await palabre(dir, ['backup', existing]);
    assert.equal(run.status, 1);
    assert.match(run.stderr, /already exists/);
    assert.equal(fs.readFileSync(existing, 'utf8'), 'keep me');
  });

  test('a bad environment value stops with exit code 1 and a message naming the option', async (t) => {
    const dir = tempDir(t);
    const run = await palabre(dir, ['serve'], { PORT: 'abc' });
    assert.equal(run.status, 1);
    assert.match(run.stderr, /PORT="abc" is not valid/);
    assert.doesNotMatch(run.stderr, /at .*\.ts:\d+/, 'no stack trace for a configuration error');
  });

  test('help prints the usage; an unknown command prints it too and exits with 2', async (t) => {
    const dir = tempDir(t);
    const help = await palabre(dir, ['help']);
    assert.equal(help.status, 0);
    assert.match(help.stdout, /Usage: palabre/);
    assert.match(help.stdout, /admin create --email/);
    const unknown = await palabre(dir, ['frobnicate']);
    assert.equal(unknown.status, 2);
    assert.match(unknown.stderr, /Unknown command: frobnicate/);
    assert.match(unknown.stderr, /Usage: palabre/);
    const option = await palabre(dir, ['migrate', '--frob']);
    assert.equal(option.status, 2);
  });

  test('demo applies the migrations and loads each module demo content', async (t) => {
    const dir = tempDir(t);
    const run = await palabre(dir, ['demo']);
    assert.equal(run.status, 0, run.stderr);
    assert.match(run.stdout, /Applied migration 0001_platform_core/);
    assert.match(run.stdout, /Demo content loaded/);
  });

  test('config shows each option with its value, and never the SMTP password', async (t) => {
    const dir = tempDir(t);
    const run = await palabre(dir, ['config'], { SMTP_URL: 'smtps://mairie:tres-secret@mail.ville.fr:465' });
    assert.equal(run.status, 0, run.stderr);
    assert.match(run.stdout, /^PORT=3000 \(default\)$/m);
    assert.match(run.stdout, /^SMTP_URL=smtps:\/\/mairie:\*\*\*@mail\.ville\.fr:465$/m);
    assert.doesNotMatch(run.stdout, /tres-secret/);
  });

  test('serve on a port already in use says so and exits with 1', async (t) => {
    const dir = tempDir(t);
    const blocker = net.createServer();
    await new Promise<void>((resolve) => blocker.listen(0, '127.0.0.1', resolve));
    t.after(() => blocker.close());
    const { port } = blocker.address() as net.AddressInfo;
    const run = await palabre(dir, ['serve'], { PORT: String(port), HOST: '127.0.0.1' });
    assert.equal(run.status, 1);
    assert.match(run.stderr, new RegExp(`Cannot listen on 127\\.0\\.0\\.1:${port} \\(EADDRINUSE\\)`));
  });
});
