// Opinions and amendments of a section: the sorted page (one query, no COUNT), the person's votes
// on that page (one query), one item for its permalink, and the writes of the author (create,
// edit with votes reset, delete) with their counters in the same transaction.
import { sql } from 'kysely';
import type { Db } from '../../db/open.ts';
import { readSync, write } from '../../db/write.ts';
import { compiledQuery } from '../../db/compiled.ts';
import { recordParticipation, type Step } from '../../platform/participation.ts';
import { contributionWritten } from '../../platform/notifications.ts';
import { initialStatus } from '../../platform/contributions.ts';
import { editedByModeration } from '../../platform/moderation-log.ts';
import type { ConsultationSort, VoteValue } from './schema.ts';
import { PAGE_SIZE, randomKey, type ItemKind } from './rules.ts';

const registered = new WeakSet<object>();
/** The random order's key as an SQL function, once per connection (deterministic: same seed, same order). */
function registerRandomKey(db: Db): void {
  if (registered.has(db.sqlite)) return;
  db.sqlite.function('consultation_random_key', { deterministic: true }, (id, seed) => randomKey(Number(id), Number(seed)));
  registered.add(db.sqlite);
}

const itemColumns = [
  'i.contribution_id as id',
  'i.section_id',
  'i.kind',
  'i.type_id',
  'i.published',
  'i.created_at',
  'i.votes_agree',
  'i.votes_mitigated',
  'i.votes_disagree',
  'i.votes_total',
  'i.controversy',
  'i.arguments_for',
  'i.arguments_against',
  'i.sources_count',
  'c.comments_count',
  'c.title',
  'c.body_md',
  'c.author_id',
  'c.edited_at',
  'u.display_name as author_name',
  'u.deleted_at as author_deleted_at',
  't.name as type_name',
  't.colour as type_colour',
] as const;

/** What a card in a list shows, and no more: a list reads 20 rows, and each column read costs. */
const cardColumns = [
  'i.contribution_id as id',
  'i.votes_agree',
  'i.votes_mitigated',
  'i.votes_disagree',
  'i.arguments_for',
  'i.arguments_against',
  'i.sources_count',
  'c.title',
  'c.body_md',
  'c.author_id',
  'c.created_at',
  'u.display_name as author_name',
  'u.deleted_at as author_deleted_at',
  't.name as type_name',
  't.colour as type_colour',
] as const;

export interface ListOptions {
  sectionId: number;
  kind: ItemKind;
  sort: ConsultationSort;
  page: number;
  /** Seed of the random order (see rules.parseSeed). */
  seed: number;
}

/**
 * One page of published items. Each sort but random walks its own index of migration 0003
 * (section_id, kind, published, <column>, contribution_id); one row more than a page tells
 * whether a next page exists, so nothing is counted.
 */
export function listItems(db: Db, o: ListOptions) {
  if (o.sort === 'random') registerRandomKey(db);
  const values = { sectionId: o.sectionId, kind: o.kind, seed: o.seed, offset: (o.page - 1) * PAGE_SIZE };
  const rows = readSync(db).all(itemsQuery(db, o.sort, values));
  return { items: rows.slice(0, PAGE_SIZE), hasNext: rows.length > PAGE_SIZE };
}

// A section page's list: compiled once per sort (db/compiled.ts).
const itemsQuery = compiledQuery<{ sectionId: number; kind: ItemKind; seed: number; offset: number }, ItemCard>((db, p, sort) => {
  let q = db
    .selectFrom('consultation_items as i')
    .innerJoin('contributions as c', 'c.id', 'i.contribution_id')
    .innerJoin('users as u', 'u.id', 'c.author_id')
    .leftJoin('consultation_contribution_types as t', 't.id', 'i.type_id')
    .select(cardColumns)
    .where('i.section_id', '=', p.sectionId)
    .where('i.kind', '=', p.kind)
    .where('i.published', '=', 1);
  const desc = (col: 'i.created_at' | 'i.votes_total' | 'i.votes_agree' | 'i.controversy') => q.orderBy(col, 'desc').orderBy('i.contribution_id', 'desc');
  switch (sort as ConsultationSort) {
    case 'newest': q = desc('i.created_at'); break;
    case 'oldest': q = q.orderBy('i.created_at', 'asc').orderBy('i.contribution_id', 'asc'); break;
    case 'votes': q = desc('i.votes_total'); break;
    case 'agreed': q = desc('i.votes_agree'); break;
    case 'controversial': q = desc('i.controversy'); break;
    // Raw SQL: SQLite has no seeded random(); the key is rules.randomKey (registerRandomKey).
    case 'random': q = q.orderBy(sql`consultation_random_key(i.contribution_id, ${p.seed})`).orderBy('i.contribution_id'); break;
  }
  return q.limit(sql.lit(PAGE_SIZE + 1)).offset(p.offset);
});

/** One card of a list, as listItems reads it. */
export interface ItemCard {
  id: number;
  votes_agree: number;
  votes_mitigated: number;
  votes_disagree: number;
  arguments_for: number;
  arguments_against: number;
  sources_count: number;
  title: string | null;
  body_md: string;
  author_id: number;
  created_at: string;
  author_name: string | null;
  author_deleted_at: string | null;
  type_name: string | null;
  type_colour: string | null;
}

/** The person's votes on the given items, as a map id → value. */
export function findItemVotes(db: Db, userId: number | undefined, itemIds: readonly number[]): Record<number, VoteValue> {
  if (!userId || itemIds.length === 0) return {};
  const values: Record<string, number> = { userId };
  itemIds.forEach((id, i) => (values[`item${i}`] = id));
  const rows = readSync(db).all(itemVotesQuery(db, String(itemIds.length), values));
  return Object.fromEntries(rows.map((r) => [r.item_id, r.value]));
}

