// Plausible answers to any questionnaire, drawn from a given random source: the demo's responses,
// the bench's 20,000 and the tests' random responses. Every answer is one the form would accept.
import { rankCount, scaleBounds, gradeCount } from '../../platform/questions/answers.ts';
import { dropHidden } from '../../platform/questions/logic.ts';
import type { Answer, Answers, Question } from '../../platform/questions/types.ts';

const TEXTS = ['Plus de bancs et d’ombre sur la place.', 'Des horaires plus tardifs le samedi.', 'Rien à ajouter, merci.', 'Davantage de pistes cyclables vers le collège.', 'Mieux informer les nouveaux habitants.', 'Les réunions sont trop tôt en soirée.'];

/** A deterministic generator (the same seed gives the same answers). */
export function rng(seed: number): () => number {
  let s = seed >>> 0;
  return () => ((s = (s * 1664525 + 1013904223) >>> 0) / 2 ** 32);
}

export function sampleAnswer(q: Question, random: () => number): Answer | null {
  const pick = (n: number) => Math.floor(random() * n);
  const c = q.config;
  const options = c.options ?? [];
  if (!q.required && random() < 0.15) return null;
  switch (q.type) {
    case 'section':
    case 'file':
      return null;
    case 'short_text':
    case 'long_text':
      return TEXTS[pick(TEXTS.length)]!;
    case 'email':
      return `habitant${pick(1000)}@example.org`;
    case 'date':
      return `2026-0${1 + pick(9)}-1${pick(9)}`;
    case 'number':
      return (c.min ?? 0) + pick(Math.min((c.max ?? 100) - (c.min ?? 0) + 1, 100));
    case 'scale': {
      const [min, max] = scaleBounds(q);
      // Skewed towards the upper half, as satisfaction answers often are.
      return Math.min(max, min + Math.floor(Math.sqrt(random()) * (max - min + 1)));
    }
    case 'yes_no':
      return random() < 0.6;
    case 'single':
      return pick(options.length);
    case 'multiple': {
      const max = Math.max(1, Math.min(c.maxSelect ?? options.length, options.length));
      const min = Math.max(1, c.minSelect ?? 1);
      const n = min + pick(Math.max(1, max - min + 1));
      const choices = [...new Set(Array.from({ length: n * 2 }, () => pick(options.length)))].slice(0, n).sort((a, b) => a - b);
      return choices.length >= min ? { choices, other: '' } : { choices: options.slice(0, min).map((_, i) => i), other: '' };
    }
    case 'ranking': {
      const order = options.map((_, i) => i).sort(() => random() - 0.5);
      return order.slice(0, rankCount(q));
    }
    case 'grid':
      return (c.rows ?? []).map(() => pick(c.columns?.length ?? 1));
    case 'majority':
      return options.map(() => Math.min(gradeCount(q) - 1, pick(3) + pick(4)));
  }
}

/** A full response: every question answered or not, then the hidden branches dropped. */
export function sampleAnswers(questions: readonly Question[], random: () => number): Answers {
  const answers: Answers = {};
  for (const q of questions) {
    const a = sampleAnswer(q, random);
    if (a !== null) answers[q.id] = a;
  }
  return dropHidden(questions, answers);
}
