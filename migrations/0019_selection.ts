// The selection step: proposals of a collect step brought into a vote (supports or a budget),
// the people's ballots and votes, paper counts, the results once published, and the follow-up
// of the winners. The proposals themselves stay the collect module's rows: this module works on
// them (see src/modules/selection/manifest.ts), so it needs the collect module enabled.
import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  // Made by the first write on the step: when the public sees the counts, when the results were
  // published (null: not yet).
  await db.schema
    .createTable('selection_steps')
    .addColumn('step_id', 'integer', (c) => c.primaryKey().references('steps.id').onDelete('cascade'))
    .addColumn('counts_public_at', 'text')
    .addColumn('results_published_at', 'text')
    .execute();

  // A budget per envelope when it differs from the step's: one per district, and the city-wide
  // envelope (district_id null). A person votes in one district envelope and the city-wide one.
  await db.schema
    .createTable('selection_envelopes')
    .addColumn('step_id', 'integer', (c) => c.notNull().references('steps.id').onDelete('cascade'))
    .addColumn('district_id', 'integer', (c) => c.references('districts.id').onDelete('cascade'))
    .addColumn('budget', 'integer', (c) => c.notNull().check(sql`budget >= 0`))
    .execute();
  await sql`CREATE UNIQUE INDEX selection_envelopes_key ON selection_envelopes (step_id, ifnull(district_id, 0))`.execute(db);

  // A proposal in the vote: its envelope (district, or null for city-wide) and cost as imported
  // (an analyst's revised cost when there is one), its counted votes and points (moved in the
  // same transaction as the votes, DESIGN: counters), the paper votes staff entered, whether it
  // won once the results are published, and its realisation progress.
  await db.schema
    .createTable('selection_proposals')
    .addColumn('step_id', 'integer', (c) => c.notNull().references('steps.id').onDelete('cascade'))
    .addColumn('proposal_id', 'integer', (c) => c.notNull().references('collect_proposals.contribution_id').onDelete('cascade'))
    .addColumn('district_id', 'integer', (c) => c.references('districts.id').onDelete('set null'))
    .addColumn('cost', 'integer', (c) => c.notNull().defaultTo(0).check(sql`cost >= 0`))
    .addColumn('votes_count', 'integer', (c) => c.notNull().defaultTo(0).check(sql`votes_count >= 0`))
    .addColumn('points', 'integer', (c) => c.notNull().defaultTo(0).check(sql`points >= 0`))
    .addColumn('paper_votes', 'integer', (c) => c.notNull().defaultTo(0).check(sql`paper_votes >= 0`))
    .addColumn('winner', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('progress', 'integer', (c) => c.notNull().defaultTo(0).check(sql`progress BETWEEN 0 AND 100`))
    .addColumn('added_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('selection_proposals_pk', ['step_id', 'proposal_id'])
    .execute();
  const index = (name: string, columns: string[]) => db.schema.createIndex(`selection_proposals_${name}`).on('selection_proposals').columns(columns).execute();
  await index('supports', ['step_id', 'votes_count', 'proposal_id']);
  await index('district', ['step_id', 'district_id', 'votes_count', 'proposal_id']);
  await index('proposal', ['proposal_id']);

  // One ballot per person and step (the primary key): the envelope they vote in, how many votes
  // it holds, whether they count (the minimum is reached, and it is validated when the step asks
  // for that), and when it was validated.
  await db.schema
    .createTable('selection_ballots')
    .addColumn('step_id', 'integer', (c) => c.notNull().references('steps.id').onDelete('cascade'))
    .addColumn('user_id', 'integer', (c) => c.notNull().references('users.id'))
    .addColumn('district_id', 'integer', (c) => c.references('districts.id').onDelete('set null'))
    .addColumn('votes', 'integer', (c) => c.notNull().defaultTo(0).check(sql`votes >= 0`))
    .addColumn('counted', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('validated_at', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('selection_ballots_pk', ['step_id', 'user_id'])
    .execute();
  await db.schema.createIndex('selection_ballots_user').on('selection_ballots').column('user_id').execute();

  // A person's vote for a proposal: the primary key makes a second one impossible, whatever the
  // concurrency. `position` orders a ranked ballot (0 is the first choice).
  await db.schema
    .createTable('selection_votes')
    .addColumn('step_id', 'integer', (c) => c.notNull())
    .addColumn('proposal_id', 'integer', (c) => c.notNull())
    .addColumn('user_id', 'integer', (c) => c.notNull().references('users.id'))
    .addColumn('position', 'integer', (c) => c.notNull().defaultTo(0).check(sql`position >= 0`))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('selection_votes_pk', ['step_id', 'user_id', 'proposal_id'])
    .addForeignKeyConstraint('selection_votes_proposal', ['step_id', 'proposal_id'], 'selection_proposals', ['step_id', 'proposal_id'], (fk) => fk.onDelete('cascade'))
    .addForeignKeyConstraint('selection_votes_ballot', ['step_id', 'user_id'], 'selection_ballots', ['step_id', 'user_id'], (fk) => fk.onDelete('cascade'))
    .execute();
  await db.schema.createIndex('selection_votes_proposal').on('selection_votes').columns(['step_id', 'proposal_id']).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const table of ['selection_votes', 'selection_ballots', 'selection_proposals', 'selection_envelopes', 'selection_steps']) await db.schema.dropTable(table).execute();
}
