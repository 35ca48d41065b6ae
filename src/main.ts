#!/usr/bin/env node
// The `palabre` command: serve (default), migrate, admin create, backup, demo, config. Also run as
// `npm run palabre -- <command>` in development and `node dist/main.js <command>` in production.
import { parseArgs } from 'node:util';
import { ConfigError, loadConfig, type Config } from './config.ts';
import { serve } from './cli/serve.ts';
import { adminCreate, backup, configCommand, demo, migrateCommand, recountCommand } from './cli/commands.ts';
import { CliError, usage } from './cli/usage.ts';

// The bundle ships a source map: stack traces then point at src/ rather than dist/main.js.
process.setSourceMapsEnabled?.(true);

/** The exit code, or null for `serve`, which runs until a signal stops it. */
async function run(argv: string[]): Promise<number | null> {
  const { positionals, values } = parseArgs({
    args: argv,
    allowPositionals: true,
    strict: true,
    options: { email: { type: 'string' }, name: { type: 'string' }, help: { type: 'boolean', short: 'h' } },
  });
  const [command = 'serve', ...rest] = positionals;
  if (values.help || command === 'help') {
    process.stdout.write(usage);
    return 0;
  }
  const config = (): Config => loadConfig();
  switch (command) {
    case 'serve':
      return serve(config());
    case 'migrate':
      return migrateCommand(config());
    case 'admin':
      if (rest[0] !== 'create' || !values.email) throw new CliError('admin create needs --email <address>.');
      return adminCreate(config(), values.email, values.name);
    case 'backup':
      if (!rest[0]) throw new CliError('backup needs a destination file.');
      return backup(config(), rest[0]);
    case 'demo':
      return demo(config());
    case 'config':
      return configCommand();
    case 'recount':
      if (!rest[0]) throw new CliError('recount needs a ballot file.');
      return recountCommand(rest[0]);
    default:
      throw new CliError(`Unknown command: ${command}`);
  }
}

try {
  const code = await run(process.argv.slice(2));
  if (code !== null) process.exitCode = code;
} catch (err) {
  if (err instanceof ConfigError) {
    process.stderr.write(`${err.message}\n`);
    process.exitCode = 1;
  } else if (err instanceof CliError || (err as { code?: string }).code?.startsWith('ERR_PARSE_ARGS')) {
    process.stderr.write(`${(err as Error).message}\n\n${usage}`);
    process.exitCode = 2;
  } else {
    process.stderr.write(`${(err as Error).stack ?? String(err)}\n`);
    process.exitCode = 1;
  }
}
