// Pure rules of a person's ballot in a selection step: which envelope a proposal falls in, whether
// a vote, a removal, a move, a district choice or a validation is allowed (and why not, in plain
// words: a catalogue key), what a ballot brings to the counters, and one proposal's vote button.
import type { StepState } from '../../platform/participation.ts';
import type { VoteSettings } from './rules.ts';

/** One vote of the ballot, with what the rules need of its proposal. */
export interface BallotVote {
  proposalId: number;
  /** 0 first (ranked ballots). */
  position: number;
  cost: number;
  /** The proposal's envelope: a district, or null for city-wide. */
  districtId: number | null;
}

/** One envelope the person votes in: its budget (budget votes), what their votes in it cost. */
export interface EnvelopeState {
  /** null: the city-wide envelope (or the only one, without envelopes). */
  districtId: number | null;
  /** The district's name; null for the city-wide or the only envelope. */
  name: string | null;
  budget: number;
  spent: number;
  left: number;
  votes: number;
}

/** What findBallot (ballot-queries.ts) reads of one person's ballot, and what the rules decide on. */
export interface BallotSummary {
  stepId: number;
  /** False until the person's first vote (or district choice) made the row. */
  exists: boolean;
  /** In order of position. */
  votes: BallotVote[];
  /** proposal id → position. */
  voted: Map<number, number>;
  /** null: no maximum. */
  votesLeft: number | null;
  /** The district envelope the person votes in: chosen, else declared (a district of the project); null: none yet. */
  districtId: number | null;
  districtName: string | null;
  /** The districts of the project (for the choice), when the step has envelopes. */
  districts: { id: number; name: string }[];
  /** True while the ballot holds a vote in a district envelope: the district can no longer change. */
  districtLocked: boolean;
  validatedAt: string | null;
  /** The ballot's votes are in the public counters. */
  counted: boolean;
  /** The envelopes the person votes in: one without envelopes, the district's (once known), the city's when configured. */
  envelopes: EnvelopeState[];
  /** Each envelope's budget: districts by id, the city-wide (or only) one under 0. */
  budgets: Map<number, number>;
}

/** A refusal: its status (422 a rule, 409 a conflict with the ballot's state, 404 nothing there) and its message. */
export interface Refusal {
  status: 404 | 409 | 422;
  key: string;
  params?: Record<string, string | number>;
}

const refuse = (key: string, params?: Refusal['params'], status: Refusal['status'] = 422): Refusal => ({ status, key: `selection.votes.refused.${key}`, params });

/** The proposal's envelope under these settings: its district, null for city-wide, undefined when it cannot be voted on. */
export function envelopeOf(settings: Pick<VoteSettings, 'envelopes'>, proposalDistrictId: number | null): number | null | undefined {
  if (settings.envelopes === 'none') return null;
  if (proposalDistrictId !== null) return proposalDistrictId;
  return settings.envelopes === 'districts_and_city' ? null : undefined;
}

export const budgetOf = (budgets: Map<number, number>, settings: Pick<VoteSettings, 'budget'>, districtId: number | null): number => budgets.get(districtId ?? 0) ?? settings.budget;

/** Votes count when the ballot holds the minimum and, when the step asks for it, is validated. */
export const isCounted = (settings: Pick<VoteSettings, 'votesMin' | 'confirm'>, votes: number, validated: boolean): boolean => votes > 0 && votes >= settings.votesMin && (!settings.confirm || validated);

/** What one counted vote brings to its proposal's points: the maximum minus its position (ranked), else none. */
export const pointsOf = (settings: Pick<VoteSettings, 'ranked' | 'votesMax'>, position: number): number => (settings.ranked ? Math.max(settings.votesMax - position, 0) : 0);

function stateRefusal(state: StepState): Refusal | null {
  if (state === 'upcoming') return refuse('upcoming', undefined, 409);
  if (state === 'closed') return refuse('closed', undefined, 409);
  return null;
}

/** The proposal a vote is asked for, as the step holds it; undefined: not in this step, or hidden by moderation. */
export interface VoteTarget {
  proposal_id: number;
  cost: number;
  district_id: number | null;
}

/** Whether this person may add a vote for the proposal; null: yes. */
export function checkAdd(b: BallotSummary, s: VoteSettings, p: VoteTarget | undefined, state: StepState): Refusal | null {
  const closed = stateRefusal(state);
  if (closed) return closed;
  if (!p) return refuse('not_in_step', undefined, 404);
  if (b.voted.has(p.proposal_id)) return refuse('already', undefined, 409);
  if (b.validatedAt) return refuse('validated', undefined, 409);
  if (s.ranked && s.votesMax === 0) return refuse('ranked_without_maximum');
  if (s.votesMax > 0 && b.votes.length >= s.votesMax) return refuse('maximum', { count: s.votesMax });
  const envelope = envelopeOf(s, p.district_id);
  if (envelope === undefined) return refuse('city_not_votable');
  if (envelope !== null && b.districtId !== null && envelope !== b.districtId) return refuse('other_district', { district: b.districtName ?? '' });
  if (s.type === 'budget') {
    const spent = b.votes.filter((v) => envelopeOf(s, v.districtId) === envelope).reduce((sum, v) => sum + v.cost, 0);
    const budget = budgetOf(b.budgets, s, envelope);
    if (spent + p.cost > budget) return refuse('budget', { cost: p.cost, left: Math.max(budget - spent, 0) });
  }
  return null;
}

/** Whether the person may take back their vote for the proposal. */
export function checkDelete(b: BallotSummary, proposalId: number, state: StepState): Refusal | null {
  const closed = stateRefusal(state);
  if (closed) return closed;
  if (!b.voted.has(proposalId)) return refuse('not_voted', undefined, 409);
  if (b.validatedAt) return refuse('validated', undefined, 409);
  return null;
}

