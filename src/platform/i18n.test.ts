// The catalogues: French and English hold the same keys with the same placeholders, and every
// literal key used in a template or in the code exists.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { createI18n, type Messages } from './i18n.ts';
import { messages as platform } from './messages.ts';
import { modules } from '../modules/index.ts';
import { appRoot } from './paths.ts';

const catalogues: { name: string; messages: Messages }[] = [{ name: 'platform', messages: platform }, ...modules.map((m) => ({ name: m.slug, messages: m.messages }))];
const placeholders = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

test('every catalogue has the same keys in French and English', () => {
  for (const { name, messages } of catalogues) {
    assert.deepEqual(Object.keys(messages.en).sort(), Object.keys(messages.fr).sort(), `${name}: fr and en keys differ`);
  }
});

test('French and English strings use the same placeholders', () => {
  for (const { messages } of catalogues) {
    for (const key of Object.keys(messages.fr)) {
      assert.deepEqual(placeholders(messages.en[key] ?? ''), placeholders(messages.fr[key] ?? ''), `placeholders of ${key}`);
    }
  }
});

test('module catalogue keys start with the module slug, so a module is found by its slug', () => {
  for (const m of modules) {
    for (const key of Object.keys(m.messages.fr)) assert.ok(key.startsWith(`${m.slug}.`), `${key} in module ${m.slug}`);
  }
});

function files(dir: string, ext: string, out: string[] = []): string[] {
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) files(full, ext, out);
    else if (entry.name.endsWith(ext) && !entry.name.endsWith('.test.ts')) out.push(full);
  }
  return out;
}

test('every literal key passed to t() in templates and code exists in the catalogues', () => {
  const i18n = createI18n(catalogues.map((c) => c.messages), 'Europe/Paris', true);
  const known = new Set(i18n.keys('fr'));
  const sources = [...files(path.join(appRoot, 'views'), '.eta'), ...files(path.join(appRoot, 'src'), '.ts')];
  const missing: string[] = [];
  for (const file of sources) {
    const text = fs.readFileSync(file, 'utf8');
    // t('a.b.c') / t("a.b.c") with a complete literal key; keys built at run time are not checked here.
    for (const match of text.matchAll(/\bt\(\s*['"]([a-z0-9_-]+(?:\.[a-z0-9_-]+)+)['"]\s*[,)]/gi)) {
      const key = match[1]!;
      if (!known.has(key) && !known.has(`${key}.other`)) missing.push(`${path.relative(appRoot, file)}: ${key}`);
    }
  }
  assert.deepEqual(missing, []);
});
