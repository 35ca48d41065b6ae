// Conditional logic: conditions table-driven, jumps and hidden sections, pages, and the property
// that answers on hidden branches are never kept (fast-check over random questionnaires).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { dropHidden, holds, ruleErrors, splitPages, visibleIds, visiblePages } from './logic.ts';
import { question } from './test-questions.ts';
import type { Answer, Answers, Condition, Question } from './types.ts';

const c = (op: Condition['op'], value: string): Condition => ({ question: 1, op, value });
const HOLDS: [string, Condition, Answer | undefined, boolean][] = [
  ['a single choice is the option named', c('is', '2'), 2, true],
  ['a single choice is not another option', c('is', '1'), 2, false],
  ['"is not" holds for another option', c('is_not', '1'), 2, true],
  ['"is not" holds when nothing was answered', c('is_not', '1'), undefined, true],
  ['"is" never holds when nothing was answered', c('is', '1'), undefined, false],
  ['yes is "yes"', c('is', 'yes'), true, true],
  ['no is not "yes"', c('is', 'yes'), false, false],
  ['a text is compared without case nor spaces', c('is', ' Centre '), 'centre', true],
  ['a text contains a word', c('contains', 'vélo'), 'Plus de pistes Vélo', true],
  ['a number is equal', c('is', '3'), 3, true],
  ['multiple choices contain an option', c('contains', '1'), { choices: [0, 1], other: '' }, true],
  ['multiple choices are one option only when chosen alone', c('is', '1'), { choices: [0, 1], other: '' }, false],
  ['multiple choices contain "other" when it was written', c('contains', 'other'), { choices: [0], other: 'Roller' }, true],
  ['a ranking "is" its first option', c('is', '3'), [3, 0], true],
  ['a ranking contains any ranked option', c('contains', '0'), [3, 0], true],
];
for (const [name, cond, answer, expected] of HOLDS) test(name, () => assert.equal(holds(cond, answer), expected));

// 1 yes/no; section 10; 2 shown if 1 is yes; section 20 (jumped over when 1 is no); 3; section 30; 4
const Q: Question[] = [
  question('yes_no', {}, { id: 1, position: 1, jump: { when: { question: 1, op: 'is', value: 'no' }, to: 30 } }),
  question('short_text', {}, { id: 2, position: 2, showIf: [{ question: 1, op: 'is', value: 'yes' }] }),
  question('section', {}, { id: 20, position: 3 }),
  question('number', {}, { id: 3, position: 4 }),
  question('section', {}, { id: 30, position: 5 }),
  question('short_text', {}, { id: 4, position: 6 }),
];

test('a question shown on a condition appears only when it holds', () => {
  assert.ok(visibleIds(Q, { 1: true }).has(2));
  assert.ok(!visibleIds(Q, { 1: false }).has(2));
  assert.ok(!visibleIds(Q, {}).has(2));
});

test('a jump hides the sections between its page and its target', () => {
  assert.deepEqual([...visibleIds(Q, { 1: false })], [1, 30, 4]);
  assert.deepEqual([...visibleIds(Q, { 1: true })], [1, 2, 20, 3, 30, 4]);
});

test('a jump to the end hides every later section', () => {
  const toEnd = Q.map((q) => (q.id === 1 ? { ...q, jump: { when: q.jump!.when, to: 0 } } : q));
  assert.deepEqual([...visibleIds(toEnd, { 1: false })], [1]);
});

test('a section hidden by its condition hides its questions', () => {
  const hiddenSection = Q.map((q) => (q.id === 20 ? { ...q, showIf: [{ question: 1, op: 'is' as const, value: 'yes' }] } : q));
  assert.deepEqual([...visibleIds(hiddenSection, { 1: true, 3: 4 })], [1, 2, 20, 3, 30, 4]);
  assert.ok(!visibleIds(hiddenSection, {}).has(3));
});

test('answers on a branch hidden at submission are dropped', () => {
  assert.deepEqual(dropHidden(Q, { 1: false, 2: 'oublié', 3: 12, 4: 'gardé' }), { 1: false, 4: 'gardé' });
});

test('pages split at section headings; the questions before the first heading make the first page', () => {
  assert.deepEqual(splitPages(Q).map((p) => [p.section?.id ?? null, p.questions.map((q) => q.id)]), [[null, [1, 2]], [20, [3]], [30, [4]]]);
  assert.deepEqual(visiblePages(splitPages(Q), visibleIds(Q, { 1: false })), [0, 2]);
  assert.deepEqual(visiblePages(splitPages(Q), visibleIds(Q, { 1: true })), [0, 1, 2]);
});

test('rules may only read earlier questions and jump to later sections', () => {
  assert.equal(ruleErrors(Q, { position: 4, showIf: [{ question: 1, op: 'is', value: 'yes' }], jump: null }), null);
  assert.equal(ruleErrors(Q, { position: 1, showIf: [{ question: 3, op: 'is', value: '1' }], jump: null }), 'questions.rules.errors.earlier');
  assert.equal(ruleErrors(Q, { position: 4, showIf: [], jump: { when: { question: 3, op: 'is', value: '1' }, to: 20 } }), 'questions.rules.errors.later_section');
  assert.equal(ruleErrors(Q, { position: 4, showIf: [], jump: { when: { question: 3, op: 'is', value: '1' }, to: 0 } }), null);
});

// Random questionnaires: yes/no and choice questions, sections, conditions on earlier questions,
// jumps to later sections; random answers to everything.
const questionnaire = fc.array(fc.record({ section: fc.boolean(), cond: fc.option(fc.nat(20)), jump: fc.option(fc.tuple(fc.nat(20), fc.nat(20))), value: fc.constantFrom('yes', 'no', '0', '1') }), { minLength: 1, maxLength: 25 }).map((specs) => {
  const qs: Question[] = [];
  specs.forEach((s, i) => {
    const id = i + 1;
    const earlier = qs.filter((q) => q.type !== 'section');
    const ref = s.cond !== null && earlier.length ? earlier[s.cond % earlier.length]! : null;
    const later = specs.map((o, j) => (o.section && j > i ? j + 1 : 0)).filter(Boolean);
    const jump = s.jump && earlier.length ? { when: { question: earlier[s.jump[0] % earlier.length]!.id, op: 'is' as const, value: s.value }, to: later.length ? later[s.jump[1] % later.length]! : 0 } : null;
    qs.push(question(s.section ? 'section' : i % 2 ? 'yes_no' : 'single', { options: ['A', 'B'] }, { id, position: id, showIf: ref ? [{ question: ref.id, op: 'is', value: s.value }] : [], jump }));
  });
  return qs;
});
const answersFor = (qs: Question[]) => fc.tuple(...qs.map((q) => (q.type === 'yes_no' ? fc.option(fc.boolean()) : fc.option(fc.nat(1))))).map((vals) => {
  const a: Answers = {};
  vals.forEach((v, i) => v !== null && qs[i]!.type !== 'section' && (a[qs[i]!.id] = v));
  return a;
});

test('property: answers on hidden branches are never kept, and keeping changes no visibility', () => {
  fc.assert(
    fc.property(questionnaire.chain((qs) => fc.tuple(fc.constant(qs), answersFor(qs))), ([qs, answers]) => {
      const kept = dropHidden(qs, answers);
      const visible = visibleIds(qs, answers);
      for (const id of Object.keys(kept)) assert.ok(visible.has(Number(id)));
      assert.deepEqual(visibleIds(qs, kept), visible);
      assert.deepEqual(dropHidden(qs, kept), kept);
    }),
    { numRuns: 500 },
  );
});
