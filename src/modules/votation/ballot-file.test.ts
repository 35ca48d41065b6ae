// The ballot file with fast-check: for random questions and ballots, the canonical file written
// line by line recounts to the tallies computed directly from the ballots, whatever their order
// in the box, and its hash changes with any ballot.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { ballotLine, headLine, recountFile, TAIL, Tally, type Answer, type FileQuestion } from './ballot-file.ts';
import { singleChoice } from '../../platform/tallies/single-choice.ts';
import { approval } from '../../platform/tallies/approval.ts';
import { majorityJudgment, profilesOf } from '../../platform/tallies/majority-judgment.ts';
import { ranked } from '../../platform/tallies/condorcet-schulze.ts';

const QUESTIONS: FileQuestion[] = [
  { id: 1, title: 'Un', method: 'single', max: null, blank: true, options: ['a', 'b', 'c'], grades: null },
  { id: 2, title: 'Deux', method: 'approval', max: 2, blank: true, options: ['a', 'b', 'c'], grades: null },
  { id: 3, title: 'Trois', method: 'majority', max: null, blank: true, options: ['a', 'b'], grades: ['+', '=', '-'] },
  { id: 4, title: 'Quatre "guillemets"', method: 'ranked', max: null, blank: true, options: ['a', 'b', 'c', 'd'], grades: null },
];

const answersArb: fc.Arbitrary<Answer[]> = fc.tuple(
  fc.option(fc.nat(2)),
  fc.option(fc.uniqueArray(fc.nat(2), { minLength: 1, maxLength: 2 }).map((a) => [...a].sort((x, y) => x - y))),
  fc.option(fc.array(fc.nat(2), { minLength: 2, maxLength: 2 })),
  fc.option(fc.shuffledSubarray([0, 1, 2, 3], { minLength: 1 })),
);
const idArb = fc.uint8Array({ minLength: 16, maxLength: 16 }).map((b) => Buffer.from(b).toString('hex'));

function fileOf(ballots: { id: string; answers: Answer[] }[]): string {
  const sorted = [...ballots].sort((a, b) => (a.id < b.id ? -1 : 1));
  return headLine({ step: { id: 7, title: 'Vote « test »' }, questions: QUESTIONS }) + sorted.map((b, i) => ballotLine(b.id, JSON.stringify(b.answers), i === sorted.length - 1)).join('') + TAIL;
}

test('the canonical file is valid JSON and recounts to the tallies computed from the ballots directly', () => {
  fc.assert(fc.property(fc.uniqueArray(fc.record({ id: idArb, answers: answersArb }), { selector: (b) => b.id, maxLength: 40 }), (ballots) => {
    const content = fileOf(ballots);
    const parsed = JSON.parse(content) as { ballots: unknown[]; questions: FileQuestion[] };
    assert.equal(parsed.ballots.length, ballots.length);
    assert.deepEqual(parsed.questions, QUESTIONS);
    const { results } = recountFile(content);
    const column = <T>(i: number) => ballots.map((b) => b.answers[i] as T | null);
    assert.deepEqual(results.questions[0]!.result, singleChoice(3, column<number>(0)));
    assert.deepEqual(results.questions[1]!.result, approval(3, column<number[]>(1).map((a) => a ?? [])));
    const graded = column<number[]>(2).filter((a): a is number[] => a !== null);
    assert.deepEqual(results.questions[2]!.result, majorityJudgment(profilesOf(graded, 2, 3)));
    assert.deepEqual(results.questions[3]!.result, ranked(4, column<number[]>(3).map((a) => a ?? [])));
    // The box's order does not matter: the Tally fed in any order gives the same results.
    const tally = new Tally(QUESTIONS);
    for (const b of [...ballots].reverse()) tally.add(b.answers);
    assert.deepEqual(tally.results(), results);
  }), { numRuns: 200 });
});

test('changing, adding or removing one ballot changes the file’s hash', () => {
  fc.assert(fc.property(fc.uniqueArray(fc.record({ id: idArb, answers: answersArb }), { selector: (b) => b.id, minLength: 1, maxLength: 10 }), (ballots) => {
    const hash = recountFile(fileOf(ballots)).sha256;
    assert.notEqual(recountFile(fileOf(ballots.slice(1))).sha256, hash);
    const changed = ballots.map((b, i) => (i === 0 ? { ...b, answers: b.answers[0] === 0 ? [1, ...b.answers.slice(1)] : [0, ...b.answers.slice(1)] } : b));
    assert.notEqual(recountFile(fileOf(changed)).sha256, hash);
  }), { numRuns: 100 });
});
