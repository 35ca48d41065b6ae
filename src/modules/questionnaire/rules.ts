// Pure rules of the questionnaire: the step's settings, how a person's answers become result
// slots (what a submission adds to the counters), and the results computed from those counters.
import type { SettingDecl } from '../../platform/module.ts';
import type { Answer, Answers, Question } from '../../platform/questions/types.ts';

/** The step's settings, edited on the step form of the projects admin. */
export const SETTINGS = {
  several_responses: { type: 'boolean', default: false, labelKey: 'questionnaire.settings.several_responses' },
  anonymous: { type: 'boolean', default: false, labelKey: 'questionnaire.settings.anonymous' },
  drafts: { type: 'boolean', default: true, labelKey: 'questionnaire.settings.drafts' },
  editable: { type: 'boolean', default: false, labelKey: 'questionnaire.settings.editable' },
  acknowledgement: { type: 'boolean', default: true, labelKey: 'questionnaire.settings.acknowledgement' },
  public_results: { type: 'boolean', default: false, labelKey: 'questionnaire.settings.public_results' },
} satisfies Record<string, SettingDecl>;

export type Settings = { [K in keyof typeof SETTINGS]: boolean };

/** Free-text answers listed per page on the results. */
export const TEXTS_PAGE = 20;
export const TEXT_TYPES = new Set(['short_text', 'long_text']);
/** Questions per questionnaire, and the size of an imported file. */
export const QUESTIONS_MAX = 400;
export const IMPORT_MAX_BYTES = 1_000_000;

/** The segment a respondent's answers also count in: their district, when they gave one. */
export const segmentOf = (districtId: number | null | undefined) => (districtId ? `d${districtId}` : '');

/** What one answer adds to its question's counters: 'answered' and one slot per value given. */
export function slotsOf(q: Question, a: Answer): string[] {
  const slots = ['answered'];
  switch (q.type) {
    case 'number':
    case 'scale':
    case 'single':
      slots.push(String(a));
      break;
    case 'yes_no':
      slots.push(a ? 'yes' : 'no');
      break;
    case 'multiple': {
      const m = a as { choices: number[]; other: string };
      slots.push(...m.choices.map(String), ...(m.other ? ['other'] : []));
      break;
    }
    case 'ranking':
      (a as number[]).forEach((option, pos) => slots.push(`${option}:${pos}`));
      break;
    case 'grid':
    case 'majority':
      (a as (number | null)[]).forEach((v, r) => v !== null && slots.push(`${r}:${v}`));
      break;
    default:
      break;
  }
  return slots;
}

/** Every counter a response moves: [question id, slot] pairs. */
export function responseSlots(questions: readonly Question[], answers: Answers): [number, string][] {
  const out: [number, string][] = [];
  for (const q of questions) {
    const a = answers[q.id];
    if (a !== undefined && q.type !== 'section') for (const s of slotsOf(q, a)) out.push([q.id, s]);
  }
  return out;
}

export interface Bar {
  label: string;
  count: number;
  /** Of the question's respondents, rounded to one decimal. */
  pct: number;
}

const pct = (n: number, total: number) => (total === 0 ? 0 : Math.round((1000 * n) / total) / 10);
export const bars = (labels: readonly string[], counts: readonly number[], total: number): Bar[] => labels.map((label, i) => ({ label, count: counts[i] ?? 0, pct: pct(counts[i] ?? 0, total) }));

/** Mean and median of a histogram (value → count); null without values. */
export function meanMedian(histogram: ReadonlyMap<number, number>): { mean: number; median: number; count: number } | null {
  const values = [...histogram.entries()].filter(([, n]) => n > 0).sort((a, b) => a[0] - b[0]);
  const count = values.reduce((s, [, n]) => s + n, 0);
  if (count === 0) return null;
  const mean = values.reduce((s, [v, n]) => s + v * n, 0) / count;
  // The average of the two middle values for an even count, found by walking the cumulative counts.
  const at = (k: number) => {
    let seen = 0;
    for (const [v, n] of values) if ((seen += n) > k) return v;
    return values[values.length - 1]![0];
  };
  const median = count % 2 ? at((count - 1) / 2) : (at(count / 2 - 1) + at(count / 2)) / 2;
  return { mean: Math.round(mean * 100) / 100, median, count };
}

/** A ranking's options by Borda points (k points for first of k ranked, ... 1 for last), best first. */
export function rankingScores(options: readonly string[], positions: readonly (readonly number[])[], ranked: number): { option: number; label: string; points: number; first: number }[] {
  return options
    .map((label, option) => ({ option, label, first: positions[option]?.[0] ?? 0, points: (positions[option] ?? []).reduce((s, n, pos) => s + n * (ranked - pos), 0) }))
    .sort((a, b) => b.points - a.points || b.first - a.first || a.option - b.option);
}
