// Queries of the consultation's debate part: the step/section/item/argument a request points
// at, the writes (amendment, argument, "useful" mark, source) that keep every counter in the
// same transaction, and the extras of an item page in a fixed number of queries.
import type { Db } from '../../db/open.ts';
import { readSync, write } from '../../db/write.ts';
import { recordParticipation, type Step } from '../../platform/participation.ts';
import { contributionWritten } from '../../platform/notifications.ts';
import { initialStatus } from '../../platform/contributions.ts';

/** Writes need the step's pre-moderation: a pending contribution is counted once approved. */
type StepRef = Pick<Step, 'id' | 'project_id' | 'premoderation'>;
import { diffHtml, diffLabels, type DiffResult } from './diff.ts';
import { sql, type ExpressionBuilder } from 'kysely';
import type { ContributionStatus, Schema } from '../../db/schema.ts';

export const SOURCE_CATEGORIES = ['official', 'press', 'study', 'other'] as const;
export type SourceCategory = (typeof SOURCE_CATEGORIES)[number];
export type Side = 'for' | 'against';

/** An argument of this step with its item's state. */
export function findArgumentTarget(db: Db, stepId: number, argumentId: number) {
  return readSync(db).first(
    db
      .selectFrom('consultation_arguments as a')
      .innerJoin('contributions as c', 'c.id', 'a.contribution_id')
      .innerJoin('consultation_items as i', 'i.contribution_id', 'a.item_id')
      .innerJoin('contributions as ic', 'ic.id', 'i.contribution_id')
      .select(['a.contribution_id', 'a.item_id', 'a.side', 'a.useful_count', 'c.author_id', 'c.status', 'i.published as item_published', 'ic.status as item_status'])
      .where('a.contribution_id', '=', argumentId)
      .where('c.step_id', '=', stepId),
  );
}
export type ArgumentTarget = NonNullable<ReturnType<typeof findArgumentTarget>>;

export interface NewAmendment {
  title: string;
  body: string;
  proposedText: string;
}

/** Core row + item row + section counter + participation, all or nothing. */
export function createAmendment(db: Db, step: StepRef, sectionId: number, userId: number, input: NewAmendment, now = new Date().toISOString()): number {
  return write(db, (tx) => {
    const status = initialStatus(db, step, userId);
    const n = status === 'published' ? 1 : 0;
    const id = tx.run(
      db.insertInto('contributions').values({ step_id: step.id, author_id: userId, parent_id: null, kind: 'amendment', status, title: input.title, body_md: input.body, created_at: now }),
    ).lastInsertRowid;
    tx.run(
      db.insertInto('consultation_items').values({ contribution_id: id, section_id: sectionId, kind: 'amendment', type_id: null, proposed_text: input.proposedText, published: n, created_at: now }),
    );
    tx.run(db.updateTable('consultation_sections').set((eb) => ({ amendments_count: eb('amendments_count', '+', n) })).where('id', '=', sectionId));
    recordParticipation(db, tx, step, userId, { contributions: n });
    contributionWritten(db, tx, { id: Number(id), authorId: userId, step, parentId: null, status }, now);
    return id;
  });
}

export function createArgument(db: Db, step: StepRef, itemId: number, userId: number, side: Side, body: string, now = new Date().toISOString()): number {
  return write(db, (tx) => {
    const status = initialStatus(db, step, userId);
    const n = status === 'published' ? 1 : 0;
    const id = tx.run(
      db.insertInto('contributions').values({ step_id: step.id, author_id: userId, parent_id: itemId, kind: 'argument', status, title: null, body_md: body, created_at: now }),
    ).lastInsertRowid;
    tx.run(db.insertInto('consultation_arguments').values({ contribution_id: id, item_id: itemId, side }));
    const column = side === 'for' ? 'arguments_for' : 'arguments_against';
    tx.run(db.updateTable('consultation_items').set((eb) => ({ [column]: eb(column, '+', n) })).where('contribution_id', '=', itemId));
    recordParticipation(db, tx, step, userId, { contributions: n });
    contributionWritten(db, tx, { id: Number(id), authorId: userId, step, parentId: itemId, status }, now);
    return id;
  });
}

