// The debate step: a question with two sides. Per step, its counters and conclusion; the two
// invited opinions; one vote per person (primary key); arguments, which are contributions (core
// table) with their side here, one per person and side (UNIQUE); "useful" marks, one per person.
import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  const side = (c: any) => c.notNull().check(sql`side in ('for', 'against')`);

  // Created by the first write on the step (a step is made by the projects admin, which knows
  // no module); a missing row reads as zeros.
  await db.schema
    .createTable('debate_steps')
    .addColumn('step_id', 'integer', (c) => c.primaryKey().references('steps.id').onDelete('cascade'))
    .addColumn('votes_for', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('votes_against', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('arguments_for', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('arguments_against', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('conclusion_md', 'text')
    .addColumn('conclusion_at', 'text')
    .execute();

  // Written by the administrator on behalf of an invited person: no account behind them.
  await db.schema
    .createTable('debate_opinions')
    .addColumn('step_id', 'integer', (c) => c.notNull().references('steps.id').onDelete('cascade'))
    .addColumn('side', 'text', side)
    .addColumn('author_name', 'text', (c) => c.notNull())
    .addColumn('author_role', 'text', (c) => c.notNull())
    .addColumn('body_md', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('debate_opinions_pk', ['step_id', 'side'])
    .execute();

  await db.schema
    .createTable('debate_votes')
    .addColumn('step_id', 'integer', (c) => c.notNull().references('steps.id').onDelete('cascade'))
    .addColumn('user_id', 'integer', (c) => c.notNull().references('users.id'))
    .addColumn('side', 'text', side)
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('debate_votes_pk', ['step_id', 'user_id'])
    .execute();

  // author_id repeats the core row's so that the database, not the code, keeps one argument per
  // person and side. Ids grow in posting order: "newest first" is the highest id first.
  await db.schema
    .createTable('debate_arguments')
    .addColumn('contribution_id', 'integer', (c) => c.primaryKey().references('contributions.id').onDelete('cascade'))
    .addColumn('step_id', 'integer', (c) => c.notNull().references('steps.id').onDelete('cascade'))
    .addColumn('author_id', 'integer', (c) => c.notNull().references('users.id'))
    .addColumn('side', 'text', side)
    .addColumn('useful_count', 'integer', (c) => c.notNull().defaultTo(0))
    .addUniqueConstraint('debate_arguments_one_per_side', ['step_id', 'author_id', 'side'])
    .execute();
  // One index per sort, so a column's page is one index range scan.
  await db.schema.createIndex('debate_arguments_useful').on('debate_arguments').columns(['step_id', 'side', 'useful_count', 'contribution_id']).execute();
  await db.schema.createIndex('debate_arguments_newest').on('debate_arguments').columns(['step_id', 'side', 'contribution_id']).execute();

  await db.schema
    .createTable('debate_useful_marks')
    .addColumn('argument_id', 'integer', (c) => c.notNull().references('debate_arguments.contribution_id').onDelete('cascade'))
    .addColumn('user_id', 'integer', (c) => c.notNull().references('users.id'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('debate_useful_marks_pk', ['argument_id', 'user_id'])
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const t of ['debate_useful_marks', 'debate_arguments', 'debate_votes', 'debate_opinions', 'debate_steps']) await db.schema.dropTable(t).execute();
}
