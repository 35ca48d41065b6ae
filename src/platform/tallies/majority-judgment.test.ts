// Majority judgment: known profiles table-driven, then its invariants with fast-check against a
// naive reference (ballots expanded, medians removed one by one) and a timing on 200,000 ballots.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { compareByGauge, compareByMedianRemoval, majorityJudgment, profilesOf } from './majority-judgment.ts';

/** The reference: sort the grades, remove the lower median until the two sequences differ. */
function naiveCompare(a: readonly number[], b: readonly number[]): number {
  const expand = (counts: readonly number[]) => counts.flatMap((c, g) => new Array<number>(c).fill(g));
  const xa = expand(a);
  const xb = expand(b);
  if (xa.length === 0 || xb.length === 0) return xa.length === xb.length ? 0 : xa.length === 0 ? 1 : -1;
  while (xa.length > 0 && xb.length > 0) {
    const ma = xa.splice(Math.floor(xa.length / 2), 1)[0]!;
    const mb = xb.splice(Math.floor(xb.length / 2), 1)[0]!;
    if (ma !== mb) return ma - mb;
  }
  return 0;
}

const sign = Math.sign;
const profile = (grades: number, maxCount = 6) => fc.array(fc.nat(maxCount), { minLength: grades, maxLength: grades });
const profilesArb = fc.integer({ min: 2, max: 6 }).chain((g) => fc.array(profile(g), { minLength: 1, maxLength: 6 }));

test('the majority grade is the lower median, with the shares better and worse than it', () => {
  const table: [number[], number | null, number, number][] = [
    [[0, 3, 0], 1, 0, 0],
    [[1, 1, 1], 1, 1 / 3, 1 / 3],
    [[1, 0, 1], 2, 0.5, 0], // two ballots, 0 and 2: the lower (worse) of the middle two
    [[2, 0, 2], 2, 0.5, 0],
    [[3, 0, 2], 0, 0, 0.4],
    [[0, 0, 0], null, 0, 0],
    [[5, 0, 0, 0, 0, 1], 0, 0, 1 / 6],
  ];
  for (const [counts, mg, p, q] of table) {
    const [r] = majorityJudgment([counts]);
    assert.deepEqual({ mg: r!.majorityGrade, p: r!.p, q: r!.q, total: r!.total }, { mg, p, q, total: counts.reduce((s, c) => s + c, 0) }, String(counts));
  }
});

test('options are ranked best first, ties broken by median removal, exact ties sharing a rank', () => {
  const table: [number[][], [number, number][]][] = [
    // [option, rank] in ranking order
    [[[0, 3, 0], [2, 0, 1]], [[1, 1], [0, 2]]],
    [[[1, 1, 1], [0, 3, 0]], [[1, 1], [0, 2]]], // same majority grade; A's next median is worse
    [[[1, 1], [1, 1], [2, 0]], [[2, 1], [0, 2], [1, 2]]],
    [[[0, 0, 0], [0, 1, 0]], [[1, 1], [0, 2]]], // an option without grades ranks last
    [[[2, 1, 2], [1, 3, 1], [2, 1, 2]], [[1, 1], [0, 2], [2, 2]]],
  ];
  for (const [profiles, expected] of table) {
    assert.deepEqual(majorityJudgment(profiles).map((r) => [r.option, r.rank]), expected, JSON.stringify(profiles));
  }
});

test('the gauge decides the clear cases and abstains when p equals q or totals differ', () => {
  assert.equal(sign(compareByGauge([2, 3, 0], [0, 3, 2])), -1); // 1+ beats 1-
  assert.equal(sign(compareByGauge([2, 3, 0], [1, 3, 1])), 0); // 1+ against p = q
  assert.equal(sign(compareByGauge([1, 3, 1], [2, 3, 0])), 0);
  assert.equal(sign(compareByGauge([0, 3, 2], [0, 4, 1])), 1); // two "-": the smaller q wins
  assert.equal(sign(compareByGauge([3, 4, 0], [2, 5, 0])), -1); // two "+": the larger p wins
  assert.equal(sign(compareByGauge([2, 3, 0], [3, 3, 0])), 0);
  assert.equal(sign(compareByGauge([0, 0, 0], [1, 0, 0])), 0);
});

