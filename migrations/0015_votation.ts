// The votation step: questions and their options; the electoral roll with its access codes
// (stored only as HMACs); the register of who voted (émargement) and, apart from it, the ballot
// box: ballots keyed by a random 128-bit id, with no person and no time, in a WITHOUT ROWID
// table so that their storage order follows the random id, not the order of voting.
import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  // Made by the first write on the step; a missing row reads as zero voters, not sealed.
  await db.schema
    .createTable('votation_steps')
    .addColumn('step_id', 'integer', (c) => c.primaryKey().references('steps.id').onDelete('cascade'))
    .addColumn('voters_count', 'integer', (c) => c.notNull().defaultTo(0))
    // Set once, at the first read after the close: the SHA-256 of the canonical ballot file
    // and the results computed from it (JSON).
    .addColumn('sealed_at', 'text')
    .addColumn('ballots_sha256', 'text')
    .addColumn('ballots_count', 'integer')
    .addColumn('results_json', 'text')
    .execute();

  await db.schema
    .createTable('votation_questions')
    .addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
    .addColumn('step_id', 'integer', (c) => c.notNull().references('steps.id').onDelete('cascade'))
    .addColumn('position', 'integer', (c) => c.notNull())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('method', 'text', (c) => c.notNull().check(sql`method in ('single', 'approval', 'majority', 'ranked')`))
    .addColumn('max_choices', 'integer')
    .addColumn('blank_allowed', 'integer', (c) => c.notNull().defaultTo(0))
    // The options and, for majority judgment, the grades best first: JSON arrays of labels.
    .addColumn('options_json', 'text', (c) => c.notNull())
    .addColumn('grades_json', 'text')
    .execute();
  await db.schema.createIndex('votation_questions_step').on('votation_questions').columns(['step_id', 'position']).execute();

  await db.schema
    .createTable('votation_roll')
    .addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
    .addColumn('step_id', 'integer', (c) => c.notNull().references('steps.id').onDelete('cascade'))
    .addColumn('identifier', 'text', (c) => c.notNull())
    .addColumn('name', 'text')
    .addColumn('email', 'text')
    // HMAC-SHA-256 of the access code, keyed by the instance's votation key (never the code).
    .addColumn('code_hash', 'blob')
    .addUniqueConstraint('votation_roll_identifier', ['step_id', 'identifier'])
    .addUniqueConstraint('votation_roll_code', ['step_id', 'code_hash'])
    .execute();

  // The émargement: one row per voter and step, whether an account or a roll entry.
  await db.schema
    .createTable('votation_voters')
    .addColumn('step_id', 'integer', (c) => c.notNull().references('steps.id').onDelete('cascade'))
    .addColumn('user_id', 'integer', (c) => c.references('users.id'))
    .addColumn('roll_id', 'integer', (c) => c.references('votation_roll.id'))
    .addCheckConstraint('votation_voters_one_kind', sql`(user_id is null) <> (roll_id is null)`)
    .addUniqueConstraint('votation_voters_user', ['step_id', 'user_id'])
    .addUniqueConstraint('votation_voters_roll', ['step_id', 'roll_id'])
    .execute();

  await sql`create table votation_ballots (
    step_id integer not null references steps(id) on delete cascade,
    id text not null check (length(id) = 32),
    answers text not null,
    primary key (step_id, id)
  ) without rowid`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const t of ['votation_ballots', 'votation_voters', 'votation_roll', 'votation_questions', 'votation_steps']) await db.schema.dropTable(t).execute();
}
