// The ballot's rules, table-driven: maximum, minimum, budget, envelopes, ranked, closed step,
// proposal not in the step, confirmation; what a ballot brings to the counters; the widget.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { VoteSettings } from './rules.ts';
import { checkAdd, checkDelete, checkDistrict, checkMove, checkValidate, contributionOf, counterDeltas, isCounted, voteWidget, type BallotSummary, type BallotVote } from './vote-rules.ts';

const NORTH = 1;
const SOUTH = 2;
const base: VoteSettings = { type: 'support', budget: 0, votesMax: 0, votesMin: 0, ranked: false, envelopes: 'none', confirm: false };

function ballot(votes: Omit<BallotVote, 'position'>[] = [], o: Partial<BallotSummary> = {}, s: VoteSettings = base): BallotSummary {
  const withPositions = votes.map((v, i) => ({ ...v, position: i }));
  return {
    stepId: 7,
    exists: votes.length > 0,
    votes: withPositions,
    voted: new Map(withPositions.map((v) => [v.proposalId, v.position])),
    votesLeft: s.votesMax > 0 ? s.votesMax - votes.length : null,
    districtId: null,
    districtName: null,
    districts: [
      { id: NORTH, name: 'Nord' },
      { id: SOUTH, name: 'Sud' },
    ],
    districtLocked: votes.some((v) => v.districtId !== null),
    validatedAt: null,
    counted: false,
    envelopes: [],
    budgets: new Map(),
    ...o,
  };
}
const v = (proposalId: number, cost = 0, districtId: number | null = null) => ({ proposalId, cost, districtId });
const p = (proposal_id: number, cost = 0, district_id: number | null = null) => ({ proposal_id, cost, district_id });
const key = (r: { key: string } | null) => (r ? r.key.replace('selection.votes.refused.', '') : null);

test('adding a vote follows every rule of the step, and says which one refuses', () => {
  const budget: VoteSettings = { ...base, type: 'budget', budget: 1000 };
  const districts: VoteSettings = { ...budget, envelopes: 'districts' };
  const both: VoteSettings = { ...budget, envelopes: 'districts_and_city' };
  const cases: { name: string; s: VoteSettings; b: BallotSummary; p: ReturnType<typeof p> | undefined; state?: 'open' | 'closed' | 'upcoming'; expected: string | null }[] = [
    { name: 'a first support', s: base, b: ballot(), p: p(10), expected: null },
    { name: 'a closed step', s: base, b: ballot(), p: p(10), state: 'closed', expected: 'closed' },
    { name: 'an upcoming step', s: base, b: ballot(), p: p(10), state: 'upcoming', expected: 'upcoming' },
    { name: 'a proposal not in the step (or hidden)', s: base, b: ballot(), p: undefined, expected: 'not_in_step' },
    { name: 'a second vote for the same proposal', s: base, b: ballot([v(10)]), p: p(10), expected: 'already' },
    { name: 'under the maximum', s: { ...base, votesMax: 2 }, b: ballot([v(10)]), p: p(11), expected: null },
    { name: 'at the maximum', s: { ...base, votesMax: 2 }, b: ballot([v(10), v(11)]), p: p(12), expected: 'maximum' },
    { name: 'no maximum: many votes', s: base, b: ballot([v(1), v(2), v(3), v(4), v(5)]), p: p(12), expected: null },
    { name: 'a budget vote that fits exactly', s: budget, b: ballot([v(10, 600)]), p: p(11, 400), expected: null },
    { name: 'a budget vote one euro over', s: budget, b: ballot([v(10, 600)]), p: p(11, 401), expected: 'budget' },
    { name: 'a proposal dearer than the whole budget', s: budget, b: ballot(), p: p(11, 1001), expected: 'budget' },
    { name: 'a support vote ignores costs', s: { ...base, budget: 10 }, b: ballot([v(10, 600)]), p: p(11, 900), expected: null },
    { name: 'an envelope budget set for the district', s: districts, b: ballot([], { districtId: NORTH, budgets: new Map([[NORTH, 5000]]) }), p: p(11, 3000, NORTH), expected: null },
    { name: 'the own district', s: districts, b: ballot([], { districtId: NORTH }), p: p(11, 100, NORTH), expected: null },
    { name: 'another district', s: districts, b: ballot([], { districtId: NORTH, districtName: 'Nord' }), p: p(11, 100, SOUTH), expected: 'other_district' },
    { name: 'no district yet: the first district vote chooses it', s: districts, b: ballot(), p: p(11, 100, SOUTH), expected: null },
    { name: 'a city-wide proposal with district envelopes only', s: districts, b: ballot([], { districtId: NORTH }), p: p(11, 100, null), expected: 'city_not_votable' },
    { name: 'a city-wide proposal with a city envelope', s: both, b: ballot([v(10, 900, NORTH)], { districtId: NORTH }), p: p(11, 900, null), expected: null },
    { name: 'the city envelope full, the district one not', s: both, b: ballot([v(10, 900, null)], { districtId: NORTH }), p: p(11, 900, NORTH), expected: null },
    { name: 'the city envelope full', s: both, b: ballot([v(10, 900, null)], { districtId: NORTH }), p: p(11, 200, null), expected: 'budget' },
    { name: 'without envelopes a district proposal is in the one envelope', s: budget, b: ballot([v(10, 900, SOUTH)]), p: p(11, 200, NORTH), expected: 'budget' },
    { name: 'ranked without a maximum', s: { ...base, ranked: true }, b: ballot(), p: p(10), expected: 'ranked_without_maximum' },
    { name: 'ranked with a maximum', s: { ...base, ranked: true, votesMax: 3 }, b: ballot([v(9)]), p: p(10), expected: null },
    { name: 'a validated ballot', s: { ...base, confirm: true }, b: ballot([v(9)], { validatedAt: '2026-01-01T00:00:00Z' }), p: p(10), expected: 'validated' },
    { name: 'a ballot to validate, not yet validated', s: { ...base, confirm: true }, b: ballot([v(9)]), p: p(10), expected: null },
  ];
  for (const c of cases) assert.equal(key(checkAdd(c.b, c.s, c.p, c.state ?? 'open')), c.expected, c.name);
});