test('median removal on counts equals the naive removal on expanded ballots', () => {
  fc.assert(fc.property(fc.integer({ min: 2, max: 6 }).chain((g) => fc.tuple(profile(g, 8), profile(g, 8))), ([a, b]) => {
    assert.equal(sign(compareByMedianRemoval(a, b)), sign(naiveCompare(a, b)));
  }), { numRuns: 500 });
});

test('the gauge agrees with median removal whenever it decides', () => {
  fc.assert(fc.property(fc.integer({ min: 2, max: 6 }).chain((g) => fc.tuple(profile(g, 8), profile(g, 8))), ([a, b]) => {
    const byGauge = sign(compareByGauge(a, b));
    if (byGauge !== 0) assert.equal(byGauge, sign(compareByMedianRemoval(a, b)));
  }), { numRuns: 2000 });
  // With equal totals the gauge decides often: check those cases too, not only the rare ones.
  fc.assert(fc.property(fc.integer({ min: 2, max: 5 }).chain((g) => fc.tuple(fc.array(fc.nat(g - 1), { minLength: 1, maxLength: 15 }), fc.array(fc.nat(g - 1), { minLength: 15, maxLength: 15 }), fc.constant(g))), ([ga, gb, g]) => {
    const b = gb.slice(0, ga.length);
    const [pa, pb] = profilesOf(ga.map((x, i) => [x, b[i]!]), 2, g);
    const byGauge = sign(compareByGauge(pa!, pb!));
    if (byGauge !== 0) assert.equal(byGauge, sign(compareByMedianRemoval(pa!, pb!)));
  }), { numRuns: 2000 });
});

test('the ranking does not depend on the order of the ballots', () => {
  const ballotsArb = fc.integer({ min: 2, max: 5 }).chain((g) => fc.tuple(fc.constant(g), fc.array(fc.array(fc.nat(g - 1), { minLength: 4, maxLength: 4 }), { maxLength: 30 })));
  fc.assert(fc.property(ballotsArb, fc.func(fc.integer()), ([g, ballots], key) => {
    const shuffled = [...ballots].map((b, i) => ({ b, k: key(i) })).sort((x, y) => x.k - y.k).map((x) => x.b);
    assert.deepEqual(majorityJudgment(profilesOf(shuffled, 4, g)), majorityJudgment(profilesOf(ballots, 4, g)));
  }), { numRuns: 300 });
});

test('raising one grade of an option never lowers its rank, and totals equal the grades given', () => {
  fc.assert(fc.property(profilesArb, fc.nat(), fc.nat(), (profiles, o, gradeSeed) => {
    const option = o % profiles.length;
    const counts = profiles[option]!;
    const grades = counts.map((c, g) => (c > 0 && g > 0 ? g : -1)).filter((g) => g > 0);
    const before = majorityJudgment(profiles);
    for (const r of before) assert.equal(r.total, profiles[r.option]!.reduce((s, c) => s + c, 0));
    if (grades.length === 0) return;
    const g = grades[gradeSeed % grades.length]!;
    const raised = profiles.map((p, i) => (i === option ? p.map((c, j) => c + (j === g - 1 ? 1 : j === g ? -1 : 0)) : p));
    const rankOf = (results: ReturnType<typeof majorityJudgment>) => results.find((r) => r.option === option)!.rank;
    assert.ok(rankOf(majorityJudgment(raised)) <= rankOf(before));
  }), { numRuns: 1000 });
});

test('200,000 ballots of 10 options are counted and ranked in well under two seconds', () => {
  const started = performance.now();
  let seed = 42;
  const random = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
  const ballot = new Array<number>(10);
  const profiles = Array.from({ length: 10 }, () => new Array<number>(6).fill(0));
  for (let i = 0; i < 200_000; i++) {
    for (let o = 0; o < 10; o++) ballot[o] = Math.min(5, Math.floor(random() * (3 + (o % 4))));
    for (let o = 0; o < 10; o++) profiles[o]![ballot[o]!]!++;
  }
  const results = majorityJudgment(profiles);
  assert.equal(results.length, 10);
  assert.ok(performance.now() - started < 2000, `${performance.now() - started} ms`);
});
