// The results of each question from its counters alone (never the responses): bars with counts
// and percentages, mean and median from the histogram of values, grid rows, a ranking's Borda
// points, and for majority judgment the platform's tally (majority grade, rank, merit profile).
import type { Translate } from '../../platform/i18n.ts';
import { majorityJudgment } from '../../platform/tallies/majority-judgment.ts';
import { gradeLabels } from '../../platform/questions/format.ts';
import { rankCount, scaleBounds } from '../../platform/questions/answers.ts';
import type { Question } from '../../platform/questions/types.ts';
import { bars, meanMedian, rankingScores, TEXT_TYPES, type Bar } from './rules.ts';

export interface MeritRow {
  label: string;
  rank: number;
  grade: string | null;
  counts: number[];
  /** Each grade's share of the option's grades (x and width of its SVG part). */
  parts: { x: number; width: number; grade: number }[];
}

export interface QuestionResult {
  q: Question;
  answered: number;
  bars?: Bar[];
  stats?: { mean: number; median: number } | null;
  grid?: { label: string; bars: Bar[] }[];
  ranking?: { label: string; points: number; first: number }[];
  merit?: { grades: string[]; rows: MeritRow[] };
  texts?: boolean;
}

const get = (m: ReadonlyMap<string, number>, slot: string) => m.get(slot) ?? 0;

export function questionResult(q: Question, counts: ReadonlyMap<string, number>, t: Translate): QuestionResult {
  const answered = get(counts, 'answered');
  const c = q.config;
  const r: QuestionResult = { q, answered };
  const options = c.options ?? [];
  switch (q.type) {
    case 'single':
    case 'multiple': {
      const labels = [...options, ...(q.type === 'multiple' && c.other ? [t('questions.other')] : [])];
      const slots = [...options.map((_, i) => String(i)), ...(labels.length > options.length ? ['other'] : [])];
      r.bars = bars(labels, slots.map((s) => get(counts, s)), answered);
      r.texts = q.type === 'multiple' && !!c.other;
      break;
    }
    case 'yes_no':
      r.bars = bars([t('questions.yes'), t('questions.no')], [get(counts, 'yes'), get(counts, 'no')], answered);
      break;
    case 'scale': {
      const [min, max] = scaleBounds(q);
      const points = Array.from({ length: max - min + 1 }, (_, i) => min + i);
      r.bars = bars(points.map((p) => (c.labels?.length ? c.labels[p - min]! : String(p))), points.map((p) => get(counts, String(p))), answered);
      r.stats = meanMedian(new Map(points.map((p) => [p, get(counts, String(p))])));
      break;
    }
    case 'number': {
      const histogram = new Map<number, number>();
      for (const [slot, n] of counts) if (slot !== 'answered') histogram.set(Number(slot), n);
      r.stats = meanMedian(histogram);
      break;
    }
    case 'grid': {
      const columns = c.columns ?? [];
      r.grid = (c.rows ?? []).map((label, row) => {
        const n = columns.map((_, col) => get(counts, `${row}:${col}`));
        return { label, bars: bars(columns, n, n.reduce((a, b) => a + b, 0)) };
      });
      break;
    }
    case 'ranking': {
      const k = rankCount(q);
      r.ranking = rankingScores(options, options.map((_, o) => Array.from({ length: k }, (_, pos) => get(counts, `${o}:${pos}`))), k);
      break;
    }
    case 'majority': {
      const grades = gradeLabels(q, t);
      const profiles = options.map((_, o) => grades.map((_, g) => get(counts, `${o}:${g}`)));
      r.merit = {
        grades,
        rows: majorityJudgment(profiles).map((m) => {
          let x = 0;
          const parts = m.counts.map((n, grade) => {
            const width = m.total ? Math.round((10000 * n) / m.total) / 100 : 0;
            const part = { x, width, grade };
            x += width;
            return part;
          });
          return { label: options[m.option]!, rank: m.rank, grade: m.majorityGrade === null ? null : grades[m.majorityGrade]!, counts: m.counts, parts };
        }),
      };
      break;
    }
    default:
      r.texts = TEXT_TYPES.has(q.type);
  }
  return r;
}