test('refusals carry their status: 404 for what is not there, 409 for a conflict with the ballot, 422 for a rule', () => {
  assert.equal(checkAdd(ballot(), base, undefined, 'open')?.status, 404);
  assert.equal(checkAdd(ballot([v(10)]), base, p(10), 'open')?.status, 409);
  assert.equal(checkAdd(ballot([v(10)]), { ...base, votesMax: 1 }, p(11), 'open')?.status, 422);
  assert.deepEqual(checkAdd(ballot([v(10, 700)]), { ...base, type: 'budget', budget: 1000 }, p(11, 500), 'open')?.params, { cost: 500, left: 300 });
});

test('taking a vote back, moving it, choosing a district and validating follow their rules', () => {
  const ranked: VoteSettings = { ...base, ranked: true, votesMax: 3 };
  const validated = { validatedAt: '2026-01-01T00:00:00Z' };
  const cases: [string, ReturnType<typeof key>, string | null][] = [
    ['delete a vote', key(checkDelete(ballot([v(10)]), 10, 'open')), null],
    ['delete a vote never cast', key(checkDelete(ballot([v(10)]), 11, 'open')), 'not_voted'],
    ['delete once closed', key(checkDelete(ballot([v(10)]), 10, 'closed')), 'closed'],
    ['delete from a validated ballot', key(checkDelete(ballot([v(10)], validated), 10, 'open')), 'validated'],
    ['move the second up', key(checkMove(ballot([v(10), v(11)]), ranked, 11, 'up', 'open')), null],
    ['move the first up', key(checkMove(ballot([v(10), v(11)]), ranked, 10, 'up', 'open')), 'first'],
    ['move the last down', key(checkMove(ballot([v(10), v(11)]), ranked, 11, 'down', 'open')), 'last'],
    ['move on an unranked step', key(checkMove(ballot([v(10), v(11)]), base, 11, 'up', 'open')), 'not_ranked'],
    ['move a vote never cast', key(checkMove(ballot([v(10), v(11)]), ranked, 12, 'up', 'open')), 'not_voted'],
    ['choose a district', key(checkDistrict(ballot(), { ...base, envelopes: 'districts' }, NORTH, 'open')), null],
    ['choose a district of another project', key(checkDistrict(ballot(), { ...base, envelopes: 'districts' }, 99, 'open')), 'bad_district'],
    ['choose a district without envelopes', key(checkDistrict(ballot(), base, NORTH, 'open')), 'no_envelopes'],
    ['change district with a district vote', key(checkDistrict(ballot([v(10, 0, NORTH)], { districtId: NORTH }), { ...base, envelopes: 'districts' }, SOUTH, 'open')), 'district_locked'],
    ['change district with only a city vote', key(checkDistrict(ballot([v(10, 0, null)], { districtId: NORTH }), { ...base, envelopes: 'districts_and_city' }, SOUTH, 'open')), null],
    ['validate', key(checkValidate(ballot([v(10)]), { ...base, confirm: true }, 'open')), null],
    ['validate an empty ballot', key(checkValidate(ballot(), { ...base, confirm: true }, 'open')), 'empty'],
    ['validate under the minimum', key(checkValidate(ballot([v(10)]), { ...base, confirm: true, votesMin: 2 }, 'open')), 'minimum'],
    ['validate twice', key(checkValidate(ballot([v(10)], validated), { ...base, confirm: true }, 'open')), 'validated'],
    ['validate without confirmation mode', key(checkValidate(ballot([v(10)]), base, 'open')), 'no_validation'],
    ['validate once closed', key(checkValidate(ballot([v(10)]), { ...base, confirm: true }, 'closed')), 'closed'],
  ];
  for (const [name, actual, expected] of cases) assert.equal(actual, expected, name);
});