/** Removes the argument, its marks and its core row; the item's counter goes down with it. */
export function deleteArgument(db: Db, step: Pick<Step, 'id' | 'project_id'>, argument: Pick<ArgumentTarget, 'contribution_id' | 'item_id' | 'side' | 'author_id'>): boolean {
  return write(db, (tx) => {
    tx.run(db.deleteFrom('consultation_useful_marks').where('argument_id', '=', argument.contribution_id));
    const gone = tx.run(db.deleteFrom('consultation_arguments').where('contribution_id', '=', argument.contribution_id)).changes;
    // Two identical delete requests: the second finds nothing and changes no counter.
    if (gone === 0) return false;
    tx.run(db.deleteFrom('contributions').where('id', '=', argument.contribution_id));
    const column = argument.side === 'for' ? 'arguments_for' : 'arguments_against';
    tx.run(db.updateTable('consultation_items').set((eb) => ({ [column]: eb(column, '-', 1) })).where('contribution_id', '=', argument.item_id));
    recordParticipation(db, tx, step, argument.author_id, { contributions: -1 });
    return true;
  });
}

/**
 * Sets the person's "useful" mark to `marked`. The request carries the wanted state rather than
 * "toggle", so repeated identical requests (double clicks, retries) leave one mark; the primary
 * key decides, and the counter moves only when a row was really inserted or deleted.
 */
export function setUsefulMark(db: Db, step: Pick<Step, 'id' | 'project_id'>, argumentId: number, userId: number, marked: boolean, now = new Date().toISOString()): number {
  return write(db, (tx) => {
    if (marked) {
      const added = tx.run(db.insertInto('consultation_useful_marks').values({ argument_id: argumentId, user_id: userId, created_at: now }).onConflict((oc) => oc.doNothing())).changes;
      if (added) tx.run(db.updateTable('consultation_arguments').set((eb) => ({ useful_count: eb('useful_count', '+', 1) })).where('contribution_id', '=', argumentId));
      recordParticipation(db, tx, step, userId, {});
    } else {
      const removed = tx.run(db.deleteFrom('consultation_useful_marks').where('argument_id', '=', argumentId).where('user_id', '=', userId)).changes;
      if (removed) tx.run(db.updateTable('consultation_arguments').set((eb) => ({ useful_count: eb('useful_count', '-', 1) })).where('contribution_id', '=', argumentId));
    }
    return tx.first(db.selectFrom('consultation_arguments').select('useful_count').where('contribution_id', '=', argumentId))?.useful_count ?? 0;
  });
}

export interface NewSource {
  title: string;
  url: string;
  category: SourceCategory;
}

export function createSource(db: Db, step: StepRef, itemId: number, userId: number, input: NewSource, now = new Date().toISOString()): number {
  return write(db, (tx) => {
    const status = initialStatus(db, step, userId);
    const n = status === 'published' ? 1 : 0;
    const id = tx.run(
      db.insertInto('contributions').values({ step_id: step.id, author_id: userId, parent_id: itemId, kind: 'source', status, title: input.title, body_md: '', created_at: now }),
    ).lastInsertRowid;
    tx.run(db.insertInto('consultation_sources').values({ contribution_id: id, item_id: itemId, url: input.url, category: input.category }));
    tx.run(db.updateTable('consultation_items').set((eb) => ({ sources_count: eb('sources_count', '+', n) })).where('contribution_id', '=', itemId));
    recordParticipation(db, tx, step, userId, { contributions: n });
    contributionWritten(db, tx, { id: Number(id), authorId: userId, step, parentId: itemId, status }, now);
    return id;
  });
}

/** One argument as shown: author name null when the account was deleted. */
export interface ArgumentView {
  id: number;
  side: Side;
  body_md: string;
  created_at: string;
  author_id: number;
  author_name: string | null;
  useful_count: number;
  marked: boolean;
  own: boolean;
  /** 'published', or for its author's eyes only 'pending' or 'hidden' (marked so). */
  status: ContributionStatus;
  moderation_reason: string | null;
}

export interface SourceView {
  id: number;
  title: string;
  url: string;
  category: string;
  created_at: string;
  author_id: number;
  author_name: string | null;
  status: ContributionStatus;
  moderation_reason: string | null;
}

