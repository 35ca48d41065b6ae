// One stored random order of the proposals (a `shuffle` key drawn once per proposal) with the
// indexes that walk it, and the selection list's indexes for its comments and cost sorts.
import { sql, type Kysely } from 'kysely';

// A key in [1, 2^31 - 1), as rules.newShuffleKey draws them; 0 means "not drawn yet".
const DRAW = sql`1 + abs(random() % 2147483646)`;

export async function up(db: Kysely<any>): Promise<void> {
  // The collect list walks (step_id, published, shuffle); the rowid (contribution_id) ends every
  // index entry, so ties between equal keys come in id order without a sort.
  await db.schema.alterTable('collect_proposals').addColumn('shuffle', 'integer', (c) => c.notNull().defaultTo(0)).execute();
  await sql`update collect_proposals set shuffle = ${DRAW}`.execute(db);
  await db.schema.createIndex('collect_proposals_shuffle').on('collect_proposals').columns(['step_id', 'published', 'shuffle']).execute();
  // The module's writes draw the key themselves; a row inserted without one (bulk loads, other
  // modules' fixtures) gets one here, so the order never degrades to id order.
  await sql`create trigger collect_proposals_shuffle after insert on collect_proposals when new.shuffle = 0 begin
    update collect_proposals set shuffle = ${DRAW} where contribution_id = new.contribution_id;
  end`.execute(db);

  // The vote's own copies, so that each of its sorts walks one index of selection_proposals: a
  // proposal keeps its collect key (one order, the same place in both lists), and the comment
  // counter is kept by triggers as collect's own copy is (migration 0016).
  await db.schema.alterTable('selection_proposals').addColumn('shuffle', 'integer', (c) => c.notNull().defaultTo(0)).execute();
  await db.schema.alterTable('selection_proposals').addColumn('comments_count', 'integer', (c) => c.notNull().defaultTo(0)).execute();
  await sql`update selection_proposals set
    shuffle = (select p.shuffle from collect_proposals p where p.contribution_id = selection_proposals.proposal_id),
    comments_count = (select p.comments_count from collect_proposals p where p.contribution_id = selection_proposals.proposal_id)`.execute(db);
  const index = (name: string, columns: string[]) => db.schema.createIndex(`selection_proposals_${name}`).on('selection_proposals').columns(columns).execute();
  await index('shuffle', ['step_id', 'shuffle', 'proposal_id']);
  await index('comments', ['step_id', 'comments_count', 'proposal_id']);
  // Cheapest walks it forwards, most expensive backwards.
  await index('cost', ['step_id', 'cost', 'proposal_id']);
  await sql`create trigger selection_proposals_copy after insert on selection_proposals begin
    update selection_proposals set
      shuffle = (select p.shuffle from collect_proposals p where p.contribution_id = new.proposal_id),
      comments_count = (select p.comments_count from collect_proposals p where p.contribution_id = new.proposal_id)
    where step_id = new.step_id and proposal_id = new.proposal_id;
  end`.execute(db);
  await sql`create trigger selection_comments_count after update of comments_count on collect_proposals when old.comments_count is not new.comments_count begin
    update selection_proposals set comments_count = new.comments_count where proposal_id = new.contribution_id;
  end`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const t of ['selection_comments_count', 'selection_proposals_copy', 'collect_proposals_shuffle']) await sql`drop trigger ${sql.ref(t)}`.execute(db);
  for (const i of ['selection_proposals_cost', 'selection_proposals_comments', 'selection_proposals_shuffle', 'collect_proposals_shuffle']) await db.schema.dropIndex(i).execute();
  await db.schema.alterTable('selection_proposals').dropColumn('comments_count').execute();
  await db.schema.alterTable('selection_proposals').dropColumn('shuffle').execute();
  await db.schema.alterTable('collect_proposals').dropColumn('shuffle').execute();
}