export type Direction = 'up' | 'down';

/** Whether the vote may move one place up or down a ranked ballot. */
export function checkMove(b: BallotSummary, s: VoteSettings, proposalId: number, direction: Direction, state: StepState): Refusal | null {
  const closed = stateRefusal(state);
  if (closed) return closed;
  if (!s.ranked) return refuse('not_ranked', undefined, 409);
  const position = b.voted.get(proposalId);
  if (position === undefined) return refuse('not_voted', undefined, 409);
  if (b.validatedAt) return refuse('validated', undefined, 409);
  if (direction === 'up' ? position === 0 : position === b.votes.length - 1) return refuse(direction === 'up' ? 'first' : 'last', undefined, 409);
  return null;
}

/** Whether the person may vote in this district's envelope (a district of the project, while no vote is in another). */
export function checkDistrict(b: BallotSummary, s: VoteSettings, districtId: number | null, state: StepState): Refusal | null {
  const closed = stateRefusal(state);
  if (closed) return closed;
  if (s.envelopes === 'none') return refuse('no_envelopes', undefined, 409);
  if (districtId === null || !b.districts.some((d) => d.id === districtId)) return refuse('bad_district');
  if (b.validatedAt) return refuse('validated', undefined, 409);
  if (b.districtLocked && districtId !== b.districtId) return refuse('district_locked', { district: b.districtName ?? '' }, 409);
  return null;
}

/** Whether the ballot may be validated (confirmation mode): not empty, the minimum reached, once. */
export function checkValidate(b: BallotSummary, s: VoteSettings, state: StepState): Refusal | null {
  const closed = stateRefusal(state);
  if (closed) return closed;
  if (!s.confirm) return refuse('no_validation', undefined, 409);
  if (b.validatedAt) return refuse('validated', undefined, 409);
  if (b.votes.length === 0) return refuse('empty');
  if (b.votes.length < s.votesMin) return refuse('minimum', { count: s.votesMin });
  return null;
}

/** What a ballot brings to each proposal's counters when it is counted: proposal id → votes and points. */
export function contributionOf(s: VoteSettings, votes: readonly Pick<BallotVote, 'proposalId' | 'position'>[], counted: boolean): Map<number, { votes: number; points: number }> {
  const out = new Map<number, { votes: number; points: number }>();
  if (counted) for (const v of votes) out.set(v.proposalId, { votes: 1, points: pointsOf(s, v.position) });
  return out;
}

/** The counter changes between two states of a ballot: only the proposals whose share moved. */
export function counterDeltas(before: Map<number, { votes: number; points: number }>, after: Map<number, { votes: number; points: number }>): { proposalId: number; votes: number; points: number }[] {
  const ids = new Set([...before.keys(), ...after.keys()]);
  const out: { proposalId: number; votes: number; points: number }[] = [];
  for (const id of ids) {
    const a = after.get(id) ?? { votes: 0, points: 0 };
    const b = before.get(id) ?? { votes: 0, points: 0 };
    if (a.votes !== b.votes || a.points !== b.points) out.push({ proposalId: id, votes: a.votes - b.votes, points: a.points - b.points });
  }
  return out.sort((x, y) => x.proposalId - y.proposalId);
}

/** The view-model of one proposal's vote button (views/selection/_vote.eta). */
export interface VoteWidget {
  id: string;
  stepId: number;
  proposalId: number;
  voted: boolean;
  /** 1 for the first choice (ranked ballots); null otherwise. */
  rank: number | null;
  canVote: boolean;
  canRemove: boolean;
  /** Why the person cannot vote for it (or take their vote back), in plain words; null when they can. */
  reason: { key: string; params?: Record<string, string | number> } | null;
  /** Budget votes show what the vote costs. */
  cost: number | null;
  /** Anonymous visitors get a link to log in. */
  login: boolean;
  addAction: string;
  deleteAction: string;
  /** The proposal's title, for the button's accessible name in a list; null: the page is the proposal's. */
  title: string | null;
  /** The reason is the refusal of the person's last attempt (shown as an alert). */
  refused: boolean;
}

/**
 * One proposal's vote button for this person (summary null: anonymous): voted or not, whether
 * they can vote for it or take their vote back, and otherwise why not.
 */
export function voteWidget(b: BallotSummary | null, s: VoteSettings, p: VoteTarget & { step_id: number; title?: string | null }, state: StepState): VoteWidget {
  const base = `/selection/${p.step_id}/votes`;
  const position = b?.voted.get(p.proposal_id);
  const voted = position !== undefined;
  const w: VoteWidget = {
    id: `selection-vote-${p.proposal_id}`,
    stepId: p.step_id,
    proposalId: p.proposal_id,
    voted,
    rank: voted && s.ranked ? position + 1 : null,
    canVote: false,
    canRemove: false,
    reason: null,
    cost: s.type === 'budget' ? p.cost : null,
    login: false,
    addAction: base,
    deleteAction: `${base}/${p.proposal_id}/delete`,
    title: p.title ?? null,
    refused: false,
  };
  const closed = stateRefusal(state);
  if (closed) return { ...w, reason: { key: `selection.votes.reason.${state}` } };
  if (!b) return { ...w, login: true, reason: { key: 'selection.votes.reason.login' } };
  if (voted) {
    const refusal = checkDelete(b, p.proposal_id, state);
    return { ...w, canRemove: refusal === null, reason: refusal ? { key: refusal.key, params: refusal.params } : null };
  }
  const refusal = checkAdd(b, s, p, state);
  return { ...w, canVote: refusal === null, reason: refusal ? { key: refusal.key, params: refusal.params } : null };
}
