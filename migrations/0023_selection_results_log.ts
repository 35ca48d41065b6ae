// The selection step's results log (each publication and each withdrawal, by whom, with the
// reason of a withdrawal), a winner's milestones kept in a dense, unique order (0, 1, 2, ...)
// now that they can be moved up and down, and the date a winner's news post was last edited.
import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  // Published results can be withdrawn (an error found in the paper ballots), corrected and
  // published again: the log keeps what happened and why, the municipality's record.
  await db.schema
    .createTable('selection_results_log')
    .addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
    .addColumn('step_id', 'integer', (c) => c.notNull().references('selection_steps.step_id').onDelete('cascade'))
    .addColumn('action', 'text', (c) => c.notNull().check(sql`action in ('published', 'withdrawn')`))
    .addColumn('reason', 'text')
    .addColumn('user_id', 'integer', (c) => c.references('users.id'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('selection_results_log_step').on('selection_results_log').columns(['step_id', 'id']).execute();
  await db.schema.createIndex('selection_results_log_user').on('selection_results_log').column('user_id').execute();

  // Milestones renumbered 0..n-1 per winner in their current order (a deleted one left a gap),
  // then the order made unique by the database: two milestones can never share a place.
  await sql`update selection_milestones set position = r.n
    from (select id, row_number() over (partition by step_id, proposal_id order by position, id) - 1 as n from selection_milestones) as r
    where r.id = selection_milestones.id`.execute(db);
  await db.schema.dropIndex('selection_milestones_proposal').execute();
  await db.schema.createIndex('selection_milestones_position').on('selection_milestones').columns(['step_id', 'proposal_id', 'position']).unique().execute();

  // A news post corrected after its publication says so on the proposal's page.
  await db.schema.alterTable('selection_updates').addColumn('edited_at', 'text').execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('selection_updates').dropColumn('edited_at').execute();
  await db.schema.dropIndex('selection_milestones_position').execute();
  await db.schema.createIndex('selection_milestones_proposal').on('selection_milestones').columns(['step_id', 'proposal_id', 'position']).execute();
  await db.schema.dropTable('selection_results_log').execute();
}
