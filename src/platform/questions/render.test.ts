// The questions' partials render every type accessibly: a fieldset and legend for groups, a label
// for single fields, the help and the error tied by aria-describedby, the values sent checked again.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Eta } from 'eta';
import { viewsDir } from '../paths.ts';
import { createPartial } from '../partials.ts';
import { createI18n } from '../i18n.ts';
import { fr } from '../messages.fr.ts';
import { en } from '../messages.en.ts';
import { question } from './test-questions.ts';
import { DEFAULT_GRADE_KEYS, QUESTION_TYPES, type FormValues, type Question, type QuestionType } from './types.ts';

const partial = createPartial(new Eta({ autoEscape: true, views: viewsDir }), false);
const t = createI18n([{ fr, en }], 'Europe/Paris', true).translator('fr');
const CONFIG: Record<QuestionType, Question['config']> = {
  section: {}, short_text: {}, long_text: {}, number: { min: 0, max: 10 }, date: {}, email: {}, single: { options: ['A', 'B'] }, multiple: { options: ['A', 'B'], other: true, maxSelect: 2 },
  ranking: { options: ['A', 'B', 'C'] }, scale: { min: 0, max: 10 }, grid: { rows: ['R1', 'R2'], columns: ['C1', 'C2'] }, yes_no: {}, majority: { options: ['A', 'B'] }, file: { accept: ['pdf'], maxBytes: 2_000_000 },
};
const render = (q: Question, values: FormValues = {}, error?: { key: string }) => partial('/questions/_question', { t, partial, q, values, error, grades: DEFAULT_GRADE_KEYS.map((k) => t(k)) });
const GROUPED = new Set(['single', 'multiple', 'ranking', 'scale', 'grid', 'yes_no', 'majority']);

for (const type of QUESTION_TYPES.filter((x) => x !== 'section')) {
  test(`a ${type} question renders with its title, help and error tied to it`, () => {
    const q = question(type, CONFIG[type], { id: 7, title: 'Titre <b>', help: 'Aide', required: true });
    const html = render(q, {}, { key: 'questions.errors.required' });
    assert.match(html, /Titre &lt;b&gt;/);
    assert.match(html, /aria-describedby="field-q7-hint field-q7-error"/);
    assert.match(html, /id="field-q7-error">Répondez à cette question\./);
    assert.match(html, /id="field-q7"/, 'the error summary links to the first control');
    if (GROUPED.has(type)) assert.match(html, /<fieldset[^>]*>\s*<legend>Titre/);
    else assert.match(html, /<label for="field-q7">Titre/);
  });
}

test('a drop-down single choice is a labelled select with the value sent selected', () => {
  const html = render(question('single', { options: ['A', 'B'], display: 'select' }, { id: 8 }), { q8: '1' });
  assert.match(html, /<label for="field-q8">/);
  assert.match(html, /<option value="1" selected>B<\/option>/);
});

test('grid rows are fieldsets of their own with the checked column', () => {
  const html = render(question('grid', CONFIG.grid, { id: 9 }), { q9_1: '1' });
  assert.equal(html.match(/<fieldset class="question-row">/g)?.length, 2);
  assert.match(html, /name="q9_1" value="1" checked/);
});

test('a majority judgment offers the six default grades per option', () => {
  const html = render(question('majority', CONFIG.majority, { id: 10 }));
  assert.equal(html.match(/type="radio"/g)?.length, 12);
  assert.match(html, />À rejeter</);
});

test('a ranking is one position select per option', () => {
  const html = render(question('ranking', CONFIG.ranking, { id: 11 }), { q11_2: '1' });
  assert.equal(html.match(/<select/g)?.length, 3);
  assert.match(html, /<option value="1" selected>Position 1<\/option>/);
});
