// Runs every test file (unit and integration beside the code, browser tests in test/browser)
// in one node:test run, so it ends with one summary. `--no-browser` leaves the browser out.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '..');
const withBrowser = !process.argv.includes('--no-browser');

function find(dir, out = []) {
  if (!fs.existsSync(dir)) return out;
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) find(full, out);
    else if (entry.name.endsWith('.test.ts')) out.push(path.relative(root, full));
  }
  return out;
}

const files = [...find(path.join(root, 'src')), ...find(path.join(root, 'migrations')), ...find(path.join(root, 'test')).filter((f) => withBrowser || !f.startsWith(`test${path.sep}browser`))].sort();

const result = spawnSync(process.execPath, ['--import', 'tsx', '--test', '--test-reporter=spec', '--test-concurrency=2', ...files], {
  cwd: root,
  stdio: 'inherit',
  env: { ...process.env, NODE_ENV: 'test' },
});
process.exit(result.status ?? 1);
