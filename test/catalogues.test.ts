// The catalogues of the platform and of every module: every language holds the same keys with
// the same placeholders, module keys start with the module's slug, every literal key used in a
// template or in the code exists, and no key is left that nothing uses.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { createI18n, locales, type Messages } from '../src/platform/i18n.ts';
import { fr } from '../src/platform/messages.fr.ts';
import { en } from '../src/platform/messages.en.ts';
import { modules } from '../src/modules/index.ts';
import { appRoot } from '../src/platform/paths.ts';

const catalogues: { name: string; messages: Messages }[] = [{ name: 'platform', messages: { fr, en } }, ...modules.map((m) => ({ name: m.slug, messages: m.messages }))];
const placeholders = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

test('every catalogue has the same keys in every language', () => {
  for (const { name, messages } of catalogues) {
    for (const locale of locales) assert.deepEqual(Object.keys(messages[locale]).sort(), Object.keys(messages.fr).sort(), `${name}: ${locale} and fr keys differ`);
  }
});

test('every language uses the same placeholders as French', () => {
  for (const { messages } of catalogues) {
    for (const key of Object.keys(messages.fr)) {
      for (const locale of locales) assert.deepEqual(placeholders(messages[locale][key] ?? ''), placeholders(messages.fr[key] ?? ''), `placeholders of ${key} (${locale})`);
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
    else if (entry.name.endsWith(ext) && !entry.name.endsWith('.test.ts') && !/^messages(-[a-z0-9-]+)?\.[a-z]+\.ts$/.test(entry.name)) out.push(full);
  }
  return out;
}
const sources = () => [...files(path.join(appRoot, 'views'), '.eta'), ...files(path.join(appRoot, 'src'), '.ts')].map((file) => ({ file, text: fs.readFileSync(file, 'utf8') }));
const known = () => new Set(createI18n(catalogues.map((c) => c.messages), 'Europe/Paris', true).keys('fr'));

test('every literal key passed to t() in templates and code exists in the catalogues', () => {
  const keys = known();
  const missing: string[] = [];
  for (const { file, text } of sources()) {
    // t('a.b.c') / t("a.b.c") with a complete literal key; keys built at run time are not checked here.
    for (const match of text.matchAll(/\bt\(\s*['"]([a-z0-9_-]+(?:\.[a-z0-9_-]+)+)['"]\s*[,)]/gi)) {
      const key = match[1]!;
      if (!keys.has(key) && !keys.has(`${key}.other`)) missing.push(`${path.relative(appRoot, file)}: ${key}`);
    }
  }
  assert.deepEqual(missing, []);
});

test('no catalogue key is left unused: each appears quoted in the code or templates, or is built there at run time', () => {
  const quoted = new Set<string>();
  const built: RegExp[] = [];
  const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  for (const { text } of sources()) {
    for (const m of text.matchAll(/['"`]([a-z][a-z0-9_-]*(?:\.[a-z0-9_-]+)+)['"`]/g)) quoted.add(m[1]!);
    // `errors.${code}.title`: each interpolation stands for one segment or more.
    for (const m of text.matchAll(/`([a-z][a-z0-9_.-]*\$\{[^`]*)`/g)) {
      const parts = m[1]!.split(/\$\{[^}]*\}/);
      if (parts.every((p) => /^[a-z0-9_.-]*$/.test(p)) && parts[0]!.includes('.')) built.push(new RegExp(`^${parts.map(escape).join('[a-z0-9_.-]+')}$`));
    }
    // 'consultation.sort.' + s: a prefix of two segments or more (a slug alone would cover the module).
    for (const m of text.matchAll(/['"]([a-z][a-z0-9_-]*(?:\.[a-z0-9_-]+)+\.)['"]\s*\+/g)) built.push(new RegExp(`^${escape(m[1]!)}`));
  }
  // The step form labels an enum setting's options `<labelKey>.<option>` (projects' step admin).
  for (const m of modules) {
    for (const d of Object.values(m.step?.settings ?? {})) if (d.type === 'enum') for (const o of d.options) quoted.add(`${d.labelKey}.${o}`);
  }
  const plural = /\.(zero|one|two|few|many|other)$/;
  const unused = [...known()].filter((key) => {
    const base = key.replace(plural, '');
    return !quoted.has(key) && !quoted.has(base) && !built.some((re) => re.test(key) || re.test(base));
  });
  assert.deepEqual(unused, []);
});
