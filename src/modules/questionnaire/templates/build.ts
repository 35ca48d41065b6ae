// Small helpers to write the shipped templates in the file format (transfer.ts): each call adds
// a question with the next id, so a template reads as its questions in order.
import type { QuestionnaireFile } from '../transfer.ts';
import type { Condition, QuestionConfig } from '../../../platform/questions/types.ts';

type Item = QuestionnaireFile['questions'][number];

export const AGREE = ['Pas du tout d’accord', 'Plutôt pas d’accord', 'Ni d’accord ni pas d’accord', 'Plutôt d’accord', 'Tout à fait d’accord'];
export const SATISFIED = ['Très insatisfait', 'Plutôt insatisfait', 'Plutôt satisfait', 'Très satisfait'];
export const OFTEN = ['Jamais', 'Rarement', 'Parfois', 'Souvent'];

export function builder() {
  const questions: Item[] = [];
  let id = 0;
  const add = (type: string, title: string, config: QuestionConfig = {}, more: Partial<Item> = {}) => {
    id += 1;
    questions.push({ id, type, title, help: '', required: false, private: false, config, showIf: [], jump: null, ...more });
    return id;
  };
  return {
    questions,
    section: (title: string, help = '') => add('section', title, {}, { help }),
    yesNo: (title: string, more: Partial<Item> = {}) => add('yes_no', title, {}, more),
    single: (title: string, options: string[], more: Partial<Item> = {}) => add('single', title, { options, display: options.length > 7 ? 'select' : 'radio' }, more),
    multiple: (title: string, options: string[], config: QuestionConfig = {}, more: Partial<Item> = {}) => add('multiple', title, { options, ...config }, more),
    likert: (title: string, labels = AGREE, more: Partial<Item> = {}) => add('scale', title, { min: 1, labels }, more),
    scale: (title: string, more: Partial<Item> = {}) => add('scale', title, { min: 0, max: 10 }, more),
    grid: (title: string, rows: string[], columns: string[], more: Partial<Item> = {}) => add('grid', title, { rows, columns }, more),
    ranking: (title: string, options: string[], rankCount?: number, more: Partial<Item> = {}) => add('ranking', title, { options, ...(rankCount ? { rankCount } : {}) }, more),
    majority: (title: string, options: string[], more: Partial<Item> = {}) => add('majority', title, { options }, more),
    number: (title: string, min: number, max: number, more: Partial<Item> = {}) => add('number', title, { min, max }, more),
    short: (title: string, more: Partial<Item> = {}) => add('short_text', title, {}, more),
    long: (title: string, more: Partial<Item> = {}) => add('long_text', title, {}, more),
    email: (title: string, more: Partial<Item> = {}) => add('email', title, {}, more),
    date: (title: string, more: Partial<Item> = {}) => add('date', title, {}, more),
    when: (question: number, op: Condition['op'], value: string): Condition => ({ question, op, value }),
  };
}
