// Runs every test file (unit and integration beside the code, browser tests in test/browser)
// in one node:test run, so it ends with one summary. `--no-browser` leaves the browser out;
// files named on the command line run instead of all of them.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { run } from 'node:test';
import { spec } from 'node:test/reporters';

const root = path.resolve(import.meta.dirname, '..');

// The test files are TypeScript: the run and the processes it starts (which take this one's
// options) need tsx. Without it, this script starts itself again with it.
if (!process.execArgv.some((arg) => arg.includes('tsx'))) {
  const result = spawnSync(process.execPath, ['--import', 'tsx', import.meta.filename, ...process.argv.slice(2)], {
    cwd: root,
    stdio: 'inherit',
    env: { ...process.env, NODE_ENV: 'test' },
  });
  process.exit(result.status ?? 1);
}

const withBrowser = !process.argv.includes('--no-browser');
const named = process.argv.slice(2).filter((arg) => !arg.startsWith('--'));

function find(dir, out = []) {
  if (!fs.existsSync(dir)) return out;
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) find(full, out);
    else if (entry.name.endsWith('.test.ts')) out.push(path.relative(root, full));
  }
  return out;
}

const all = named.length
  ? named.map((f) => path.relative(root, path.resolve(f)))
  : [...find(path.join(root, 'src')), ...find(path.join(root, 'migrations')), ...find(path.join(root, 'test')).filter((f) => withBrowser || !f.startsWith(`test${path.sep}browser`))].sort();

// Files start in this order, two at a time (the `node --test` command would sort them by name).
// The long ones (the browser tests, a minute or two each, then the command's) go first, largest
// first, so that the many short files fill in beside them and the run does not end with one long
// file alone on one core.
//
// Files also run several to a process. Starting one and loading the app through tsx's loader
// costs about 3 s of CPU (5 s with the browser's helpers), more than most files' own tests: one
// process per file spent a third of the run there. Each file runs as a suite of its own, named
// after it, so its hooks (before, beforeEach, after) apply to its tests only, and it builds and
// closes its own app (and browser) as before; only the loaded modules are shared.
const isBrowser = (f) => f.startsWith(`test${path.sep}browser${path.sep}`);
const isLong = (f) => isBrowser(f) || f === path.join('test', 'cli.test.ts');
const size = (f) => fs.statSync(path.join(root, f)).size;
const bySize = (a, b) => size(b) - size(a) || a.localeCompare(b);

// Browser tests go two to a process, the largest with the smallest, so the pairs take about as
// long each; the command's tests run alone.
const browser = all.filter(isBrowser).sort(bySize);
const pairs = [];
while (browser.length) pairs.push(browser.length > 1 ? [browser.shift(), browser.pop()] : [browser.shift()]);
const long = [...pairs, ...all.filter((f) => isLong(f) && !isBrowser(f)).map((f) => [f])];

// The short files go eight to a process, dealt out largest first, back and forth, so that the
// groups take about as long each and none runs alone long at the end.
const short = all.filter((f) => !isLong(f)).sort(bySize);
const PER_GROUP = 8;
const groupCount = Math.ceil(short.length / PER_GROUP);
const groups = Array.from({ length: groupCount }, () => []);
short.forEach((f, i) => {
  const round = Math.floor(i / groupCount);
  groups[round % 2 === 0 ? i % groupCount : groupCount - 1 - (i % groupCount)].push(f);
});

const groupDir = fs.mkdtempSync(path.join(os.tmpdir(), 'palabre-test-groups-'));
process.on('exit', () => fs.rmSync(groupDir, { recursive: true, force: true }));
const files = [...long, ...groups].map((group, i) => {
  // One file alone needs no group: it runs as it is, as `node --test` would run it.
  if (group.length === 1) return path.join(root, group[0]);
  const file = path.join(groupDir, `group-${String(i + 1).padStart(2, '0')}.test.mjs`);
  // A file that cannot load fails as a test of its own, counted in the summary like any other.
  const suites = group.map(
    (f) =>
      `describe(${JSON.stringify(f)}, async () => {\n` +
      `  try {\n    await import(${JSON.stringify(pathToFileURL(path.join(root, f)).href)});\n` +
      `  } catch (error) {\n    test('the file loads', () => {\n      throw error;\n    });\n  }\n});`,
  );
  fs.writeFileSync(file, `import { describe, test } from 'node:test';\n${suites.join('\n')}\n`);
  return file;
});

process.env.NODE_ENV = 'test';
let failed = false;
const stream = run({ files, concurrency: 2 });
// A failed, cancelled (timed out) or crashed test, or a file that could not run, fails the run;
// a failing test marked todo does not, as with `node --test`.
stream.on('test:fail', (data) => {
  if (data.todo === undefined) failed = true;
});
stream.on('end', () => {
  process.exitCode = failed ? 1 : 0;
});
stream.compose(spec).pipe(process.stdout);
