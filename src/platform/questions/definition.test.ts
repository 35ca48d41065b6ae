// Question definitions from the builder's form or an imported file: each type keeps its own
// settings, and what an administrator may not save is refused with the field named.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { checkDefinition, fromForm, toForm } from './definition.ts';
import type { FormErrors } from '../forms.ts';

const CASES: [string, Record<string, unknown>, Record<string, unknown> | null, Record<string, string>][] = [
  ['a title is required', { type: 'short_text', title: ' ' }, null, { title: 'forms.required' }],
  ['an unknown type is refused', { type: 'poll', title: 'T' }, null, { type: 'forms.invalid_choice' }],
  ['a single choice needs two options', { type: 'single', title: 'T', config: { options: 'Seule' } }, null, { options: 'questions.builder.errors.too_few' }],
  ['a single choice keeps its options and display', { type: 'single', title: 'T', config: { options: 'A\nB', display: 'select' } }, { options: ['A', 'B'], display: 'select' }, {}],
  ['a multiple choice keeps its bounds and "other"', { type: 'multiple', title: 'T', config: { options: 'A\nB\nC', minSelect: '1', maxSelect: '2', other: 'on' } }, { options: ['A', 'B', 'C'], other: true, minSelect: 1, maxSelect: 2 }, {}],
  ['a multiple choice with a minimum above its maximum is refused', { type: 'multiple', title: 'T', config: { options: 'A\nB\nC', minSelect: '3', maxSelect: '2' } }, null, { max_select: 'questions.builder.errors.min_max' }],
  ['a number keeps its bounds', { type: 'number', title: 'T', config: { min: '0', max: '99' } }, { min: 0, max: 99 }, {}],
  ['a scale without labels runs 0 to 10 by default', { type: 'scale', title: 'T', config: {} }, { min: 0, max: 10 }, {}],
  ['a Likert scale keeps its labels from 1', { type: 'scale', title: 'T', config: { labels: 'Non\nPlutôt non\nPlutôt oui\nOui' } }, { labels: ['Non', 'Plutôt non', 'Plutôt oui', 'Oui'], min: 1 }, {}],
  ['a grid needs rows and two columns', { type: 'grid', title: 'T', config: { rows: '', columns: 'A' } }, null, { rows: 'questions.builder.errors.too_few', columns: 'questions.builder.errors.too_few' }],
  ['a majority judgment without grades uses the default ones', { type: 'majority', title: 'T', config: { options: 'A\nB' } }, { options: ['A', 'B'] }, {}],
  ['a file question needs a format', { type: 'file', title: 'T', config: { maxMb: '2' } }, null, { accept: 'questions.builder.errors.accept' }],
  ['a file question keeps its formats and size', { type: 'file', title: 'T', config: { accept: ['pdf', 'exe'], maxMb: '2' } }, { accept: ['pdf'], maxBytes: 2_000_000 }, {}],
  ['a section is never required nor private', { type: 'section', title: 'T', required: true, private: true }, {}, {}],
];
for (const [name, input, config, errors] of CASES) {
  test(name, () => {
    const e: FormErrors = {};
    const d = checkDefinition(input, e);
    assert.deepEqual(Object.fromEntries(Object.entries(e).map(([k, v]) => [k, v.key])), errors);
    if (config) assert.deepEqual(d.config, config);
    if (input.type === 'section') assert.equal(d.required || d.private, false);
  });
}

test('a definition shown in the builder form reads back the same', () => {
  const e: FormErrors = {};
  const d = checkDefinition({ type: 'multiple', title: 'Vos moyens', help: 'Plusieurs', required: true, config: { options: 'Bus\nVélo', other: true, maxSelect: '2' }, showIf: [{ question: 3, op: 'is', value: '1' }], jump: { when: { question: 4, op: 'contains', value: 'x' }, to: 9 } }, e);
  assert.deepEqual(e, {});
  assert.deepEqual(checkDefinition(fromForm(toForm(d)), e), d);
});
