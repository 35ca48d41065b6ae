// Every write of proposals and drafts, each one synchronous transaction that also moves what it
// changes: the step's next reference and public count, the project's and step's participation,
// the author's follow; the full-text index and the comments and followers counters follow by the
// triggers of migration 0016. An author's deletion trashes, as the consultation's does.
import { sql } from 'kysely';
import type { Db } from '../../db/open.ts';
import { write, type Tx } from '../../db/write.ts';
import { recordParticipation, type Step } from '../../platform/participation.ts';
import { initialStatus } from '../../platform/contributions.ts';
import { contributionWritten } from '../../platform/notifications.ts';
import type { ContributionRef } from '../../platform/module.ts';
import type { ContributionStatus } from '../../db/schema.ts';
import type { FormValues } from '../../platform/questions/types.ts';
import type { ProposalInput } from './proposal-input.ts';
import { applyMedia, type MediaChange } from './media-writes.ts';
import { newShuffleKey } from './rules.ts';

type StepRef = Pick<Step, 'id' | 'project_id'>;
type ProposalStepRef = Pick<Step, 'id' | 'project_id' | 'premoderation'>;

/** The step's row, made by its first write (steps are created knowing no module). */
export function ensureCollect(db: Db, tx: Tx, stepId: number): void {
  tx.run(db.insertInto('collect_steps').values({ step_id: stepId }).onConflict((oc) => oc.doNothing()));
}

const fieldsOf = (i: ProposalInput) => ({
  summary: i.summary,
  category_id: i.categoryId,
  district_id: i.districtId,
  address: i.address,
  lat: i.lat ?? null,
  lng: i.lng ?? null,
  cost: i.cost,
  cost_missing: i.cost === null ? 1 : 0,
  answers: JSON.stringify(i.answers),
});

/**
 * The core row, the proposal with its reference number, the counters and the author's follow,
 * all or nothing; a submitted draft is removed in the same transaction. A pre-moderated
 * proposal ('pending') is counted once a moderator approves it (onProposalStatusChange).
 */
export function createProposal(db: Db, step: ProposalStepRef, userId: number, input: ProposalInput, o: { draftId?: number; now?: string; media?: MediaChange } = {}): { id: number; reference: number; status: ContributionStatus } {
  const now = o.now ?? new Date().toISOString();
  return write(db, (tx) => {
    const status = initialStatus(db, step, userId);
    ensureCollect(db, tx, step.id);
    const reference = tx.first(db.updateTable('collect_steps').set((eb) => ({ next_reference: eb('next_reference', '+', 1) })).where('step_id', '=', step.id).returning('next_reference'))!.next_reference - 1;
    const id = tx.run(db.insertInto('contributions').values({ step_id: step.id, author_id: userId, parent_id: null, kind: 'proposal', status, title: input.title, body_md: input.body, created_at: now })).lastInsertRowid;
    const published = status === 'published' ? 1 : 0;
    // Its place in the stored random order, drawn once (rules.newShuffleKey).
    tx.run(db.insertInto('collect_proposals').values({ contribution_id: id, step_id: step.id, author_id: userId, reference, published, shuffle: newShuffleKey(), ...fieldsOf(input) }));
    if (o.media) applyMedia(db, tx, id, userId, o.media, now);
    if (published) tx.run(db.updateTable('collect_steps').set((eb) => ({ proposals_count: eb('proposals_count', '+', 1) })).where('step_id', '=', step.id));
    recordParticipation(db, tx, step, userId, { contributions: published });
    contributionWritten(db, tx, { id, authorId: userId, step, parentId: null, status }, now);
    if (o.draftId) tx.run(db.deleteFrom('collect_drafts').where('id', '=', o.draftId).where('author_id', '=', userId));
    return { id, reference, status };
  });
}

/** The author's edit: the core row's title and text, and the proposal's fields. */
export function updateProposal(db: Db, proposalId: number, input: ProposalInput, now = new Date().toISOString(), media?: { change: MediaChange; authorId: number }): void {
  write(db, (tx) => {
    tx.run(db.updateTable('contributions').set({ title: input.title, body_md: input.body, edited_at: now }).where('id', '=', proposalId));
    tx.run(db.updateTable('collect_proposals').set(fieldsOf(input)).where('contribution_id', '=', proposalId));
    if (media) applyMedia(db, tx, proposalId, media.authorId, media.change, now);
  });
}

/**
 * The author's deletion: the proposal goes to the trash as a moderator's would (its comments,
 * reports and reference number stay with it for the record), out of lists and counts; false
 * when it was not published any more.
 */
export function trashProposal(db: Db, step: StepRef, proposalId: number, authorId: number): boolean {
  return write(db, (tx) => {
    const changed = tx.run(db.updateTable('contributions').set({ status: 'trashed' }).where('id', '=', proposalId).where('status', '=', sql.lit('published'))).changes;
    if (changed === 0) return false;
    // A merged proposal (merge.ts) left the lists and counts already.
    if (tx.run(db.updateTable('collect_proposals').set({ published: 0 }).where('contribution_id', '=', proposalId).where('published', '=', 1)).changes === 0) return true;
    tx.run(db.updateTable('collect_steps').set((eb) => ({ proposals_count: eb('proposals_count', '-', 1) })).where('step_id', '=', step.id));
    recordParticipation(db, tx, step, authorId, { contributions: -1 });
    return true;
  });
}

/**
 * Moderation's hook (manifest onStatusChange), inside its transaction: a proposal crossing
 * 'published' moves its list flag, the step's count and the participation counters.
 */
export function onProposalStatusChange(db: Db, tx: Tx, c: ContributionRef, from: ContributionStatus, to: ContributionStatus): void {
  if ((from === 'published') === (to === 'published')) return;
  const delta = to === 'published' ? 1 : -1;
  // A merged proposal (merge.ts) stays out of lists and counts whatever moderation does to it.
  const row = tx.first(db.selectFrom('collect_proposals as p').innerJoin('steps as s', 's.id', 'p.step_id').select(['s.id', 's.project_id']).where('p.contribution_id', '=', c.id).where('p.merged_into', 'is', null));
  if (!row) return;
  tx.run(db.updateTable('collect_proposals').set({ published: delta > 0 ? 1 : 0 }).where('contribution_id', '=', c.id));
  tx.run(db.updateTable('collect_steps').set((eb) => ({ proposals_count: eb('proposals_count', '+', delta) })).where('step_id', '=', row.id));
  recordParticipation(db, tx, { id: row.id, project_id: row.project_id }, c.author_id, { contributions: delta });
}

/** Saves a draft (new when `draftId` is null); returns its id. */
export function saveDraft(db: Db, stepId: number, userId: number, draftId: number | null, title: string, fields: FormValues, now = new Date().toISOString()): number {
  return write(db, (tx) => {
    const json = JSON.stringify(fields);
    if (draftId !== null) {
      tx.run(db.updateTable('collect_drafts').set({ title, fields: json, updated_at: now }).where('id', '=', draftId).where('author_id', '=', userId));
      return draftId;
    }
    return tx.run(db.insertInto('collect_drafts').values({ step_id: stepId, author_id: userId, title, fields: json, created_at: now, updated_at: now })).lastInsertRowid;
  });
}

export function deleteDraft(db: Db, draftId: number, userId: number): void {
  write(db, (tx) => tx.run(db.deleteFrom('collect_drafts').where('id', '=', draftId).where('author_id', '=', userId)));
}
