// Analysis of a collect step's proposals by officials: decision makers named per step, analysts
// assigned per proposal, their opinions, the decision (retained for the vote or not, with a
// public reason: the official answer), merged duplicates and the pairs a moderator said are not
// duplicates. The selection step reads collect_decisions (decision = 'retained').
import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('collect_deciders')
    .addColumn('step_id', 'integer', (c) => c.notNull().references('steps.id').onDelete('cascade'))
    .addColumn('user_id', 'integer', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addPrimaryKeyConstraint('collect_deciders_pk', ['step_id', 'user_id'])
    .execute();

  await db.schema
    .createTable('collect_analysts')
    .addColumn('proposal_id', 'integer', (c) => c.notNull().references('collect_proposals.contribution_id').onDelete('cascade'))
    .addColumn('user_id', 'integer', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('step_id', 'integer', (c) => c.notNull().references('steps.id').onDelete('cascade'))
    .addPrimaryKeyConstraint('collect_analysts_pk', ['proposal_id', 'user_id'])
    .execute();
  // "My proposals to analyse": one range of this index per analyst and step.
  await db.schema.createIndex('collect_analysts_user').on('collect_analysts').columns(['user_id', 'step_id', 'proposal_id']).execute();

  // One opinion per proposal and analyst (the primary key), replaced when they change it.
  await db.schema
    .createTable('collect_analyses')
    .addColumn('proposal_id', 'integer', (c) => c.notNull().references('collect_proposals.contribution_id').onDelete('cascade'))
    .addColumn('analyst_id', 'integer', (c) => c.notNull().references('users.id'))
    .addColumn('opinion', 'text', (c) => c.notNull().check(sql`opinion in ('favourable', 'unfavourable')`))
    .addColumn('comment', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('revised_cost', 'integer')
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('collect_analyses_pk', ['proposal_id', 'analyst_id'])
    .execute();

  // The decision is the official answer shown on the proposal's page; one per proposal.
  await db.schema
    .createTable('collect_decisions')
    .addColumn('proposal_id', 'integer', (c) => c.primaryKey().references('collect_proposals.contribution_id').onDelete('cascade'))
    .addColumn('step_id', 'integer', (c) => c.notNull().references('steps.id').onDelete('cascade'))
    .addColumn('decision', 'text', (c) => c.notNull().check(sql`decision in ('retained', 'not_retained')`))
    .addColumn('reason_md', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('decided_by', 'integer', (c) => c.references('users.id'))
    .addColumn('decided_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('collect_decisions_step').on('collect_decisions').columns(['step_id', 'decision', 'proposal_id']).execute();

  // A merged proposal points to the one it was merged into; it leaves lists (published = 0).
  await db.schema.alterTable('collect_proposals').addColumn('merged_into', 'integer', (c) => c.references('collect_proposals.contribution_id')).execute();

  // Pairs a moderator said are not duplicates (first_id < second_id), so they leave the queue.
  await db.schema
    .createTable('collect_distinct_pairs')
    .addColumn('first_id', 'integer', (c) => c.notNull().references('collect_proposals.contribution_id').onDelete('cascade'))
    .addColumn('second_id', 'integer', (c) => c.notNull().references('collect_proposals.contribution_id').onDelete('cascade'))
    .addColumn('step_id', 'integer', (c) => c.notNull().references('steps.id').onDelete('cascade'))
    .addPrimaryKeyConstraint('collect_distinct_pairs_pk', ['first_id', 'second_id'])
    .addCheckConstraint('collect_distinct_pairs_order', sql`first_id < second_id`)
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const t of ['collect_distinct_pairs', 'collect_decisions', 'collect_analyses', 'collect_analysts', 'collect_deciders']) await db.schema.dropTable(t).execute();
  await db.schema.alterTable('collect_proposals').dropColumn('merged_into').execute();
}