test('a ballot counts from the minimum, and only once validated when the step asks for it', () => {
  const cases: [Partial<VoteSettings>, number, boolean, boolean][] = [
    [{}, 0, false, false],
    [{}, 1, false, true],
    [{ votesMin: 3 }, 2, false, false],
    [{ votesMin: 3 }, 3, false, true],
    [{ confirm: true }, 2, false, false],
    [{ confirm: true }, 2, true, true],
    [{ confirm: true, votesMin: 3 }, 2, true, false],
  ];
  for (const [s, votes, validated, expected] of cases) assert.equal(isCounted({ ...base, ...s }, votes, validated), expected, JSON.stringify({ s, votes, validated }));
});

test('ranked votes bring the maximum minus their position; the counters move only by what changed', () => {
  const s: VoteSettings = { ...base, ranked: true, votesMax: 3 };
  const before = contributionOf(s, [{ proposalId: 10, position: 0 }, { proposalId: 11, position: 1 }], true);
  assert.deepEqual([...before], [[10, { votes: 1, points: 3 }], [11, { votes: 1, points: 2 }]]);
  const swapped = contributionOf(s, [{ proposalId: 11, position: 0 }, { proposalId: 10, position: 1 }], true);
  assert.deepEqual(counterDeltas(before, swapped), [{ proposalId: 10, votes: 0, points: -1 }, { proposalId: 11, votes: 0, points: 1 }]);
  assert.deepEqual(counterDeltas(before, contributionOf(s, [], false)), [{ proposalId: 10, votes: -1, points: -3 }, { proposalId: 11, votes: -1, points: -2 }]);
  assert.deepEqual(counterDeltas(before, before), []);
});

test('the widget says whether the person voted, can vote or take it back, and why not', () => {
  const s: VoteSettings = { ...base, type: 'budget', budget: 1000, votesMax: 2 };
  const target = { step_id: 7, ...p(10, 400) };
  const anonymous = voteWidget(null, s, target, 'open');
  assert.equal(anonymous.login, true);
  assert.equal(anonymous.canVote, false);
  const free = voteWidget(ballot([], {}, s), s, target, 'open');
  assert.deepEqual([free.canVote, free.voted, free.cost, free.reason], [true, false, 400, null]);
  assert.equal(free.addAction, '/selection/7/votes');
  const voted = voteWidget(ballot([v(10, 400)], {}, s), s, target, 'open');
  assert.deepEqual([voted.voted, voted.canRemove, voted.canVote], [true, true, false]);
  assert.equal(voted.deleteAction, '/selection/7/votes/10/delete');
  const full = voteWidget(ballot([v(1, 500), v(2, 100)], {}, s), s, target, 'open');
  assert.equal(full.reason?.key, 'selection.votes.refused.maximum');
  const poor = voteWidget(ballot([v(1, 700)], {}, s), s, target, 'open');
  assert.equal(poor.reason?.key, 'selection.votes.refused.budget');
  assert.equal(voteWidget(ballot(), s, target, 'closed').reason?.key, 'selection.votes.reason.closed');
  const ranked = voteWidget(ballot([v(9), v(10)]), { ...base, ranked: true, votesMax: 3 }, target, 'open');
  assert.equal(ranked.rank, 2);
});
