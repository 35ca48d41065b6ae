// `palabre serve`: builds the app, listens, shows the first-start link, and stops gracefully on
// SIGTERM / SIGINT (in-flight requests finish, the mailer and the database close cleanly).
import type { Config } from '../config.ts';
import { buildApp } from '../app.ts';
import { setupLinkIfNeeded } from '../platform/setup-link.ts';

const FORCE_EXIT_MS = 10_000;

/** A message framed so it stands out among the log lines. */
export function boxed(lines: string[]): string {
  const width = Math.max(...lines.map((l) => l.length));
  const bar = '═'.repeat(width + 2);
  return [`╔${bar}╗`, ...lines.map((l) => `║ ${l.padEnd(width)} ║`), `╚${bar}╝`].join('\n') + '\n';
}

export async function serve(config: Config): Promise<number | null> {
  const app = await buildApp(config);
  try {
    await app.listen({ port: config.port, host: config.host });
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    if (code !== 'EADDRINUSE' && code !== 'EACCES' && code !== 'EADDRNOTAVAIL') throw err;
    process.stderr.write(`Cannot listen on ${config.host}:${config.port} (${code}): change PORT or HOST, or stop what uses it.\n`);
    await app.close();
    return 1;
  }
  app.log.info(`Palabre is running at ${config.baseUrl}`);
  // Without a log line at info level (LOG_LEVEL=warn), the address still shows once.
  if (['warn', 'error', 'fatal', 'silent'].includes(config.logLevel)) process.stdout.write(`Palabre is running at ${config.baseUrl}\n`);

  const link = setupLinkIfNeeded(app.db, config.baseUrl);
  if (link) process.stdout.write(`\n${boxed(['First start: open this link to create the administrator account:', link])}\n`);

  let stopping = false;
  const stop = (signal: NodeJS.Signals) => {
    if (stopping) {
      process.stderr.write(`${signal} again: exiting now.\n`);
      process.exit(1);
    }
    stopping = true;
    app.log.info({ signal }, 'stopping');
    const timer = setTimeout(() => {
      process.stderr.write(`Still stopping after ${FORCE_EXIT_MS / 1000} s: exiting now.\n`);
      process.exit(1);
    }, FORCE_EXIT_MS);
    timer.unref();
    app.close().then(
      () => process.exit(0),
      (err: unknown) => {
        process.stderr.write(`Error while stopping: ${(err as Error).stack ?? String(err)}\n`);
        process.exit(1);
      },
    );
  };
  process.on('SIGTERM', stop);
  process.on('SIGINT', stop);
  return null;
}
