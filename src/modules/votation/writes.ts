// Every write of the votation, each one synchronous transaction. A ballot marks its voter in the
// register and puts the ballot in the box in the same transaction; the two rows share nothing
// but the step, so no query can join them. The seal computes the file's hash and the results once.
import { createHash, randomBytes } from 'node:crypto';
import type { Db } from '../../db/open.ts';
import { write, writeSoon, type Tx } from '../../db/write.ts';
import { recordParticipation, type Step } from '../../platform/participation.ts';
import { isUniqueViolation } from '../../platform/users.ts';
import { HttpError } from '../../platform/http.ts';
import { ballotLine, headLine, Tally, TAIL, type Answer, type FileHead } from './ballot-file.ts';
import { allBallots } from './queries.ts';
import type { QuestionInput } from './rules.ts';

type StepRef = Pick<Step, 'id' | 'project_id'>;

function ensureVotation(db: Db, tx: Tx, stepId: number): void {
  tx.run(db.insertInto('votation_steps').values({ step_id: stepId }).onConflict((oc) => oc.doNothing()));
}

/** A ballot refused for a reason the voter is told (422, or 403 once sealed). */
export class BallotRefused extends Error {
  constructor(public readonly key: 'votation.ballot.refused.already_voted' | 'votation.ballot.refused.receipt' | 'votation.ballot.refused.not_voted' | 'participation.closed') {
    super(key);
  }
}

export type Voter = { userId: number } | { rollId: number };

/**
 * Casts a ballot, or with `replace` (a receipt) replaces that ballot by the new one. Durable when
 * the promise resolves; ballots of one event-loop turn share a commit (writeSoon). The register's
 * UNIQUE constraints keep one mark per voter: 50 identical posts leave one mark and one ballot.
 * Gives the new ballot's id, the voter's receipt. Nothing here is logged.
 */
export async function castBallot(db: Db, step: StepRef, voter: Voter, answers: Answer[], replace: string | null): Promise<string> {
  const id = randomBytes(16).toString('hex');
  const json = JSON.stringify(answers);
  try {
    return await writeSoon(db, (tx) => {
      ensureVotation(db, tx, step.id);
      const sealed = tx.first(db.selectFrom('votation_steps').select('sealed_at').where('step_id', '=', step.id))!.sealed_at;
      if (sealed) throw new BallotRefused('participation.closed');
      const mark = 'userId' in voter ? { user_id: voter.userId, roll_id: null } : { user_id: null, roll_id: voter.rollId };
      if (replace) {
        const marked = tx.first(
          db.selectFrom('votation_voters').select('step_id').where('step_id', '=', step.id).where(mark.user_id === null ? 'roll_id' : 'user_id', '=', mark.user_id ?? mark.roll_id!),
        );
        if (!marked) throw new BallotRefused('votation.ballot.refused.not_voted');
        if (tx.run(db.deleteFrom('votation_ballots').where('step_id', '=', step.id).where('id', '=', replace)).changes !== 1) throw new BallotRefused('votation.ballot.refused.receipt');
      } else {
        tx.run(db.insertInto('votation_voters').values({ step_id: step.id, ...mark }));
        tx.run(db.updateTable('votation_steps').set((eb) => ({ voters_count: eb('voters_count', '+', 1) })).where('step_id', '=', step.id));
        if ('userId' in voter) recordParticipation(db, tx, step, voter.userId, { votes: 1 });
      }
      tx.run(db.insertInto('votation_ballots').values({ step_id: step.id, id, answers: json }));
      return id;
    });
  } catch (err) {
    if (isUniqueViolation(err)) throw new BallotRefused('votation.ballot.refused.already_voted');
    throw err;
  }
}

/**
 * Seals a closed votation once: reads the ballot box in id order, hashes the canonical file
 * (ballot-file.ts) and tallies it in the same pass, and stores both. Inside one write, so a
 * late ballot either is in the file or is refused (castBallot checks the seal).
 */
export function sealVotation(db: Db, head: FileHead, now = new Date().toISOString()): void {
  write(db, (tx) => {
    ensureVotation(db, tx, head.step.id);
    if (tx.first(db.selectFrom('votation_steps').select('sealed_at').where('step_id', '=', head.step.id))!.sealed_at) return;
    const hash = createHash('sha256');
    const tally = new Tally(head.questions);
    hash.update(headLine(head));
    let previous: [string, string] | null = null;
    for (const b of allBallots(db, head.step.id)) {
      if (previous) hash.update(ballotLine(previous[0], previous[1], false));
      tally.add(JSON.parse(b[1]) as Answer[]);
      previous = b;
    }
    if (previous) hash.update(ballotLine(previous[0], previous[1], true));
    hash.update(TAIL);
    const results = tally.results();
    tx.run(
      db
        .updateTable('votation_steps')
        .set({ sealed_at: now, ballots_sha256: hash.digest('hex'), ballots_count: results.ballots, results_json: JSON.stringify(results) })
        .where('step_id', '=', head.step.id),
    );
  });
}

