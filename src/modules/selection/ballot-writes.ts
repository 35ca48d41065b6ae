// Every write of a person's ballot, each one synchronous transaction (group-committed with the
// other votes of the same turn, db/write.ts writeSoon) that reads the ballot, applies the rules
// (vote-rules.ts), writes the votes, the ballot row and the counters all together, or nothing.
// The primary key of selection_votes makes a second vote for one proposal impossible anyway.
import type { Db } from '../../db/open.ts';
import { writeSoon, type Tx } from '../../db/write.ts';
import { compiledQuery } from '../../db/compiled.ts';
import { recordParticipation, stepState, type Step } from '../../platform/participation.ts';
import { voteSettings, type VoteSettings } from './rules.ts';
import { findBallot, listVotes } from './ballot-queries.ts';
import { checkAdd, checkDelete, checkDistrict, checkMove, checkValidate, contributionOf, counterDeltas, isCounted, type BallotSummary, type Direction, type Refusal, type VoteTarget } from './vote-rules.ts';

type StepRef = Pick<Step, 'id' | 'project_id' | 'settings' | 'starts_at' | 'ends_at'>;

/** A write refused by a rule: nothing was written; `refusal` says why. */
export class VoteRefused extends Error {
  constructor(readonly refusal: Refusal) {
    super(refusal.key);
  }
}

export interface BallotWriteOptions {
  now?: string;
  /** Checked inside the transaction before anything else (the handler's gate: open step, requirements). */
  gate?: () => void;
}

const targetQuery = compiledQuery<{ stepId: number; proposalId: number }, VoteTarget & { title: string | null }>((db, p) =>
  db
    .selectFrom('selection_proposals as s')
    .innerJoin('collect_proposals as c', 'c.contribution_id', 's.proposal_id')
    .innerJoin('contributions as k', 'k.id', 's.proposal_id')
    .select(['s.proposal_id', 's.cost', 's.district_id', 'k.title'])
    .where('s.step_id', '=', p.stepId)
    .where('s.proposal_id', '=', p.proposalId)
    .where('c.published', '=', 1),
);

/** The proposal as this step holds it, when it is in the step and published. */
export const findTarget = (db: Db, tx: Pick<Tx, 'first'>, stepId: number, proposalId: number) => tx.first(targetQuery(db, '', { stepId, proposalId }));

/** What a write leaves: the ballot's number of votes and whether they count (pages read the rest with findBallot). */
export interface BallotResult {
  votes: number;
  counted: boolean;
}

interface Change {
  /** The ballot's district after the change. */
  districtId: number | null;
  validatedAt: string | null;
}

/**
 * Runs one change of a ballot: reads it, lets `apply` check its rule and write the votes, then
 * writes the ballot row and moves the counters by what changed in the counted share.
 */
function changeBallot(db: Db, step: StepRef, userId: number, o: BallotWriteOptions, apply: (tx: Tx, b: BallotSummary, s: VoteSettings, now: string) => Change): Promise<BallotResult> {
  return writeSoon(db, (tx) => {
    o.gate?.();
    const now = o.now ?? new Date().toISOString();
    const s = voteSettings(step);
    const before = findBallot(db, step, userId, s);
    const change = apply(tx, before, s, now);
    const after = { votes: listVotes(db, step.id, userId) };
    const counted = isCounted(s, after.votes.length, change.validatedAt !== null);
    tx.run(
      db
        .insertInto('selection_ballots')
        .values({ step_id: step.id, user_id: userId, district_id: change.districtId, votes: after.votes.length, counted: counted ? 1 : 0, validated_at: change.validatedAt, created_at: now, updated_at: now })
        .onConflict((oc) => oc.columns(['step_id', 'user_id']).doUpdateSet({ district_id: change.districtId, votes: after.votes.length, counted: counted ? 1 : 0, validated_at: change.validatedAt, updated_at: now })),
    );
    for (const d of counterDeltas(contributionOf(s, before.votes, before.counted), contributionOf(s, after.votes, counted))) {
      tx.run(
        db
          .updateTable('selection_proposals')
          .set((eb) => ({ votes_count: eb('votes_count', '+', d.votes), points: eb('points', '+', d.points) }))
          .where('step_id', '=', step.id)
          .where('proposal_id', '=', d.proposalId),
      );
    }
    const delta = after.votes.length - before.votes.length;
    if (delta !== 0) recordParticipation(db, tx, step, userId, { votes: delta });
    return { votes: after.votes.length, counted };
  });
}

