// Validation of every question type, table-driven: a form body in, an answer or an error key out,
// and stored answers shown again as the same form values.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { answerValues, parseAnswer } from './answers.ts';
import { question } from './test-questions.ts';
import type { Answer, FormValues, Question } from './types.ts';

const opts = ['Bus', 'Vélo', 'Voiture', 'Marche'];
const Q = {
  short: question('short_text', { maxLength: 10 }, { id: 1 }),
  long: question('long_text', {}, { id: 2 }),
  number: question('number', { min: 0, max: 120 }, { id: 3 }),
  date: question('date', {}, { id: 4 }),
  email: question('email', {}, { id: 5 }),
  single: question('single', { options: opts }, { id: 6 }),
  multiple: question('multiple', { options: opts, minSelect: 2, maxSelect: 3, other: true }, { id: 7 }),
  ranking: question('ranking', { options: opts, rankCount: 2 }, { id: 8 }),
  scale: question('scale', { min: 0, max: 10 }, { id: 9 }),
  likert: question('scale', { min: 1, labels: ['Pas du tout', 'Peu', 'Assez', 'Tout à fait'] }, { id: 10 }),
  grid: question('grid', { rows: ['Propreté', 'Sécurité'], columns: ['Bien', 'Moyen', 'Mal'] }, { id: 11 }),
  yesNo: question('yes_no', {}, { id: 12 }),
  majority: question('majority', { options: ['Parc', 'Piscine'] }, { id: 13 }),
};
const required = (q: Question): Question => ({ ...q, required: true });

const CASES: [string, Question, FormValues, Answer | null, string?][] = [
  ['a short text is trimmed', Q.short, { q1: '  bonjour ' }, 'bonjour'],
  ['a short text longer than its maximum is refused', Q.short, { q1: 'onze lettres' }, null, 'forms.too_long'],
  ['an empty optional text is no answer', Q.short, { q1: '  ' }, null],
  ['an empty required text is refused', required(Q.short), {}, null, 'questions.errors.required'],
  ['a long text keeps its lines', Q.long, { q2: 'un\ndeux' }, 'un\ndeux'],
  ['a number written the French way is read', Q.number, { q3: '12,5' }, 12.5],
  ['a number out of range is refused', Q.number, { q3: '121' }, null, 'questions.errors.range'],
  ['a word is not a number', Q.number, { q3: 'douze' }, null, 'questions.errors.number'],
  ['a real date is kept', Q.date, { q4: '2026-02-28' }, '2026-02-28'],
  ['the 30th of February is refused', Q.date, { q4: '2026-02-30' }, null, 'questions.errors.date'],
  ['an email is kept in lower case', Q.email, { q5: 'Anne@Exemple.FR' }, 'anne@exemple.fr'],
  ['an email without a domain is refused', Q.email, { q5: 'anne@' }, null, 'forms.email.invalid'],
  ['a single choice is an option index', Q.single, { q6: '2' }, 2],
  ['a single choice out of the options is refused', Q.single, { q6: '4' }, null, 'forms.invalid_choice'],
  ['a single choice sent twice is refused as absent when required', required(Q.single), { q6: ['1', '2'] }, null, 'questions.errors.required'],
  ['multiple choices are sorted and deduplicated', Q.multiple, { q7: ['3', '0', '3'] }, { choices: [0, 3], other: '' }],
  ['"other" with its text counts as a choice', Q.multiple, { q7: ['1', 'other'], q7_other: 'Trottinette' }, { choices: [1], other: 'Trottinette' }],
  ['"other" without its text is refused', Q.multiple, { q7: ['1', 'other'] }, null, 'questions.errors.other_required'],
  ['fewer choices than the minimum are refused', Q.multiple, { q7: '1' }, null, 'questions.errors.min_select'],
  ['more choices than the maximum are refused', Q.multiple, { q7: ['0', '1', '2', '3'] }, null, 'questions.errors.max_select'],
  ['an unknown choice is refused', Q.multiple, { q7: ['0', '9'] }, null, 'forms.invalid_choice'],
  ['a ranking lists options best first', Q.ranking, { q8_2: '1', q8_0: '2' }, [2, 0]],
  ['a ranking with one position twice is refused', Q.ranking, { q8_2: '1', q8_0: '1' }, null, 'questions.errors.rank_duplicate'],
  ['a ranking with too few options is refused', Q.ranking, { q8_2: '1' }, null, 'questions.errors.rank_count'],
  ['a ranking position beyond the count is refused', Q.ranking, { q8_2: '1', q8_0: '3' }, null, 'forms.invalid_choice'],
  ['a scale point is kept', Q.scale, { q9: '7' }, 7],
  ['a scale point out of the scale is refused', Q.scale, { q9: '11' }, null, 'questions.errors.range'],
  ['a half point is not a scale point', Q.scale, { q9: '7,5' }, null, 'forms.invalid_choice'],
  ['a labelled scale runs from its minimum over its labels', Q.likert, { q10: '4' }, 4],
  ['a labelled scale refuses a point past its labels', Q.likert, { q10: '5' }, null, 'questions.errors.range'],
  ['a grid keeps a column per row', Q.grid, { q11_0: '0', q11_1: '2' }, [0, 2]],
  ['an optional grid may leave a row out', Q.grid, { q11_1: '1' }, [null, 1]],
  ['a required grid answers every row', required(Q.grid), { q11_1: '1' }, null, 'questions.errors.grid_incomplete'],
  ['a grid column that does not exist is refused', Q.grid, { q11_0: '3' }, null, 'forms.invalid_choice'],
  ['yes is true', Q.yesNo, { q12: 'yes' }, true],
  ['no is false', Q.yesNo, { q12: 'no' }, false],
  ['maybe is refused', Q.yesNo, { q12: 'maybe' }, null, 'forms.invalid_choice'],
  ['a majority judgment grades every option', Q.majority, { q13_0: '0', q13_1: '5' }, [0, 5]],
  ['a majority judgment with an option left out is refused', Q.majority, { q13_0: '0' }, null, 'questions.errors.grade_all'],
  ['a majority grade past the sixth is refused', Q.majority, { q13_0: '0', q13_1: '6' }, null, 'forms.invalid_choice'],
];

