// DESIGN's rules of the house, checked on every file, tests and fixtures included: dependencies
// point one way (modules → platform → db), no module imports another, the shared test helpers
// know no module, and a module's tables are typed in its own folder.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { appRoot } from '../src/platform/paths.ts';

function files(dir: string, out: string[] = []): string[] {
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) files(full, out);
    else if (entry.name.endsWith('.ts')) out.push(full);
  }
  return out;
}

/** Every relative import of a file, resolved to a path under the app root. */
function importsOf(file: string): string[] {
  const text = fs.readFileSync(file, 'utf8');
  return [...text.matchAll(/(?:from|import)\s*\(?\s*['"](\.[^'"]+)['"]/g)].map((m) => path.relative(appRoot, path.resolve(path.dirname(file), m[1]!)));
}

const rel = (file: string) => path.relative(appRoot, file);
const moduleOf = (p: string) => /^src\/modules\/([^/]+)\//.exec(p)?.[1];

test('the platform and the database layer import no module, and the database layer no platform', () => {
  const wrong: string[] = [];
  for (const file of [...files(path.join(appRoot, 'src/platform')), ...files(path.join(appRoot, 'src/db'))]) {
    for (const target of importsOf(file)) {
      if (target.startsWith('src/modules/')) wrong.push(`${rel(file)} → ${target}`);
      if (rel(file).startsWith('src/db/') && target.startsWith('src/platform/')) wrong.push(`${rel(file)} → ${target}`);
    }
  }
  assert.deepEqual(wrong, []);
});

test('no module imports another module, in its code, its tests or its fixtures', () => {
  const wrong: string[] = [];
  for (const file of files(path.join(appRoot, 'src/modules'))) {
    const own = moduleOf(rel(file));
    if (!own) continue; // src/modules/index.ts lists them all
    for (const target of importsOf(file)) {
      const other = moduleOf(target);
      if (other && other !== own) wrong.push(`${rel(file)} → ${target}`);
    }
  }
  assert.deepEqual(wrong, []);
});

test('the shared test helpers know no module', () => {
  const wrong = files(path.join(appRoot, 'test/helpers')).flatMap((file) => importsOf(file).filter((t) => t.startsWith('src/modules/')).map((t) => `${rel(file)} → ${t}`));
  assert.deepEqual(wrong, []);
});

test('src/db/schema.ts types the platform tables only: each module types its own', () => {
  const text = fs.readFileSync(path.join(appRoot, 'src/db/schema.ts'), 'utf8');
  const tables = [.../interface Schema \{([^}]*)\}/.exec(text)![1]!.matchAll(/^\s*(\w+):/gm)].map((m) => m[1]!);
  // site_settings is the platform's, from before a module was called "site".
  const platformTables = new Set(['site_settings']);
  const modules = fs.readdirSync(path.join(appRoot, 'src/modules'), { withFileTypes: true }).filter((d) => d.isDirectory()).map((d) => d.name);
  assert.deepEqual(tables.filter((t) => !platformTables.has(t) && modules.some((slug) => t.startsWith(`${slug}_`))), []);
});

test('every LIMIT is a literal: SQLite plans a statement again at every run when its LIMIT is bound (db/compiled.ts)', () => {
  const wrong: string[] = [];
  for (const file of files(path.join(appRoot, 'src'))) {
    if (file.endsWith('.test.ts')) continue;
    const text = fs.readFileSync(file, 'utf8');
    // rotated-page.ts limits each side by `size + offset`, an expression SQLite does not read to plan.
    for (const m of text.matchAll(/\.limit\((?!sql\.lit\()/g)) if (!(rel(file) === 'src/db/rotated-page.ts' && text.startsWith('limit(limit)', m.index! + 1))) wrong.push(`${rel(file)}:${text.slice(0, m.index).split('\n').length}`);
  }
  assert.deepEqual(wrong, []);
});