// Once per page of a list: compiled once per number of items (a page holds at most PAGE_SIZE).
const itemVotesQuery = compiledQuery<Record<string, number>, { item_id: number; value: VoteValue }>((db, p, count) =>
  db
    .selectFrom('consultation_item_votes')
    .select(['item_id', 'value'])
    .where('user_id', '=', p.userId!)
    .where('item_id', 'in', Array.from({ length: Number(count) }, (_, i) => p[`item${i}`]!)),
);

/** An item of THIS step (whatever its status: the caller decides), with its core row and what its section allows. */
export function findItem(db: Db, stepId: number, itemId: number) {
  return readSync(db).first(
    db
      .selectFrom('consultation_items as i')
      .innerJoin('contributions as c', 'c.id', 'i.contribution_id')
      .innerJoin('users as u', 'u.id', 'c.author_id')
      .innerJoin('consultation_sections as s', 's.id', 'i.section_id')
      .leftJoin('consultation_contribution_types as t', 't.id', 'i.type_id')
      .select([
        ...itemColumns,
        'i.proposed_text',
        'c.status',
        'c.step_id',
        'c.moderation_reason',
        (eb) => editedByModeration(eb, 'c.id').as('edited'),
        's.title as section_title',
        's.allow_votes',
        's.allow_amendments',
        's.allow_arguments',
        's.allow_sources',
      ])
      .where('i.contribution_id', '=', itemId)
      .where('c.step_id', '=', stepId),
  );
}
export type Item = NonNullable<ReturnType<typeof findItem>>;

export interface NewOpinion {
  sectionId: number;
  authorId: number;
  typeId: number;
  title: string;
  body: string;
}

/** The core row, the item row and the counters, together; a pre-moderated one is counted once approved. */
export function createOpinion(db: Db, step: Step, o: NewOpinion, now = new Date().toISOString()): number {
  return write(db, (tx) => {
    const status = initialStatus(db, step, o.authorId);
    const n = status === 'published' ? 1 : 0;
    const id = tx.run(
      db.insertInto('contributions').values({ step_id: step.id, author_id: o.authorId, parent_id: null, kind: 'opinion', status, title: o.title, body_md: o.body, created_at: now }),
    ).lastInsertRowid;
    tx.run(db.insertInto('consultation_items').values({ contribution_id: id, section_id: o.sectionId, kind: 'opinion', type_id: o.typeId, published: n, created_at: now }));
    tx.run(db.updateTable('consultation_sections').set((eb) => ({ contributions_count: eb('contributions_count', '+', n) })).where('id', '=', o.sectionId));
    recordParticipation(db, tx, step, o.authorId, { contributions: n });
    contributionWritten(db, tx, { id: Number(id), authorId: o.authorId, step, parentId: null, status }, now);
    return id;
  });
}

/** Thrown inside the edit transaction when votes exist and the author did not confirm. */
export class ResetNotConfirmed extends Error {}

export interface ItemEdit {
  title: string;
  body: string;
  typeId: number | null;
  proposedText: string | null;
  confirmReset: boolean;
}

/**
 * Saves the author's edit. Votes were given to the old text, so they are deleted and every
 * counter corrected in the same transaction; the check of votes happens inside it too.
 */
export function updateItem(db: Db, step: Step, item: Pick<Item, 'id' | 'kind' | 'author_id'>, e: ItemEdit, now = new Date().toISOString()): { votesRemoved: number } {
  return write(db, (tx) => {
    const row = tx.first(db.selectFrom('consultation_items').select('votes_total').where('contribution_id', '=', item.id));
    if (row && row.votes_total > 0 && !e.confirmReset) throw new ResetNotConfirmed();
    tx.run(db.updateTable('contributions').set({ title: e.title, body_md: e.body, edited_at: now }).where('id', '=', item.id));
    const removed = tx.run(db.deleteFrom('consultation_item_votes').where('item_id', '=', item.id)).changes;
    tx.run(
      db
        .updateTable('consultation_items')
        .set({
          votes_agree: 0,
          votes_mitigated: 0,
          votes_disagree: 0,
          votes_total: 0,
          controversy: 0,
          ...(item.kind === 'opinion' && e.typeId !== null ? { type_id: e.typeId } : {}),
          ...(item.kind === 'amendment' && e.proposedText !== null ? { proposed_text: e.proposedText } : {}),
        })
        .where('contribution_id', '=', item.id),
    );
    recordParticipation(db, tx, step, item.author_id, { votes: -removed });
    return { votesRemoved: removed };
  });
}

/** The author withdraws the item: trashed, out of the lists, counters decremented once. */
export function trashItem(db: Db, step: Step, item: Pick<Item, 'id' | 'kind' | 'author_id' | 'section_id'>): boolean {
  return write(db, (tx) => {
    const changed = tx.run(db.updateTable('contributions').set({ status: 'trashed' }).where('id', '=', item.id).where('status', '=', sql.lit('published'))).changes;
    if (changed === 0) return false;
    tx.run(db.updateTable('consultation_items').set({ published: 0 }).where('contribution_id', '=', item.id));
    const column = item.kind === 'amendment' ? 'amendments_count' : 'contributions_count';
    tx.run(db.updateTable('consultation_sections').set((eb) => ({ [column]: eb(column, '-', 1) })).where('id', '=', item.section_id));
    recordParticipation(db, tx, step, item.author_id, { contributions: -1 });
    return true;
  });
}
