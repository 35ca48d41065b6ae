// Writes of the analysis by officials, each one synchronous transaction: decision makers of a
// step, analysts of a proposal, an analyst's opinion (one per proposal and analyst, replaced),
// the decision (the official answer: its first posting and a changed decision tell the author
// and the followers) and a proposal's status (a change tells them too).
import type { Db } from '../../db/open.ts';
import { write, type Tx } from '../../db/write.ts';
import { contributionStatusChanged, officialAnswerPosted, type DecidedContribution } from '../../platform/notifications.ts';
import { decisionTells } from './analysis-rules.ts';
import type { Decision, Opinion } from './schema-analysis.ts';

/** False when the person was a decision maker of the step already. */
export function addDecider(db: Db, stepId: number, userId: number): boolean {
  return write(db, (tx) => tx.run(db.insertInto('collect_deciders').values({ step_id: stepId, user_id: userId }).onConflict((oc) => oc.doNothing())).changes > 0);
}

export function removeDecider(db: Db, stepId: number, userId: number): void {
  write(db, (tx) => tx.run(db.deleteFrom('collect_deciders').where('step_id', '=', stepId).where('user_id', '=', userId)));
}

/**
 * False when the person analyses this proposal already. `onNamed` runs inside the transaction
 * only when they were not (the route queues their email there): naming someone twice, even by
 * two deciders at once, tells them once.
 */
export function assignAnalyst(db: Db, stepId: number, proposalId: number, userId: number, onNamed?: (tx: Tx) => void): boolean {
  return write(db, (tx) => {
    const named = tx.run(db.insertInto('collect_analysts').values({ step_id: stepId, proposal_id: proposalId, user_id: userId }).onConflict((oc) => oc.doNothing())).changes > 0;
    if (named) onNamed?.(tx);
    return named;
  });
}

/** Their opinion, if they gave one, stays with the proposal for the record. */
export function unassignAnalyst(db: Db, proposalId: number, userId: number): void {
  write(db, (tx) => tx.run(db.deleteFrom('collect_analysts').where('proposal_id', '=', proposalId).where('user_id', '=', userId)));
}

export interface OpinionInput {
  opinion: Opinion;
  comment: string;
  revisedCost: number | null;
}

/** The analyst's opinion, given or replaced; false (nothing written) when they are no longer assigned. */
export function saveOpinion(db: Db, proposalId: number, analystId: number, o: OpinionInput, now = new Date().toISOString()): boolean {
  return write(db, (tx) => {
    const assigned = tx.first(db.selectFrom('collect_analysts').select('user_id').where('proposal_id', '=', proposalId).where('user_id', '=', analystId));
    if (!assigned) return false;
    const values = { opinion: o.opinion, comment: o.comment, revised_cost: o.revisedCost, updated_at: now };
    tx.run(
      db
        .insertInto('collect_analyses')
        .values({ proposal_id: proposalId, analyst_id: analystId, ...values })
        .onConflict((oc) => oc.columns(['proposal_id', 'analyst_id']).doUpdateSet(values)),
    );
    return true;
  });
}

/**
 * The decision and its public reason. Read and written in one transaction, so two deciders
 * posting at once tell people once per change. Returns how many people were told.
 */
export function decide(db: Db, c: DecidedContribution, deciderId: number, decision: Decision, reason: string, now = new Date().toISOString()): number {
  return write(db, (tx) => {
    const before = tx.first(db.selectFrom('collect_decisions').select('decision').where('proposal_id', '=', c.id))?.decision ?? null;
    const values = { decision, reason_md: reason, decided_by: deciderId, decided_at: now };
    tx.run(
      db
        .insertInto('collect_decisions')
        .values({ proposal_id: c.id, step_id: c.step.id, ...values })
        .onConflict((oc) => oc.column('proposal_id').doUpdateSet(values)),
    );
    return decisionTells(before, decision) ? officialAnswerPosted(db, tx, c, deciderId, now) : 0;
  });
}

/**
 * Sets a proposal's status (one of its step's, or none); when it really changed, the author and
 * the followers are told. False when the status is not one of the step's (nothing written).
 */
export function setStatus(db: Db, c: DecidedContribution, statusId: number | null, actorId: number, now = new Date().toISOString()): boolean {
  return write(db, (tx) => {
    if (statusId !== null && !tx.first(db.selectFrom('collect_statuses').select('id').where('id', '=', statusId).where('step_id', '=', c.step.id))) return false;
    const changed = tx.run(
      db
        .updateTable('collect_proposals')
        .set({ status_id: statusId })
        .where('contribution_id', '=', c.id)
        .where((eb) => (statusId === null ? eb('status_id', 'is not', null) : eb.or([eb('status_id', 'is', null), eb('status_id', '!=', statusId)]))),
    ).changes;
    if (changed) contributionStatusChanged(db, tx, c, actorId, now);
    return true;
  });
}
