// Builds the real app on a real SQLite file in a fresh temporary folder, with a real SMTP server
// receiving its emails, and a small cookie-keeping client over `inject`.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { loadConfig, type Config } from '../../src/config.ts';
import { buildApp } from '../../src/app.ts';
import { openDatabase, type Db } from '../../src/db/open.ts';
import { migrate } from '../../src/db/migrate.ts';
import { startSmtp, type SmtpCapture } from './smtp.ts';

export interface TestApp {
  app: FastifyInstance;
  db: Db;
  config: Config;
  smtp: SmtpCapture;
  dataDir: string;
  client(): Client;
  close(): Promise<void>;
}

let template: Promise<string> | undefined;

/**
 * A database file holding every migration and nothing else, made once per test process. A fresh
 * app starts from a copy of it instead of migrating an empty file: each migration's commit waits
 * for the disk (synchronous = FULL), seconds per app on a busy machine. The app still opens the
 * copy with its own pragmas and checks it has nothing pending.
 */
function migratedTemplate(): Promise<string> {
  template ??= (async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'palabre-template-'));
    process.once('exit', () => fs.rmSync(dir, { recursive: true, force: true }));
    const file = path.join(dir, 'palabre.db');
    const db = openDatabase(file);
    db.sqlite.pragma('synchronous = OFF'); // a throwaway file: no wait for the disk
    await migrate(db, file);
    await db.destroy(); // the last connection's close folds the WAL into the file
    return file;
  })();
  return template;
}

/** Puts a migrated database where this configuration's app will open it, unless one is there. */
export async function provideMigratedDatabase(config: Config): Promise<void> {
  if (!fs.existsSync(config.dbFile)) fs.copyFileSync(await migratedTemplate(), config.dbFile);
}

export async function makeApp(opts: { rateLimits?: boolean; env?: Record<string, string> } = {}): Promise<TestApp> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'palabre-test-'));
  const smtp = await startSmtp();
  const config = loadConfig({ NODE_ENV: 'test' }, { DATA_DIR: dataDir, SMTP_URL: smtp.url, LOG_LEVEL: 'silent', BASE_URL: 'http://localhost:3000', ...opts.env });
  await provideMigratedDatabase(config);
  const app = await buildApp(config, { rateLimits: opts.rateLimits ?? false, jobs: false });
  await app.ready();
  return {
    app,
    db: app.db,
    config,
    smtp,
    dataDir,
    client: () => new Client(app),
    async close() {
      await app.close();
      await smtp.close();
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

type Form = Record<string, string | string[]>;

/** Keeps cookies between requests like a browser, and finds the CSRF token in pages. */
export class Client {
  cookies = new Map<string, string>();
  csrf = '';
  constructor(private app: FastifyInstance) {}

  private cookieHeader(): string {
    return [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
  }

  private keep(res: LightMyRequestResponse): LightMyRequestResponse {
    for (const c of res.cookies as { name: string; value: string; maxAge?: number; expires?: Date }[]) {
      const expired = c.maxAge === 0 || (c.expires && c.expires.getTime() < Date.now());
      if (expired || c.value === '') this.cookies.delete(c.name);
      else this.cookies.set(c.name, c.value);
    }
    const token = /name="_csrf" value="([^"]+)"/.exec(res.body);
    if (token?.[1]) this.csrf = token[1];
    return res;
  }

  async get(url: string, headers: Record<string, string> = {}): Promise<LightMyRequestResponse> {
    return this.keep(await this.app.inject({ method: 'GET', url, headers: { cookie: this.cookieHeader(), ...headers } }));
  }

  /** Posts a form as a browser would, with the CSRF token last seen unless `_csrf` is given. */
  async post(url: string, form: Form = {}, headers: Record<string, string> = {}): Promise<LightMyRequestResponse> {
    const body = new URLSearchParams();
    if (!('_csrf' in form)) body.append('_csrf', this.csrf);
    for (const [k, v] of Object.entries(form)) for (const item of Array.isArray(v) ? v : [v]) body.append(k, item);
    return this.keep(
      await this.app.inject({
        method: 'POST',
        url,
        payload: body.toString(),
        headers: { cookie: this.cookieHeader(), 'content-type': 'application/x-www-form-urlencoded', ...headers },
      }),
    );
  }

  /** GET a page to pick up its CSRF token, then post to it (or to `action`). */
  async submit(pageUrl: string, form: Form, action = pageUrl.split('?')[0] ?? pageUrl): Promise<LightMyRequestResponse> {
    await this.get(pageUrl);
    return this.post(action, form);
  }
}
