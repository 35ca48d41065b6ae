// The selection step's results and follow-up: paper points of ranked steps, the number of
// winners per envelope, the log of paper entries (who entered what, when), and the winners'
// realisation (milestones, news posts).
import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  // Ranked steps: the points the paper ballots give a proposal, counted by hand like the digital
  // ones (maximum votes − position).
  await db.schema.alterTable('selection_proposals').addColumn('paper_points', 'integer', (c) => c.notNull().defaultTo(0).check(sql`paper_points >= 0`)).execute();
  // At most this many winners per envelope (0: no number; a step without a budget then names no
  // winner, only a ranking).
  await db.schema.alterTable('selection_steps').addColumn('winners_max', 'integer', (c) => c.notNull().defaultTo(0).check(sql`winners_max >= 0`)).execute();

  // Every change of a proposal's paper counts, by whom: the counts can be checked against the
  // paper ballots afterwards.
  await db.schema
    .createTable('selection_paper_entries')
    .addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
    .addColumn('step_id', 'integer', (c) => c.notNull())
    .addColumn('proposal_id', 'integer', (c) => c.notNull())
    .addColumn('user_id', 'integer', (c) => c.references('users.id'))
    .addColumn('votes_before', 'integer', (c) => c.notNull())
    .addColumn('votes_after', 'integer', (c) => c.notNull())
    .addColumn('points_before', 'integer', (c) => c.notNull())
    .addColumn('points_after', 'integer', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addForeignKeyConstraint('selection_paper_entries_proposal', ['step_id', 'proposal_id'], 'selection_proposals', ['step_id', 'proposal_id'], (fk) => fk.onDelete('cascade'))
    .execute();
  await db.schema.createIndex('selection_paper_entries_step').on('selection_paper_entries').columns(['step_id', 'id']).execute();
  await db.schema.createIndex('selection_paper_entries_user').on('selection_paper_entries').column('user_id').execute();

  // A winner's realisation timeline, in `position` order.
  await db.schema
    .createTable('selection_milestones')
    .addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
    .addColumn('step_id', 'integer', (c) => c.notNull())
    .addColumn('proposal_id', 'integer', (c) => c.notNull())
    .addColumn('position', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('starts_on', 'text')
    .addColumn('ends_on', 'text')
    .addColumn('done', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addForeignKeyConstraint('selection_milestones_proposal', ['step_id', 'proposal_id'], 'selection_proposals', ['step_id', 'proposal_id'], (fk) => fk.onDelete('cascade'))
    .execute();
  await db.schema.createIndex('selection_milestones_proposal').on('selection_milestones').columns(['step_id', 'proposal_id', 'position']).execute();

  // News of a winner's realisation, written by staff, newest first.
  await db.schema
    .createTable('selection_updates')
    .addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
    .addColumn('step_id', 'integer', (c) => c.notNull())
    .addColumn('proposal_id', 'integer', (c) => c.notNull())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('body_md', 'text', (c) => c.notNull())
    .addColumn('author_id', 'integer', (c) => c.references('users.id'))
    .addColumn('published_at', 'text', (c) => c.notNull())
    .addForeignKeyConstraint('selection_updates_proposal', ['step_id', 'proposal_id'], 'selection_proposals', ['step_id', 'proposal_id'], (fk) => fk.onDelete('cascade'))
    .execute();
  await db.schema.createIndex('selection_updates_proposal').on('selection_updates').columns(['step_id', 'proposal_id', 'published_at']).execute();
  await db.schema.createIndex('selection_updates_author').on('selection_updates').column('author_id').execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const table of ['selection_updates', 'selection_milestones', 'selection_paper_entries']) await db.schema.dropTable(table).execute();
  await db.schema.alterTable('selection_steps').dropColumn('winners_max').execute();
  await db.schema.alterTable('selection_proposals').dropColumn('paper_points').execute();
}
