// The pages and menus rules, table-driven: slugs made from titles, the page form's checks, and
// which link targets a menu entry accepts (nothing that leaves the site by a trick).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { checkEntry, checkPage, externalUrl, localPath, parsePageChoice, slugify, type EntryValues } from './pages-rules.ts';

test('a slug is made from a title without accents, ligatures or punctuation', () => {
  const cases: [string, string][] = [
    ['À propos', 'a-propos'],
    ['Le cœur de ville : l’été 2026 !', 'le-coeur-de-ville-l-ete-2026'],
    ['  --Déjà--vu--  ', 'deja-vu'],
    ['Straße', 'strasse'],
    ['!!!', ''],
    ['x'.repeat(100), 'x'.repeat(80)],
  ];
  for (const [title, slug] of cases) assert.equal(slugify(title), slug, title);
});

test('the page form takes a valid slug, makes one from the title when empty, and names what is wrong otherwise', () => {
  const page = (slug: string, title = 'Une page') => checkPage({ title, slug, body_md: '', published: false });
  const cases: [string, string, string | undefined][] = [
    ['a-propos', 'a-propos', undefined],
    ['budget-2026', 'budget-2026', undefined],
    ['', 'une-page', undefined],
    ['A-Propos', 'A-Propos', 'admin.pages.errors.slug_format'],
    ['à-propos', 'à-propos', 'admin.pages.errors.slug_format'],
    ['a_propos', 'a_propos', 'admin.pages.errors.slug_format'],
    ['a--propos', 'a--propos', 'admin.pages.errors.slug_format'],
    ['-a-propos', '-a-propos', 'admin.pages.errors.slug_format'],
    ['a/propos', 'a/propos', 'admin.pages.errors.slug_format'],
    ['mentions-legales', 'mentions-legales', 'admin.pages.errors.slug_legal'],
    ['accessibilite', 'accessibilite', 'admin.pages.errors.slug_legal'],
    ['a'.repeat(81), 'a'.repeat(81), 'forms.too_long'],
  ];
  for (const [given, slug, error] of cases) {
    const { values, errors } = page(given);
    assert.equal(values.slug, slug, given);
    assert.equal(errors.slug?.key, error, given);
  }
  assert.equal(page('', '').errors.title?.key, 'forms.required');
  assert.equal(page('', '').errors.slug, undefined, 'one message for an empty form: the title');
  assert.equal(page('', '???').errors.slug?.key, 'forms.required', 'a title that makes no slug asks for one');
  assert.equal(checkPage({ title: 't'.repeat(121), slug: 'x', body_md: '', published: true }).errors.title?.key, 'forms.too_long');
  assert.equal(checkPage({ title: 'T', slug: 'x', body_md: 'b'.repeat(50_001), published: true }).errors.body_md?.key, 'forms.too_long');
});

test('a local path must stay on this site, whatever browsers make of it', () => {
  const cases: [string, string | null][] = [
    ['/projects/budget-2026', '/projects/budget-2026'],
    ['/?theme=3', '/?theme=3'],
    ['/projets/été', '/projets/%C3%A9t%C3%A9'],
    ['/pages/a-propos#contact', '/pages/a-propos#contact'],
    ['//evil.example', null],
    ['/\t/evil.example', null],
    ['/\n/evil.example', null],
    ['/\\evil.example', null],
    ['\\\\evil.example', null],
    ['https://evil.example', null],
    ['javascript:alert(1)', null],
    ['projects', null],
    [`/${'a'.repeat(500)}`, null],
  ];
  for (const [given, expected] of cases) assert.equal(localPath(given), expected, JSON.stringify(given));
});

test('an external address must be http or https, absolute, and carry no credentials', () => {
  const cases: [string, string | null][] = [
    ['https://www.service-public.fr', 'https://www.service-public.fr/'],
    ['http://mairie.example/agenda?mois=6', 'http://mairie.example/agenda?mois=6'],
    ['HTTPS://Mairie.Example/A', 'https://mairie.example/A'],
    ['javascript:alert(1)', null],
    ['data:text/html,<script>alert(1)</script>', null],
    ['ftp://files.example', null],
    ['mailto:mairie@example.fr', null],
    ['//evil.example', null],
    ['www.service-public.fr', null],
    ['https://mairie.example@evil.example', null],
    ['https://user:pass@evil.example', null],
    ['https://evil.example/a b', null],
    ['https://\tevil.example', null],
    ['https://', null],
  ];
  for (const [given, expected] of cases) assert.equal(externalUrl(given), expected, JSON.stringify(given));
});

test('a menu entry needs a destination of its kind, and a label unless it leads to a page', () => {
  const entry = (v: Partial<EntryValues>): EntryValues => ({ menu: 'header', kind: 'page', page: '', path: '', url: '', label: '', ...v });
  assert.deepEqual(checkEntry(entry({ page: 'legal:accessibilite' })), { target: { kind: 'legal', slug: 'accessibilite' }, errors: {} });
  assert.deepEqual(checkEntry(entry({ page: 'page:7', label: 'Qui sommes-nous' })).target, { kind: 'page', pageId: 7 });
  assert.equal(checkEntry(entry({ page: '' })).errors.page?.key, 'admin.menus.errors.page_missing');
  assert.equal(checkEntry(entry({ page: 'legal:nope' })).errors.page?.key, 'admin.menus.errors.page_missing');
  assert.deepEqual(checkEntry(entry({ kind: 'path', path: '/projects', label: 'Projets' })).target, { kind: 'path', target: '/projects' });
  assert.equal(checkEntry(entry({ kind: 'path', path: '/projects' })).errors.label?.key, 'forms.required');
  assert.equal(checkEntry(entry({ kind: 'path', label: 'x' })).errors.path?.key, 'forms.required');
  assert.equal(checkEntry(entry({ kind: 'path', path: '//evil.example', label: 'x' })).errors.path?.key, 'admin.menus.errors.path_invalid');
  assert.equal(checkEntry(entry({ kind: 'url', url: 'javascript:alert(1)', label: 'x' })).errors.url?.key, 'admin.menus.errors.url_invalid');
  assert.equal(checkEntry(entry({ kind: 'url', url: 'https://a.example', label: 'l'.repeat(61) })).errors.label?.key, 'forms.too_long');
  assert.equal(checkEntry(entry({ kind: 'url', url: 'https://a.example', label: 'x' })).target?.kind, 'url');
  // Only the chosen kind's field is read: a bad address in another field does not matter.
  assert.deepEqual(checkEntry(entry({ page: 'legal:accessibilite', url: 'javascript:x', path: '//evil' })).errors, {});
  assert.equal(parsePageChoice('page:0'), null);
  assert.equal(parsePageChoice('page:1e3'), null);
});
