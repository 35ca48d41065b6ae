// The real app listening over HTTP on 127.0.0.1 (for the browser tests): a fresh data folder, a
// real SMTP server catching its emails, BASE_URL set to the address it really listens on.
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import type { FastifyInstance } from 'fastify';
import { loadConfig, type Config } from '../../src/config.ts';
import { buildApp, type BuildOptions } from '../../src/app.ts';
import { startSmtp, type SmtpCapture } from './smtp.ts';
import { provideMigratedDatabase } from './app.ts';

export interface RunningServer {
  app: FastifyInstance;
  config: Config;
  smtp: SmtpCapture;
  dataDir: string;
  /** http://127.0.0.1:PORT, without a trailing slash. */
  url: string;
  close(): Promise<void>;
}

/** A port nobody listens on right now: the config needs it before the app exists. */
async function freePort(): Promise<number> {
  const probe = net.createServer();
  await new Promise<void>((resolve, reject) => {
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => resolve());
  });
  const port = (probe.address() as net.AddressInfo).port;
  await new Promise<void>((resolve) => probe.close(() => resolve()));
  return port;
}

export async function startServer(opts: { env?: Record<string, string>; build?: BuildOptions } = {}): Promise<RunningServer> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'palabre-browser-'));
  const smtp = await startSmtp();
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const config = loadConfig(
    { NODE_ENV: 'test' },
    { PORT: String(port), HOST: '127.0.0.1', BASE_URL: url, DATA_DIR: dataDir, SMTP_URL: smtp.url, LOG_LEVEL: 'silent', ...opts.env },
  );
  if (!opts.build?.db) await provideMigratedDatabase(config);
  const app = await buildApp(config, { rateLimits: false, jobs: false, ...opts.build });
  await app.listen({ port, host: '127.0.0.1' });
  return {
    app,
    config,
    smtp,
    dataDir,
    url,
    async close() {
      await app.close();
      await smtp.close();
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
