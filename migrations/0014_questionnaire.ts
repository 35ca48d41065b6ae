// The questionnaire step: its questions (the form engine's definitions, JSON settings and rules),
// one row of counters per step, responses (drafts and submitted; one submitted per person when
// the step says so, kept by a partial UNIQUE index), free-text answers apart for paging and
// search, and the results as counters per question, segment and value, moved by each submission.
import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('questionnaire_steps')
    .addColumn('step_id', 'integer', (c) => c.primaryKey().references('steps.id').onDelete('cascade'))
    .addColumn('responses_count', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('questions_count', 'integer', (c) => c.notNull().defaultTo(0))
    .execute();

  await db.schema
    .createTable('questionnaire_questions')
    .addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
    .addColumn('step_id', 'integer', (c) => c.notNull().references('steps.id').onDelete('cascade'))
    .addColumn('position', 'integer', (c) => c.notNull())
    .addColumn('type', 'text', (c) => c.notNull())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('help', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('required', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('private', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('config', 'text', (c) => c.notNull().defaultTo('{}'))
    .addColumn('show_if', 'text', (c) => c.notNull().defaultTo('[]'))
    .addColumn('jump', 'text')
    .execute();
  await db.schema.createIndex('questionnaire_questions_order').on('questionnaire_questions').columns(['step_id', 'position', 'id']).execute();

  // user_id is null for anonymous answers, which a one-time token identifies (its draft, then
  // its single submission). `single` is 1 when the step allowed one response per person at submit.
  await db.schema
    .createTable('questionnaire_responses')
    .addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
    .addColumn('step_id', 'integer', (c) => c.notNull().references('steps.id').onDelete('cascade'))
    .addColumn('user_id', 'integer', (c) => c.references('users.id'))
    .addColumn('token', 'text', (c) => c.unique())
    .addColumn('status', 'text', (c) => c.notNull().check(sql`status in ('draft', 'submitted')`))
    .addColumn('single', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('answers', 'text', (c) => c.notNull().defaultTo('{}'))
    .addColumn('page', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('segment', 'text', (c) => c.notNull().defaultTo(''))
    // A draft that edits a submitted response (changes allowed until the close) names it.
    .addColumn('replaces', 'integer')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('submitted_at', 'text')
    .execute();
  // The database keeps one draft per person and step, and one submission where the step says so.
  await sql`create unique index questionnaire_responses_one_draft on questionnaire_responses (step_id, user_id) where status = 'draft' and user_id is not null`.execute(db);
  await sql`create unique index questionnaire_responses_one_submitted on questionnaire_responses (step_id, user_id) where status = 'submitted' and single = 1 and user_id is not null`.execute(db);
  // Exports walk submitted responses by id (keyset); the account export finds a person's.
  await db.schema.createIndex('questionnaire_responses_step').on('questionnaire_responses').columns(['step_id', 'status', 'id']).execute();
  await db.schema.createIndex('questionnaire_responses_user').on('questionnaire_responses').columns(['user_id']).execute();

  // Free-text answers of submitted responses, listed per question page by page.
  await db.schema
    .createTable('questionnaire_texts')
    .addColumn('response_id', 'integer', (c) => c.notNull().references('questionnaire_responses.id').onDelete('cascade'))
    .addColumn('question_id', 'integer', (c) => c.notNull().references('questionnaire_questions.id').onDelete('cascade'))
    .addColumn('segment', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('body', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('questionnaire_texts_pk', ['question_id', 'response_id'])
    .execute();

  // Results: how many respondents gave each value ('answered' counts those who answered at all;
  // a choice is its option index, a grid cell 'row:column', a number its value) per segment
  // ('' for everyone, 'd<id>' per district). The results page reads one range of this key.
  await db.schema
    .createTable('questionnaire_counts')
    .addColumn('step_id', 'integer', (c) => c.notNull().references('steps.id').onDelete('cascade'))
    .addColumn('segment', 'text', (c) => c.notNull())
    .addColumn('question_id', 'integer', (c) => c.notNull())
    .addColumn('slot', 'text', (c) => c.notNull())
    .addColumn('n', 'integer', (c) => c.notNull().defaultTo(0))
    .addPrimaryKeyConstraint('questionnaire_counts_pk', ['step_id', 'segment', 'question_id', 'slot'])
    .modifyEnd(sql`without rowid`)
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const t of ['questionnaire_counts', 'questionnaire_texts', 'questionnaire_responses', 'questionnaire_questions', 'questionnaire_steps']) await db.schema.dropTable(t).execute();
}