/** Adds a question at the end, or saves question `id` of this step. Refused once the step opened (caller). */
export function saveQuestion(db: Db, stepId: number, id: number | null, q: QuestionInput): boolean {
  return write(db, (tx) => {
    const fields = { title: q.title, method: q.method, max_choices: q.max, blank_allowed: q.blank ? 1 : 0, options_json: JSON.stringify(q.options), grades_json: q.grades ? JSON.stringify(q.grades) : null };
    if (id !== null) return tx.run(db.updateTable('votation_questions').set(fields).where('id', '=', id).where('step_id', '=', stepId)).changes === 1;
    const last = tx.first(db.selectFrom('votation_questions').select((eb) => eb.fn.max('position').as('p')).where('step_id', '=', stepId))?.p ?? 0;
    tx.run(db.insertInto('votation_questions').values({ step_id: stepId, position: Number(last) + 1, ...fields }));
    return true;
  });
}

export function deleteQuestion(db: Db, stepId: number, id: number): boolean {
  return write(db, (tx) => tx.run(db.deleteFrom('votation_questions').where('id', '=', id).where('step_id', '=', stepId)).changes === 1);
}

/** Adds the roll's entries, or updates the name and email of those already there (by identifier). */
export function importRoll(db: Db, stepId: number, entries: readonly { identifier: string; name: string | null; email: string | null }[]): void {
  write(db, (tx) => {
    for (const e of entries) {
      tx.run(
        db
          .insertInto('votation_roll')
          .values({ step_id: stepId, identifier: e.identifier, name: e.name, email: e.email })
          .onConflict((oc) => oc.columns(['step_id', 'identifier']).doUpdateSet({ name: e.name, email: e.email })),
      );
    }
  });
}

export interface IssuedCode { identifier: string; name: string | null; email: string | null; code: string }

/**
 * Gives a new code to each entry without one (or, with `renew`, to every entry that has not
 * voted: the old codes stop working). `issue` makes a code and its hash; `onIssued` runs inside
 * the transaction (to queue the emails). The codes are returned once and never stored.
 */
export function issueCodes(db: Db, stepId: number, renew: boolean, issue: () => { code: string; hash: Uint8Array }, onIssued: (tx: Tx, issued: IssuedCode[]) => void): IssuedCode[] {
  return write(db, (tx) => {
    const rows = tx.all(
      db
        .selectFrom('votation_roll as r')
        .select(['r.id', 'r.identifier', 'r.name', 'r.email'])
        .where('r.step_id', '=', stepId)
        .$if(!renew, (q) => q.where('r.code_hash', 'is', null))
        .where((eb) => eb.not(eb.exists(eb.selectFrom('votation_voters as v').select('v.roll_id').where('v.step_id', '=', stepId).whereRef('v.roll_id', '=', 'r.id'))))
        .orderBy('r.identifier'),
    );
    const issued: IssuedCode[] = [];
    for (const r of rows) {
      const { code, hash } = issue();
      tx.run(db.updateTable('votation_roll').set({ code_hash: Buffer.from(hash) as unknown as Uint8Array }).where('id', '=', r.id));
      issued.push({ identifier: r.identifier, name: r.name, email: r.email, code });
    }
    onIssued(tx, issued);
    return issued;
  });
}

/**
 * After the close, the roll's people are erased: each entry keeps its row (the register points
 * at it, so the turnout stays) under a neutral identifier, without name, email or code.
 */
export function eraseRoll(db: Db, stepId: number): number {
  return write(db, (tx) =>
    tx.run(
      db
        .updateTable('votation_roll')
        .set((eb) => ({ identifier: eb.fn<string>('printf', [eb.val('#%d'), eb.ref('id')]), name: null, email: null, code_hash: null }))
        .where('step_id', '=', stepId),
    ).changes,
  );
}

/** Raised by handlers: a code path check of the step's state, as the gate does for accounts. */
export const closedError = () => new HttpError(403, 'participation.closed');
