// Reading form fields and ids: what is accepted and what is not.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseId, checkEmail, checkText, type FormErrors } from './forms.ts';

test('ids from URLs and forms must be positive integers written plainly', () => {
  assert.equal(parseId('12'), 12);
  assert.equal(parseId('999999999999999'), 999999999999999);
  for (const bad of ['0', '-3', '-1', '1.5', '1e3', '0x10', ' 7', '', 'abc', '12abc', '9999999999999999', undefined, ['1']]) {
    assert.equal(parseId(bad), null, String(bad));
  }
});

test('text fields are required and limited in characters, not bytes', () => {
  const errors: FormErrors = {};
  checkText(errors, 'a', '', { required: true, max: 3 });
  checkText(errors, 'b', 'éèà', { max: 3 });
  checkText(errors, 'c', 'abcd', { max: 3 });
  assert.deepEqual(errors, { a: { key: 'forms.required' }, c: { key: 'forms.too_long', params: { max: 3 } } });
});

test('emails need one @ and a dotted domain', () => {
  const errors: FormErrors = {};
  checkEmail(errors, 'ok', 'nom@ville.fr');
  checkEmail(errors, 'empty', '');
  checkEmail(errors, 'nodot', 'x@y');
  checkEmail(errors, 'space', 'a b@ville.fr');
  assert.deepEqual(Object.keys(errors).sort(), ['empty', 'nodot', 'space']);
});
