// Writes of a winner's follow-up, each in one synchronous transaction. Posting news or marking a
// milestone done tells the proposal's author and followers (the platform's notifications: news on
// its realisation), never the official who did it. Milestones keep positions 0..n-1 per winner,
// unique (a database index): every write that changes the order renumbers inside its transaction.
import type { Db } from '../../db/open.ts';
import { write, type Tx } from '../../db/write.ts';
import { progressReported } from '../../platform/notifications.ts';
import type { Winner } from './follow-up-queries.ts';
import type { MilestoneInput } from './follow-up-rules.ts';
import './schema-results.ts';

const tell = (db: Db, tx: Tx, w: Winner, actorId: number, now: string) =>
  progressReported(db, tx, { id: w.proposal_id, authorId: w.author_id, step: { id: w.contribution_step_id, project_id: w.project_id } }, actorId, now);

export function saveProgress(db: Db, stepId: number, proposalId: number, progress: number): void {
  write(db, (tx) => tx.run(db.updateTable('selection_proposals').set({ progress }).where('step_id', '=', stepId).where('proposal_id', '=', proposalId)));
}

export function addMilestone(db: Db, stepId: number, proposalId: number, m: MilestoneInput, now = new Date().toISOString()): number {
  return write(db, (tx) => {
    const last = tx.first(db.selectFrom('selection_milestones').select((eb) => eb.fn.max('position').as('p')).where('step_id', '=', stepId).where('proposal_id', '=', proposalId));
    const position = (last?.p ?? -1) + 1;
    return tx.run(db.insertInto('selection_milestones').values({ step_id: stepId, proposal_id: proposalId, position, title: m.title, starts_on: m.startsOn, ends_on: m.endsOn, done: 0, created_at: now })).lastInsertRowid;
  });
}

/**
 * Marks a milestone done or not (the form carries the wanted state, so double clicks agree);
 * only a real change to done tells the followers. False when the milestone is not this winner's.
 */
export function setMilestoneDone(db: Db, w: Winner, stepId: number, milestoneId: number, done: boolean, actorId: number, now = new Date().toISOString()): boolean {
  return write(db, (tx) => {
    const m = tx.first(db.selectFrom('selection_milestones').select('done').where('id', '=', milestoneId).where('step_id', '=', stepId).where('proposal_id', '=', w.proposal_id));
    if (!m) return false;
    if ((m.done === 1) === done) return true;
    tx.run(db.updateTable('selection_milestones').set({ done: done ? 1 : 0 }).where('id', '=', milestoneId));
    if (done) tell(db, tx, w, actorId, now);
    return true;
  });
}

/** Changes a milestone's title and dates; false when it is not this winner's. */
export function updateMilestone(db: Db, stepId: number, proposalId: number, milestoneId: number, m: MilestoneInput): boolean {
  return write(
    db,
    (tx) => tx.run(db.updateTable('selection_milestones').set({ title: m.title, starts_on: m.startsOn, ends_on: m.endsOn }).where('id', '=', milestoneId).where('step_id', '=', stepId).where('proposal_id', '=', proposalId)).changes > 0,
  );
}

/**
 * Gives the winner's milestones the positions 0..n-1 in the order of `ids`. They first all move
 * to negative places (their ids negated, distinct), so no step of the renumbering ever puts two
 * of them on the same place and trips the unique index.
 */
function renumber(db: Db, tx: Tx, stepId: number, proposalId: number, ids: number[]): void {
  tx.run(db.updateTable('selection_milestones').set((eb) => ({ position: eb.neg(eb.ref('id')) })).where('step_id', '=', stepId).where('proposal_id', '=', proposalId));
  ids.forEach((id, position) => tx.run(db.updateTable('selection_milestones').set({ position }).where('id', '=', id)));
}

const orderedIds = (db: Db, tx: Tx, stepId: number, proposalId: number) =>
  tx.all(db.selectFrom('selection_milestones').select('id').where('step_id', '=', stepId).where('proposal_id', '=', proposalId).orderBy('position').orderBy('id')).map((m) => m.id);

/** Removes a milestone and closes the gap it leaves; false when it is not this winner's. */
export function deleteMilestone(db: Db, stepId: number, proposalId: number, milestoneId: number): boolean {
  return write(db, (tx) => {
    if (tx.run(db.deleteFrom('selection_milestones').where('id', '=', milestoneId).where('step_id', '=', stepId).where('proposal_id', '=', proposalId)).changes === 0) return false;
    renumber(db, tx, stepId, proposalId, orderedIds(db, tx, stepId, proposalId));
    return true;
  });
}

/**
 * Swaps a milestone with its neighbour above or below, read and written in one transaction so
 * two administrators clicking at once each move it one place from what the other left. The
 * first one up (or the last one down) stays where it is. False when it is not this winner's.
 */
export function moveMilestone(db: Db, stepId: number, proposalId: number, milestoneId: number, direction: 'up' | 'down'): boolean {
  return write(db, (tx) => {
    const ids = orderedIds(db, tx, stepId, proposalId);
    const i = ids.indexOf(milestoneId);
    if (i < 0) return false;
    const j = direction === 'up' ? i - 1 : i + 1;
    if (j < 0 || j >= ids.length) return true;
    [ids[i], ids[j]] = [ids[j]!, ids[i]!];
    renumber(db, tx, stepId, proposalId, ids);
    return true;
  });
}

export function postUpdate(db: Db, w: Winner, stepId: number, u: { title: string; body: string }, actorId: number, now = new Date().toISOString()): number {
  return write(db, (tx) => {
    const id = tx.run(db.insertInto('selection_updates').values({ step_id: stepId, proposal_id: w.proposal_id, title: u.title, body_md: u.body, author_id: actorId, published_at: now })).lastInsertRowid;
    tell(db, tx, w, actorId, now);
    return id;
  });
}

/**
 * Corrects a news post's title and text. Nobody is told: the followers had their email when it
 * was posted, and an email per typo fixed would teach them to ignore the next ones; the page
 * shows the post as edited. False when it is not this winner's.
 */
export function editUpdate(db: Db, stepId: number, proposalId: number, updateId: number, u: { title: string; body: string }, now = new Date().toISOString()): boolean {
  return write(
    db,
    (tx) =>
      tx.run(db.updateTable('selection_updates').set({ title: u.title, body_md: u.body, edited_at: now }).where('id', '=', updateId).where('step_id', '=', stepId).where('proposal_id', '=', proposalId)).changes > 0,
  );
}

export function deleteUpdate(db: Db, stepId: number, proposalId: number, updateId: number): boolean {
  return write(db, (tx) => tx.run(db.deleteFrom('selection_updates').where('id', '=', updateId).where('step_id', '=', stepId).where('proposal_id', '=', proposalId)).changes > 0);
}
