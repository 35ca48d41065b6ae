// The one-shot commands: migrate, admin create, backup, demo, config. Each opens the database itself,
// does its work and closes it; all print plain lines for a terminal or a cron log.
import fs from 'node:fs';
import path from 'node:path';
import Sqlite from 'better-sqlite3';
import { options, type Config } from '../config.ts';
import { openDatabase, closeDatabase, type Db } from '../db/open.ts';
import { migrate } from '../db/migrate.ts';
import { write } from '../db/write.ts';
import { findUserByEmail, insertUser } from '../platform/users.ts';
import { issueToken } from '../platform/tokens.ts';
import { checkEmail, normalizeEmail, type FormErrors } from '../platform/forms.ts';
import { runDemo } from '../platform/demo.ts';
import { modules } from '../modules/index.ts';
import { CliError } from './usage.ts';
import { checkDisplayName, normalizeName, reservedNames } from '../platform/names.ts';
import { getSite } from '../platform/site.ts';
import { en } from '../platform/messages.en.ts';
import { recountLines } from '../modules/votation/recount.ts';

/** The reset link printed by `admin create` lasts a day: it is often passed on by someone else. */
export const ADMIN_LINK_LIFETIME_MS = 24 * 3600_000;

async function withDatabase<T>(config: Config, fn: (db: Db) => Promise<T>): Promise<T> {
  const db = openDatabase(config.dbFile);
  try {
    return await fn(db);
  } finally {
    await closeDatabase(db);
  }
}

async function migrateAndReport(db: Db, config: Config): Promise<void> {
  const ran = await migrate(db, config.dbFile);
  if (ran.length === 0) console.log('No pending migration.');
  for (const name of ran) console.log(`Applied migration ${name}`);
}

export async function migrateCommand(config: Config): Promise<number> {
  await withDatabase(config, (db) => migrateAndReport(db, config));
  return 0;
}

export async function adminCreate(config: Config, rawEmail: string, name?: string): Promise<number> {
  const email = normalizeEmail(rawEmail);
  const errors: FormErrors = {};
  checkEmail(errors, 'email', email);
  if (errors.email) throw new CliError(`Not a valid email address: ${rawEmail}`);
  const displayName = normalizeName(name ?? '');

  return withDatabase(config, async (db) => {
    await migrate(db, config.dbFile);
    const existing = findUserByEmail(db, email);
    // The name is public: never made up from the address (its local part is often a real name).
    if (!existing || name !== undefined) {
      if (name === undefined) throw new CliError('admin create needs --name "<the name shown on the site>" for a new account, e.g. --name "Service démocratie locale".');
      checkDisplayName(errors, 'name', displayName, reservedNames(getSite(db).name));
      if (errors.name) throw new CliError(`Not a usable display name: ${name} (${en[errors.name.key as keyof typeof en] ?? errors.name.key})`);
    }
    const now = new Date();
    const { token, promoted } = write(db, (tx) => {
      let userId: number;
      if (existing) {
        userId = existing.id;
        tx.run(
          db
            .updateTable('users')
            .set({ role: 'admin', email_confirmed_at: existing.email_confirmed_at ?? now.toISOString(), ...(name !== undefined ? { display_name: displayName } : {}) })
            .where('id', '=', userId),
        );
      } else {
        userId = insertUser(db, tx, { email, passwordHash: null, displayName, role: 'admin', emailConfirmed: true }, now.toISOString());
      }
      const token = issueToken(db, tx, 'reset_password', userId, null, now);
      const id = token.split('.')[0]!;
      tx.run(db.updateTable('one_time_tokens').set({ expires_at: new Date(now.getTime() + ADMIN_LINK_LIFETIME_MS).toISOString() }).where('id', '=', id));
      return { token, promoted: !!existing };
    });
    console.log(promoted ? `The existing account ${email} is now an administrator.` : `Administrator ${email} created.`);
    console.log('Open this link within 24 hours to choose the password (it works once):');
    console.log(`${config.baseUrl}/password/reset?token=${encodeURIComponent(token)}`);
    return 0;
  });
}

export async function backup(config: Config, destination: string): Promise<number> {
  const target = path.resolve(destination);
  if (!fs.existsSync(config.dbFile)) {
    process.stderr.write(`No database at ${config.dbFile} (check DATA_DIR).\n`);
    return 1;
  }
  if (fs.existsSync(target)) {
    process.stderr.write(`${target} already exists: choose a new file name.\n`);
    return 1;
  }
  fs.mkdirSync(path.dirname(target), { recursive: true });
  await withDatabase(config, (db) => db.sqlite.backup(target));
  const copy = new Sqlite(target, { readonly: true, fileMustExist: true });
  try {
    const result = copy.pragma('integrity_check', { simple: true });
    if (result !== 'ok') {
      process.stderr.write(`The copy at ${target} failed the integrity check: ${String(result)}\n`);
      return 1;
    }
  } finally {
    copy.close();
  }
  console.log(`Backup written to ${target}: integrity check ok.`);
  return 0;
}

export async function demo(config: Config): Promise<number> {
  await withDatabase(config, async (db) => {
    await migrateAndReport(db, config);
    await runDemo(db, modules, (line) => console.log(line));
  });
  console.log('Demo content loaded.');
  return 0;
}

/** `palabre config`: every option, its effective value (SMTP password hidden) and its description. */
export function configCommand(env: NodeJS.ProcessEnv = process.env): number {
  for (const [name, option] of Object.entries(options)) {
    let value = env[name] ?? option.default;
    if (name === 'SMTP_URL' && value) {
      try {
        const url = new URL(value);
        if (url.password) url.password = '***';
        value = url.toString();
      } catch {
        // an invalid value is shown as given; `serve` will refuse it with a message
      }
    }
    const origin = env[name] === undefined ? ' (default)' : '';
    console.log(`${name}=${value}${origin}\n    ${option.doc}`);
  }
  return 0;
}

/** `palabre recount <file>`: a votation's results recomputed from its published ballot file. */
export function recountCommand(file: string): number {
  let lines: string[];
  try {
    lines = recountLines(fs.readFileSync(path.resolve(file)));
  } catch (err) {
    process.stderr.write(`Cannot recount ${file}: ${(err as Error).message}\n`);
    return 1;
  }
  for (const line of lines) console.log(line);
  return 0;
}
