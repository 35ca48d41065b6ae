// Majority judgment (Balinski & Laraki) over grade counts: the majority grade, the tie-break by
// repeated removal of median grades, and the quick "majority gauge". Grades are indices 0..g-1,
// 0 the best. Shared by the votation and the questionnaire; pure, no database.

export interface MjResult {
  option: number;
  counts: number[];
  total: number;
  /** The lower median: in best→worst order, the grade at 0-based position floor(total / 2). */
  majorityGrade: number | null;
  /** Share of grades strictly better than the majority grade (0 when there are no grades). */
  p: number;
  /** Share of grades strictly worse than the majority grade. */
  q: number;
  /** 1-based; options that tie exactly share a rank (1, 1, 3). */
  rank: number;
}

/** One option's grade counts, index = grade. */
export type Profile = readonly number[];

const sum = (counts: Profile) => counts.reduce((a, b) => a + b, 0);

/** The grade at 0-based position `index` of the ballots sorted best→worst. */
function gradeAt(counts: Profile, index: number): number {
  let seen = 0;
  for (let g = 0; g < counts.length; g++) {
    seen += counts[g]!;
    if (index < seen) return g;
  }
  throw new RangeError('index outside the profile');
}

export function majorityGrade(counts: Profile): number | null {
  const total = sum(counts);
  return total === 0 ? null : gradeAt(counts, Math.floor(total / 2));
}

/** The majority grade with the shares of grades better (p) and worse (q) than it. */
export function gauge(counts: Profile): { majorityGrade: number | null; p: number; q: number; total: number } {
  const total = sum(counts);
  const mg = majorityGrade(counts);
  if (mg === null) return { majorityGrade: null, p: 0, q: 0, total };
  let better = 0;
  let worse = 0;
  for (let g = 0; g < counts.length; g++) {
    if (g < mg) better += counts[g]!;
    else if (g > mg) worse += counts[g]!;
  }
  return { majorityGrade: mg, p: better / total, q: worse / total, total };
}

/**
 * A cursor walking the sorted ballots by grade: `step(-1)` / `step(+1)` move one ballot towards
 * the better / worse end and say its grade, in O(1) amortised, so the whole "majority value"
 * (the sequence of removed medians) is read without expanding the counts into ballots.
 */
class Cursor {
  grade = 0;
  /** Position of the cursor's ballot within its grade. */
  offset = 0;
  constructor(private readonly counts: Profile, index: number) {
    while (index >= counts[this.grade]!) index -= counts[this.grade++]!;
    this.offset = index;
  }
  step(direction: -1 | 1): number {
    this.offset += direction;
    while (this.offset < 0) { this.grade--; this.offset += this.counts[this.grade]!; }
    while (this.offset >= this.counts[this.grade]!) { this.offset -= this.counts[this.grade]!; this.grade++; }
    return this.grade;
  }
}

/**
 * The majority value as a generator: the median, then repeatedly the median of what remains.
 * Removing the lower median from n sorted ballots takes position m = floor(n/2); the next ones
 * alternate around it, worse side first when n is odd (m+1, m-1, m+2, …), better side first
 * when n is even (m-1, m+1, m-2, …).
 */
function* majorityValue(counts: Profile): Generator<number> {
  const total = sum(counts);
  if (total === 0) return;
  const m = Math.floor(total / 2);
  yield gradeAt(counts, m);
  const lower = new Cursor(counts, m);
  const upper = new Cursor(counts, m);
  let betterSide = total % 2 === 0;
  for (let removed = 1; removed < total; removed++) {
    yield betterSide ? lower.step(-1) : upper.step(1);
    betterSide = !betterSide;
  }
}

/**
 * Balinski & Laraki's order: negative when `a` ranks before `b`. The majority values are compared
 * grade by grade; identical profiles, or values equal until one runs out, tie (0). An option
 * without grades ranks after every option with some.
 */
export function compareByMedianRemoval(a: Profile, b: Profile): number {
  const ta = sum(a);
  const tb = sum(b);
  if (ta === 0 || tb === 0) return ta === tb ? 0 : ta === 0 ? 1 : -1;
  if (a.length === b.length && a.every((c, i) => c === b[i])) return 0;
  const va = majorityValue(a);
  const vb = majorityValue(b);
  for (;;) {
    const x = va.next();
    const y = vb.next();
    if (x.done || y.done) return 0;
    if (x.value !== y.value) return x.value - y.value;
  }
}

/**
 * The majority gauge: a better majority grade wins; at the same grade, an option whose better
 * share p exceeds its worse share q ("grade +") beats one with q ≥ p; two "+" compare by p (larger
 * first), two "−" by q (smaller first). Returns 0 when it cannot decide (p = q on either side,
 * equal shares, different totals or no grades), and the caller falls back to median removal.
 */
export function compareByGauge(a: Profile, b: Profile): number {
  const ga = gauge(a);
  const gb = gauge(b);
  if (ga.majorityGrade === null || gb.majorityGrade === null) return 0;
  if (ga.majorityGrade !== gb.majorityGrade) return ga.majorityGrade - gb.majorityGrade;
  if (ga.total !== gb.total || ga.p === ga.q || gb.p === gb.q) return 0;
  const plusA = ga.p > ga.q;
  const plusB = gb.p > gb.q;
  if (plusA !== plusB) return plusA ? -1 : 1;
  // Equal totals: the shares have one denominator, so comparing them compares the counts.
  if (plusA) return Math.sign(gb.p - ga.p);
  return Math.sign(ga.q - gb.q);
}

/** The quick gauge first, median removal when it cannot decide: the same order, faster. */
export function compareOptions(a: Profile, b: Profile): number {
  return compareByGauge(a, b) || compareByMedianRemoval(a, b);
}

/** Every option's result in ranking order, best first; exact ties share a rank. */
export function majorityJudgment(profiles: readonly (readonly number[])[]): MjResult[] {
  const order = profiles.map((_, i) => i).sort((i, j) => compareOptions(profiles[i]!, profiles[j]!) || i - j);
  const results: MjResult[] = [];
  order.forEach((option, position) => {
    const counts = [...profiles[option]!];
    const { majorityGrade: mg, p, q, total } = gauge(counts);
    const previous = results[position - 1];
    const tied = previous !== undefined && compareOptions(profiles[order[position - 1]!]!, counts) === 0;
    results.push({ option, counts, total, majorityGrade: mg, p, q, rank: tied ? previous.rank : position + 1 });
  });
  return results;
}

/** Grade counts per option from ballots (one grade per option per ballot; null = not graded). */
export function profilesOf(ballots: Iterable<readonly (number | null)[]>, options: number, grades: number): number[][] {
  const profiles = Array.from({ length: options }, () => new Array<number>(grades).fill(0));
  for (const ballot of ballots) {
    for (let o = 0; o < options; o++) {
      const g = ballot[o];
      if (g !== null && g !== undefined) profiles[o]![g]!++;
    }
  }
  return profiles;
}
