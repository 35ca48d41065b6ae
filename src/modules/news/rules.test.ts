// The news' pure rules, table-driven: a post's state from its date, pages, plain excerpts of
// rendered Markdown, and reading the admin form with the instance's time zone.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parsePage, plainExcerpt, postState, readPost } from './rules.ts';
import { renderMarkdown } from '../../platform/markdown.ts';

test('a post is a draft without a date, scheduled before it, published from it on', () => {
  const now = new Date('2026-05-01T10:00:00.000Z');
  const cases: [string | null, string][] = [
    [null, 'draft'],
    ['2026-05-01T10:00:00.001Z', 'scheduled'],
    ['2026-05-01T10:00:00.000Z', 'published'],
    ['2020-01-01T00:00:00.000Z', 'published'],
  ];
  for (const [at, state] of cases) assert.equal(postState(at, now), state, String(at));
});

test('pages: unreadable is 1, too deep is the last allowed', () => {
  const cases: [unknown, number][] = [[undefined, 1], ['0', 1], ['2', 2], ['-3', 1], ['abc', 1], ['1e3', 1], ['999999', 1000], [['2'], 1]];
  for (const [input, page] of cases) assert.equal(parsePage(input), page, JSON.stringify(input));
});

test('plain excerpts drop the markup, read entities back and cut at a length', () => {
  const cases: [string, string][] = [
    ['Du **gras** et un [lien](https://a.fr).', 'Du gras et un lien.'],
    ['Tom & Jerry <b>x</b> "q"', 'Tom & Jerry <b>x</b> "q"'],
    ['- un\n- deux', 'un deux'],
  ];
  for (const [md, plain] of cases) assert.equal(plainExcerpt(renderMarkdown(md)), plain, md);
  assert.equal(plainExcerpt(renderMarkdown('é'.repeat(300)), 10), `${'é'.repeat(10)}…`);
});

test('the form: slug from the title, dates read in the time zone, a draft without a date, errors by field', () => {
  const exists = (id: number) => id === 7;
  const ok = readPost({ title: 'Fête de l’été !', slug: '', project_id: '7', published_at: '2026-01-15T18:00', body_md: 'Texte\r\n', image_alt: '' }, 'Europe/Paris', exists);
  assert.deepEqual(ok.errors, {});
  assert.deepEqual(ok.fields, { title: 'Fête de l’été !', slug: 'fete-de-l-ete', project_id: 7, published_at: '2026-01-15T17:00:00.000Z', body_md: 'Texte', image_alt: '' });
  assert.equal(readPost({ title: 'T', body_md: 'x', published_at: '' }, 'Europe/Paris', exists).fields.published_at, null);
  const bad = readPost({ title: '', slug: 'Non valide', project_id: '8', published_at: 'demain', body_md: '' }, 'Europe/Paris', exists);
  assert.deepEqual(Object.keys(bad.errors).sort(), ['body_md', 'project_id', 'published_at', 'slug', 'title']);
  assert.equal(readPost({ title: 'T', body_md: 'x', project_id: 'abc' }, 'UTC', exists).errors.project_id?.key, 'forms.invalid_choice');
});