for (const [name, q, body, answer, error] of CASES) {
  test(name, () => {
    const parsed = parseAnswer(q, body);
    assert.equal(parsed.error?.key, error);
    assert.deepEqual(parsed.answer, answer);
  });
}

test('every accepted answer shown again as form values is read back as the same answer', () => {
  for (const [name, q, body, answer, error] of CASES) {
    if (error || answer === null) continue;
    assert.deepEqual(parseAnswer(q, answerValues(q, answer)).answer, answer, name);
  }
});

const file = question('file', { accept: ['pdf', 'png'], maxBytes: 1000 }, { id: 20 });
const pdf = Buffer.from('%PDF-1.7 un document');
const FILES: [string, Parameters<typeof parseAnswer>[2], Answer | null | undefined, string | undefined, unknown][] = [
  ['a PDF is recognised by its first bytes', { file: pdf, tooBig: false }, undefined, undefined, 'pdf'],
  ['a text file is refused whatever its name', { file: Buffer.from('bonjour'), tooBig: false }, undefined, 'questions.errors.file_kind', null],
  ['a JPEG is refused when only PDF and PNG are accepted', { file: Buffer.from([0xff, 0xd8, 0xff, 0xe0]), tooBig: false }, undefined, 'questions.errors.file_kind', null],
  ['a file cut by the size limit is refused', { file: null, tooBig: true }, undefined, 'questions.errors.file_size', null],
  ['a file larger than the question allows is refused', { file: Buffer.concat([pdf, Buffer.alloc(1000)]), tooBig: false }, undefined, 'questions.errors.file_size', null],
  ['no new file keeps the one sent before', { file: null, tooBig: false }, { kind: 'pdf', size: 10, stored: 'a.pdf' }, undefined, 'pdf'],
];
for (const [name, sent, previous, error, kind] of FILES) {
  test(name, () => {
    const parsed = parseAnswer(file, {}, sent, previous);
    assert.equal(parsed.error?.key, error);
    assert.equal(parsed.answer && typeof parsed.answer === 'object' && 'kind' in parsed.answer ? parsed.answer.kind : null, kind);
  });
}
