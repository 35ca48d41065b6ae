// Every write of the debate, each one synchronous transaction that also moves the counters it
// changes (the step's votes and arguments per side, an argument's "useful" count, the project's
// and step's participation): the database keeps one vote per person, one argument per person and
// side, one mark per person, and the counters follow only the rows really written.
import type { Db } from '../../db/open.ts';
import { write, writeSoon, type Tx } from '../../db/write.ts';
import { recordParticipation, type Step } from '../../platform/participation.ts';
import { initialStatus } from '../../platform/contributions.ts';
import { announceResults, contributionWritten } from '../../platform/notifications.ts';
import type { ContributionRef } from '../../platform/module.ts';
import type { ContributionStatus } from '../../db/schema.ts';
import { isUniqueViolation } from '../../platform/users.ts';
import type { Side } from './schema.ts';
import { voteDelta, type VoteChoice } from './rules.ts';

type StepRef = Pick<Step, 'id' | 'project_id'>;
/** A step as argument writes need it: pre-moderation decides the new argument's status. */
type ArgumentStepRef = Pick<Step, 'id' | 'project_id' | 'premoderation'>;

/** The step's row of counters, made by its first write (steps are created knowing no module). */
function ensureDebate(db: Db, tx: Tx, stepId: number): void {
  tx.run(db.insertInto('debate_steps').values({ step_id: stepId }).onConflict((oc) => oc.doNothing()));
}

export interface VoteResult {
  mine: Side | null;
  votesFor: number;
  votesAgainst: number;
}

/**
 * Casts, changes or withdraws the person's vote. Durable once the promise resolves; the votes
 * asked for in one turn of the event loop share one commit (writeSoon), so a crowd voting at once
 * costs one fsync. Reading the current vote inside the transaction makes 50 identical requests
 * leave one vote and counters moved once.
 */
export function castVote(db: Db, step: StepRef, userId: number, choice: VoteChoice, now = new Date().toISOString()): Promise<VoteResult> {
  return writeSoon(db, (tx) => {
    ensureDebate(db, tx, step.id);
    const before = tx.first(db.selectFrom('debate_votes').select('side').where('step_id', '=', step.id).where('user_id', '=', userId))?.side ?? null;
    const after = choice === 'withdraw' ? null : choice;
    if (after === null) {
      if (before !== null) tx.run(db.deleteFrom('debate_votes').where('step_id', '=', step.id).where('user_id', '=', userId));
    } else if (before === null) {
      tx.run(db.insertInto('debate_votes').values({ step_id: step.id, user_id: userId, side: after, created_at: now }));
    } else if (before !== after) {
      tx.run(db.updateTable('debate_votes').set({ side: after, created_at: now }).where('step_id', '=', step.id).where('user_id', '=', userId));
    }
    const d = voteDelta(before, after);
    const counts = tx.first(
      db
        .updateTable('debate_steps')
        .set((eb) => ({ votes_for: eb('votes_for', '+', d.for), votes_against: eb('votes_against', '+', d.against) }))
        .where('step_id', '=', step.id)
        .returning(['votes_for', 'votes_against']),
    )!;
    if (before !== after) recordParticipation(db, tx, step, userId, { votes: d.total });
    return { mine: after, votesFor: counts.votes_for, votesAgainst: counts.votes_against };
  });
}

const argumentsColumn = (side: Side) => (side === 'for' ? 'arguments_for' : 'arguments_against');

/**
 * The core row, the side, the step's counter and the participation, all or nothing. Null when
 * the person already has an argument on that side: the UNIQUE constraint refused it and the
 * whole transaction was rolled back. A pre-moderated argument ('pending') is counted only once
 * a moderator approves it (onArgumentStatusChange).
 */
export function createArgument(db: Db, step: ArgumentStepRef, userId: number, side: Side, body: string, now = new Date().toISOString()): { id: number; status: ContributionStatus } | null {
  try {
    return write(db, (tx) => {
      const status = initialStatus(db, step, userId);
      const id = tx.run(
        db.insertInto('contributions').values({ step_id: step.id, author_id: userId, parent_id: null, kind: 'argument', status, title: null, body_md: body, created_at: now }),
      ).lastInsertRowid;
      tx.run(db.insertInto('debate_arguments').values({ contribution_id: id, step_id: step.id, author_id: userId, side }));
      ensureDebate(db, tx, step.id);
      if (status === 'published') {
        const column = argumentsColumn(side);
        tx.run(db.updateTable('debate_steps').set((eb) => ({ [column]: eb(column, '+', 1) })).where('step_id', '=', step.id));
      }
      recordParticipation(db, tx, step, userId, { contributions: status === 'published' ? 1 : 0 });
      contributionWritten(db, tx, { id: Number(id), authorId: userId, step, parentId: null, status }, now);
      return { id, status };
    });
  } catch (err) {
    if (isUniqueViolation(err)) return null;
    throw err;
  }
}

