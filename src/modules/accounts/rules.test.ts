// The account form rules, table-driven.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { FormErrors } from '../../platform/forms.ts';
import { checkCurrentPassword, checkDisplayName, checkNewPassword, checkRegistration, tokenProblemKey } from './rules.ts';

const valid = { email: 'camille@example.org', password: 'une phrase de passe solide', displayName: 'Camille', acceptTerms: true };

test('registration input is checked field by field', () => {
  const cases: [string, Partial<typeof valid>, Record<string, string>][] = [
    ['valid input', {}, {}],
    ['empty email', { email: '' }, { email: 'forms.required' }],
    ['malformed email', { email: 'camille@' }, { email: 'forms.email.invalid' }],
    ['empty name', { displayName: '' }, { display_name: 'forms.required' }],
    ['name of 60 characters', { displayName: 'é'.repeat(60) }, {}],
    ['name of 61 characters', { displayName: 'é'.repeat(61) }, { display_name: 'forms.too_long' }],
    ['empty password', { password: '' }, { password: 'forms.required' }],
    ['short password', { password: 'abc' }, { password: 'forms.password.too_short' }],
    ['common password', { password: 'azertyuiop' }, { password: 'forms.password.too_common' }],
    ['common password, other case', { password: 'Password123' }, { password: 'forms.password.too_common' }],
    ['terms refused', { acceptTerms: false }, { accept_terms: 'accounts.register.terms_required' }],
  ];
  for (const [name, change, expected] of cases) {
    const errors = checkRegistration({ ...valid, ...change });
    assert.deepEqual(Object.fromEntries(Object.entries(errors).map(([k, v]) => [k, v.key])), expected, name);
  }
});

test('display names, new passwords and current passwords have their own checks', () => {
  const run = (fn: (e: FormErrors, n: string, v: string) => void, value: string) => {
    const errors: FormErrors = {};
    fn(errors, 'f', value);
    return errors.f?.key ?? null;
  };
  assert.equal(run(checkDisplayName, 'Lou'), null);
  assert.equal(run(checkDisplayName, ''), 'forms.required');
  assert.equal(run(checkNewPassword, 'x'.repeat(201)), 'forms.password.too_long');
  assert.equal(run(checkNewPassword, 'correct horse battery'), null);
  assert.equal(run(checkCurrentPassword, ''), 'forms.required');
  assert.equal(run(checkCurrentPassword, 'anything'), null);
  assert.equal(run(checkCurrentPassword, 'x'.repeat(1001)), 'accounts.current_password_wrong');
});

test('each reason a link fails has its own message', () => {
  assert.equal(tokenProblemKey({ ok: false, reason: 'expired' }), 'accounts.token.expired');
  assert.equal(tokenProblemKey({ ok: false, reason: 'used' }), 'accounts.token.used');
  assert.equal(tokenProblemKey({ ok: false, reason: 'invalid' }), 'accounts.token.invalid');
});
