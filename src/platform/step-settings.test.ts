// Step settings: read and checked against the module's declarations, defaults for the rest.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { FormErrors } from './forms.ts';
import { parseSettings, settingsWithDefaults } from './step-settings.ts';

test('step settings are read and checked against their declarations', () => {
  const decls = {
    limit: { type: 'integer', default: 3, min: 1, max: 10, labelKey: 'x' },
    name: { type: 'string', default: '', max: 5, labelKey: 'x' },
    sort: { type: 'enum', default: 'a', options: ['a', 'b'], labelKey: 'x' },
    on: { type: 'boolean', default: false, labelKey: 'x' },
  } as const;
  const ok: FormErrors = {};
  assert.deepEqual(parseSettings(decls, { setting_limit: '4', setting_name: 'abc', setting_sort: 'b', setting_on: '1' }, ok), { limit: 4, name: 'abc', sort: 'b', on: true });
  assert.deepEqual(ok, {});
  const bad: FormErrors = {};
  parseSettings(decls, { setting_limit: '11', setting_name: 'abcdef', setting_sort: 'z' }, bad);
  assert.deepEqual(Object.keys(bad).sort(), ['setting_limit', 'setting_name', 'setting_sort']);
  const notNumber: FormErrors = {};
  parseSettings(decls, { setting_limit: '2.5', setting_sort: 'a' }, notNumber);
  assert.equal(notNumber.setting_limit?.key, 'settings.errors.integer');
  assert.deepEqual(settingsWithDefaults(decls, '{"limit":7,"sort":5}'), { limit: 7, name: '', sort: 'a', on: false });
  assert.deepEqual(settingsWithDefaults(decls, 'broken'), { limit: 3, name: '', sort: 'a', on: false });
});

test('a setting fixed once the step opened keeps its stored value whatever the form sends; the others change', () => {
  const decls = {
    electorate: { type: 'enum', default: 'accounts', options: ['accounts', 'roll'], labelKey: 'x', fixedOnceOpen: true },
    allow_changes: { type: 'boolean', default: false, labelKey: 'y' },
  } as const;
  const body = { setting_electorate: 'roll', setting_allow_changes: '1' };
  const errors: FormErrors = {};
  assert.deepEqual(parseSettings(decls, body, errors), { electorate: 'roll', allow_changes: true }, 'an upcoming step: everything changes');
  assert.deepEqual(parseSettings(decls, body, errors, { electorate: 'accounts', allow_changes: false }), { electorate: 'accounts', allow_changes: true });
  assert.deepEqual(parseSettings(decls, { setting_allow_changes: '1' }, errors, { electorate: 'roll', allow_changes: false }), { electorate: 'roll', allow_changes: true }, 'a disabled field sends nothing');
  assert.deepEqual(errors, {});
});
