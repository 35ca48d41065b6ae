// Excerpts for lists: counted in characters (code points), cut with an ellipsis.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { excerpt } from './text.ts';

test('an excerpt keeps short texts whole and cuts long ones at 280 characters, counting accents and emoji as one', () => {
  assert.equal(excerpt('Court.'), 'Court.');
  assert.equal(excerpt('é'.repeat(280)), 'é'.repeat(280));
  assert.equal(excerpt('é'.repeat(281)), `${'é'.repeat(280)}…`);
  assert.equal(excerpt('😀'.repeat(200)), '😀'.repeat(200), '200 emoji are 400 UTF-16 units but 200 characters');
  assert.equal(excerpt('😀'.repeat(300)), `${'😀'.repeat(280)}…`);
});