export interface ItemExtras {
  argumentsFor: ArgumentView[];
  argumentsAgainst: ArgumentView[];
  sources: SourceView[];
  /** The section's switches: forms are offered only where they are open. */
  allowArguments: boolean;
  allowSources: boolean;
  /** For an amendment: the section's current text, the proposed one, and their diff as HTML
   * (given the translator, since the screen-reader markers come from the catalogue). */
  amendment: { currentText: string; proposedText: string; diff: (t: (key: string) => string) => DiffResult } | null;
}

/** Published answers, and the reader's own ones a moderator holds back or hid (platform visibilityOf's rule for authors). */
const publishedOrOwn =
  (userId: number) =>
  (eb: ExpressionBuilder<Schema & { c: Schema['contributions'] }, 'c'>) =>
    eb.or([eb('c.status', '=', sql.lit('published')), eb.and([eb('c.author_id', '=', userId), eb('c.status', 'in', ['pending', 'hidden'])])]);

/**
 * Everything around an item's page in three queries, whatever the number of arguments: the
 * arguments with their authors and the person's marks, the sources, and the section (its
 * switches, and for an amendment its current text).
 */
export async function loadItemExtras(
  db: Db,
  item: { id: number; section_id: number; kind: string; proposed_text: string | null },
  user: { id: number } | null,
): Promise<ItemExtras> {
  const userId = user?.id ?? 0;
  const args = await db
    .selectFrom('consultation_arguments as a')
    .innerJoin('contributions as c', 'c.id', 'a.contribution_id')
    .innerJoin('users as u', 'u.id', 'c.author_id')
    .leftJoin('consultation_useful_marks as m', (j) => j.onRef('m.argument_id', '=', 'a.contribution_id').on('m.user_id', '=', userId))
    .select(['a.contribution_id as id', 'a.side', 'a.useful_count', 'c.body_md', 'c.created_at', 'c.author_id', 'c.status', 'c.moderation_reason', 'u.display_name', 'u.deleted_at', 'm.user_id as marked_by'])
    .where('a.item_id', '=', item.id)
    .where(publishedOrOwn(userId))
    .orderBy('a.useful_count', 'desc')
    .orderBy('a.contribution_id', 'asc')
    .execute();
  const sources = await db
    .selectFrom('consultation_sources as s')
    .innerJoin('contributions as c', 'c.id', 's.contribution_id')
    .innerJoin('users as u', 'u.id', 'c.author_id')
    .select(['s.contribution_id as id', 's.url', 's.category', 'c.title', 'c.created_at', 'c.author_id', 'c.status', 'c.moderation_reason', 'u.display_name', 'u.deleted_at'])
    .where('s.item_id', '=', item.id)
    .where(publishedOrOwn(userId))
    .orderBy('s.contribution_id', 'asc')
    .execute();
  const section = await db.selectFrom('consultation_sections').select(['body_md', 'allow_arguments', 'allow_sources']).where('id', '=', item.section_id).executeTakeFirst();
  let amendment: ItemExtras['amendment'] = null;
  if (item.kind === 'amendment') {
    const currentText = section?.body_md ?? '';
    const proposedText = item.proposed_text ?? '';
    amendment = { currentText, proposedText, diff: (t) => diffHtml(currentText, proposedText, diffLabels(t)) };
  }
  const name = (r: { display_name: string | null; deleted_at: string | null }) => (r.deleted_at ? null : r.display_name);
  const views: ArgumentView[] = args.map((r) => ({
    id: r.id,
    side: r.side,
    body_md: r.body_md,
    created_at: r.created_at,
    author_id: r.author_id,
    author_name: name(r),
    useful_count: r.useful_count,
    marked: r.marked_by !== null,
    own: r.author_id === userId,
    status: r.status,
    moderation_reason: r.moderation_reason,
  }));
  return {
    argumentsFor: views.filter((a) => a.side === 'for'),
    argumentsAgainst: views.filter((a) => a.side === 'against'),
    sources: sources.map((r) => ({ id: r.id, title: r.title ?? '', url: r.url, category: r.category, created_at: r.created_at, author_id: r.author_id, author_name: name(r), status: r.status, moderation_reason: r.moderation_reason })),
    allowArguments: section?.allow_arguments === 1,
    allowSources: section?.allow_sources === 1,
    amendment,
  };
}