/**
 * Moderation's hook (manifest onStatusChange), inside its transaction: an argument crossing
 * 'published' (hidden, trashed, approved, restored) moves its side's counter and the step's and
 * project's contributions, so pages only ever count what the public reads.
 */
export function onArgumentStatusChange(db: Db, tx: Tx, c: ContributionRef, from: ContributionStatus, to: ContributionStatus): void {
  if ((from === 'published') === (to === 'published')) return;
  const delta = to === 'published' ? 1 : -1;
  const row = tx.first(db.selectFrom('debate_arguments as a').innerJoin('steps as s', 's.id', 'a.step_id').select(['a.side', 's.id', 's.project_id']).where('a.contribution_id', '=', c.id));
  if (!row) return;
  const column = argumentsColumn(row.side);
  tx.run(db.updateTable('debate_steps').set((eb) => ({ [column]: eb(column, '+', delta) })).where('step_id', '=', row.id));
  recordParticipation(db, tx, { id: row.id, project_id: row.project_id }, c.author_id, { contributions: delta });
}

/** Removes the argument, its marks (cascade) and its core row, which frees its side. */
export function deleteArgument(db: Db, step: StepRef, argumentId: number, authorId: number): boolean {
  return write(db, (tx) => {
    const status = tx.first(db.selectFrom('contributions').select('status').where('id', '=', argumentId))?.status;
    const gone = tx.first(db.deleteFrom('debate_arguments').where('contribution_id', '=', argumentId).returning('side'));
    // Two identical requests: the second finds nothing and changes no counter.
    if (!gone) return false;
    tx.run(db.deleteFrom('contributions').where('id', '=', argumentId));
    // Only published arguments are counted (on the page, the step and the project).
    if (status === 'published') {
      const column = argumentsColumn(gone.side);
      tx.run(db.updateTable('debate_steps').set((eb) => ({ [column]: eb(column, '-', 1) })).where('step_id', '=', step.id));
    }
    recordParticipation(db, tx, step, authorId, { contributions: status === 'published' ? -1 : 0 });
    return true;
  });
}

/**
 * Sets the person's "useful" mark to `marked`. The form carries the wanted state rather than
 * "toggle", so double clicks and retries agree; the primary key decides, and the counter moves
 * only when a row was really inserted or deleted. Returns the new count.
 */
export function setUsefulMark(db: Db, step: StepRef, argumentId: number, userId: number, marked: boolean, now = new Date().toISOString()): number {
  return write(db, (tx) => {
    // +1 when a mark was really added, -1 when one was really removed, else 0.
    const changed = marked
      ? tx.run(db.insertInto('debate_useful_marks').values({ argument_id: argumentId, user_id: userId, created_at: now }).onConflict((oc) => oc.doNothing())).changes
      : -tx.run(db.deleteFrom('debate_useful_marks').where('argument_id', '=', argumentId).where('user_id', '=', userId)).changes;
    if (changed !== 0) tx.run(db.updateTable('debate_arguments').set((eb) => ({ useful_count: eb('useful_count', '+', changed) })).where('contribution_id', '=', argumentId));
    if (changed > 0) recordParticipation(db, tx, step, userId, {});
    return tx.first(db.selectFrom('debate_arguments').select('useful_count').where('contribution_id', '=', argumentId))?.useful_count ?? 0;
  });
}

export interface OpinionInput {
  name: string;
  role: string;
  body: string;
}

/** Saves both invited opinions at once: null removes that side's. */
export function saveOpinions(db: Db, stepId: number, opinions: Record<Side, OpinionInput | null>, now = new Date().toISOString()): void {
  write(db, (tx) => {
    for (const side of ['for', 'against'] as const) {
      const o = opinions[side];
      if (!o) {
        tx.run(db.deleteFrom('debate_opinions').where('step_id', '=', stepId).where('side', '=', side));
        continue;
      }
      const fields = { author_name: o.name, author_role: o.role, body_md: o.body, updated_at: now };
      tx.run(db.insertInto('debate_opinions').values({ step_id: stepId, side, ...fields }).onConflict((oc) => oc.columns(['step_id', 'side']).doUpdateSet(fields)));
    }
  });
}

/** The conclusion written after the close; an empty text removes it. */
export function saveConclusion(db: Db, stepId: number, text: string, now = new Date().toISOString()): void {
  write(db, (tx) => {
    ensureDebate(db, tx, stepId);
    tx.run(db.updateTable('debate_steps').set({ conclusion_md: text || null, conclusion_at: text ? now : null }).where('step_id', '=', stepId));
    // The conclusion is the debate's result: participants and followers are told, once per step.
    if (text) announceResults(db, tx, stepId, now);
  });
}