const fail = (refusal: Refusal | null) => {
  if (refusal) throw new VoteRefused(refusal);
};

/** Makes the ballot's row before its first vote (votes reference it). */
function ensureBallot(db: Db, tx: Tx, step: StepRef, userId: number, b: BallotSummary, now: string): void {
  if (!b.exists) tx.run(db.insertInto('selection_ballots').values({ step_id: step.id, user_id: userId, district_id: b.districtId, created_at: now, updated_at: now }));
}

/** A vote for the proposal, last on the ballot; a district proposal fixes the district when none was chosen or declared. */
export function addVote(db: Db, step: StepRef, userId: number, proposalId: number, o: BallotWriteOptions = {}): Promise<BallotResult> {
  return changeBallot(db, step, userId, o, (tx, b, s, now) => {
    const target = findTarget(db, tx, step.id, proposalId);
    fail(checkAdd(b, s, target, stepState(step)));
    ensureBallot(db, tx, step, userId, b, now);
    tx.run(db.insertInto('selection_votes').values({ step_id: step.id, proposal_id: proposalId, user_id: userId, position: b.votes.length, created_at: now }));
    const districtId = b.districtId ?? (s.envelopes !== 'none' ? (target!.district_id ?? null) : null);
    return { districtId, validatedAt: b.validatedAt };
  });
}

/** Takes the vote back; the votes after it move up one place. */
export function removeVote(db: Db, step: StepRef, userId: number, proposalId: number, o: BallotWriteOptions = {}): Promise<BallotResult> {
  return changeBallot(db, step, userId, o, (tx, b) => {
    fail(checkDelete(b, proposalId, stepState(step)));
    const position = b.voted.get(proposalId)!;
    tx.run(db.deleteFrom('selection_votes').where('step_id', '=', step.id).where('user_id', '=', userId).where('proposal_id', '=', proposalId));
    tx.run(
      db
        .updateTable('selection_votes')
        .set((eb) => ({ position: eb('position', '-', 1) }))
        .where('step_id', '=', step.id)
        .where('user_id', '=', userId)
        .where('position', '>', position),
    );
    return { districtId: b.districtId, validatedAt: b.validatedAt };
  });
}

/** Swaps the vote with its neighbour above or below (ranked ballots). */
export function moveVote(db: Db, step: StepRef, userId: number, proposalId: number, direction: Direction, o: BallotWriteOptions = {}): Promise<BallotResult> {
  return changeBallot(db, step, userId, o, (tx, b, s) => {
    fail(checkMove(b, s, proposalId, direction, stepState(step)));
    const position = b.voted.get(proposalId)!;
    const other = b.votes[direction === 'up' ? position - 1 : position + 1]!;
    const set = (id: number, to: number) => tx.run(db.updateTable('selection_votes').set({ position: to }).where('step_id', '=', step.id).where('user_id', '=', userId).where('proposal_id', '=', id));
    set(proposalId, other.position);
    set(other.proposalId, position);
    return { districtId: b.districtId, validatedAt: b.validatedAt };
  });
}

/** The district envelope the person votes in (while no vote is in another district). */
export function chooseDistrict(db: Db, step: StepRef, userId: number, districtId: number | null, o: BallotWriteOptions = {}): Promise<BallotResult> {
  return changeBallot(db, step, userId, o, (tx, b, s, now) => {
    fail(checkDistrict(b, s, districtId, stepState(step)));
    ensureBallot(db, tx, step, userId, b, now);
    return { districtId, validatedAt: b.validatedAt };
  });
}

/** Validates the ballot (confirmation mode): final, its votes count from now on. */
export function validateBallot(db: Db, step: StepRef, userId: number, o: BallotWriteOptions = {}): Promise<BallotResult> {
  return changeBallot(db, step, userId, o, (_tx, b, s, now) => {
    fail(checkValidate(b, s, stepState(step)));
    return { districtId: b.districtId, validatedAt: now };
  });
}
