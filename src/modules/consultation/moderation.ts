// What moderation does to the consultation's contributions (manifest onStatusChange, inside
// moderation's transaction): an opinion or amendment crossing 'published' leaves or rejoins its
// section's lists (the item's published flag) and counter; an argument or a source its item's
// counter; each the step's and project's contributions. Pre-moderated ones start 'pending' and
// are counted only once approved (platform initialStatus, used by the create writes).
import type { Db } from '../../db/open.ts';
import { readSync, type Tx } from '../../db/write.ts';
import type { ContributionStatus } from '../../db/schema.ts';
import type { ContributionRef } from '../../platform/module.ts';
import { recordParticipation } from '../../platform/participation.ts';

export function onStatusChange(db: Db, tx: Tx, c: ContributionRef, from: ContributionStatus, to: ContributionStatus): void {
  if ((from === 'published') === (to === 'published')) return;
  const delta = to === 'published' ? 1 : -1;
  const step = tx.first(db.selectFrom('steps').select(['id', 'project_id']).where('id', '=', c.step_id));
  if (!step) return;
  if (c.kind === 'opinion' || c.kind === 'amendment') {
    const item = tx.first(db.updateTable('consultation_items').set({ published: delta > 0 ? 1 : 0 }).where('contribution_id', '=', c.id).returning('section_id'));
    if (!item) return;
    const column = c.kind === 'amendment' ? 'amendments_count' : 'contributions_count';
    tx.run(db.updateTable('consultation_sections').set((eb) => ({ [column]: eb(column, '+', delta) })).where('id', '=', item.section_id));
  } else if (c.kind === 'argument') {
    const arg = tx.first(db.selectFrom('consultation_arguments').select(['item_id', 'side']).where('contribution_id', '=', c.id));
    if (!arg) return;
    const column = arg.side === 'for' ? 'arguments_for' : 'arguments_against';
    tx.run(db.updateTable('consultation_items').set((eb) => ({ [column]: eb(column, '+', delta) })).where('contribution_id', '=', arg.item_id));
  } else if (c.kind === 'source') {
    const source = tx.first(db.selectFrom('consultation_sources').select('item_id').where('contribution_id', '=', c.id));
    if (!source) return;
    tx.run(db.updateTable('consultation_items').set((eb) => ({ sources_count: eb('sources_count', '+', delta) })).where('contribution_id', '=', source.item_id));
  } else {
    return;
  }
  recordParticipation(db, tx, step, c.author_id, { contributions: delta });
}

/** The flash after a contribution was written: published, or waiting for a moderator. */
export function createdFlash(db: Db, id: number, published: string): string {
  const status = readSync(db).first(db.selectFrom('contributions').select('status').where('id', '=', id))?.status;
  return status === 'pending' ? 'consultation.flash.pending' : published;
}
