// Where a `next` or `back` field may send the browser: only to this site, and always as a
// valid Location header.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { safeNext } from './http.ts';

test('safeNext keeps local paths with their query and fragment', () => {
  assert.equal(safeNext('/projects/charte?sort=newest#item-3'), '/projects/charte?sort=newest#item-3');
  assert.equal(safeNext('/'), '/');
  assert.equal(safeNext('/account', '/x'), '/account');
});

test('safeNext refuses every address a browser would follow to another site', () => {
  const attempts = [
    '//evil.example',
    '/\\evil.example',
    '/\t/evil.example',
    '/\n/evil.example',
    '/\r/evil.example',
    '/\r\n/evil.example',
    '/\u0000/evil.example',
    '/\u000b/evil.example',
    '/\u007f/evil.example',
    '/\u0085/evil.example',
    '\t//evil.example',
    'https://evil.example/',
    'javascript:alert(1)',
    'evil.example',
    '',
    `/${'a'.repeat(600)}`,
  ];
  for (const next of attempts) assert.equal(safeNext(next), '/', JSON.stringify(next));
  for (const next of [undefined, null, 3, ['/a'], { a: 1 }]) assert.equal(safeNext(next), '/');
});

test('safeNext turns characters a header cannot hold into their percent-encoded form', () => {
  assert.equal(safeNext('/projets/été?q=école#fin'), '/projets/%C3%A9t%C3%A9?q=%C3%A9cole#fin');
  assert.equal(safeNext('/a b'), '/a%20b');
  // Fastify refuses a Location header outside Latin-1 with a 500; the result never has one.
  for (const next of ['/😀', '/\u4e2d', '/a%0d%0aSet-Cookie:x=1']) assert.match(safeNext(next), /^[\x21-\x7e]+$/);
});

test('safeNext falls back to the given default', () => {
  assert.equal(safeNext('//evil.example', '/admin/users'), '/admin/users');
});
