// The consultation step ("Parlement & Citoyens"): a tree of sections of a draft text, the
// contribution types the administrator defines, and what citizens write on it. Opinions and
// amendments are contributions (core table) with their section, counters and, for amendments,
// the proposed text here; arguments and sources are contributions whose parent is one of them.
// Votes carry a primary key per person and item: the database guarantees one vote each.
import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('consultation_contribution_types')
    .addColumn('id', 'integer', (c) => c.primaryKey())
    .addColumn('step_id', 'integer', (c) => c.notNull().references('steps.id').onDelete('cascade'))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('colour', 'text', (c) => c.notNull())
    .addColumn('position', 'integer', (c) => c.notNull().defaultTo(0))
    .execute();
  await db.schema.createIndex('consultation_contribution_types_step').on('consultation_contribution_types').column('step_id').execute();

  await db.schema
    .createTable('consultation_sections')
    .addColumn('id', 'integer', (c) => c.primaryKey())
    .addColumn('step_id', 'integer', (c) => c.notNull().references('steps.id').onDelete('cascade'))
    .addColumn('parent_id', 'integer', (c) => c.references('consultation_sections.id').onDelete('cascade'))
    .addColumn('position', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('body_md', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('allow_amendments', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('allow_arguments', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('allow_sources', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('allow_votes', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('default_sort', 'text', (c) => c.notNull().defaultTo('newest').check(sql`default_sort in ('newest', 'oldest', 'votes', 'agreed', 'controversial', 'random')`))
    .addColumn('contributions_count', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('amendments_count', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('votes_agree', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('votes_mitigated', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('votes_disagree', 'integer', (c) => c.notNull().defaultTo(0))
    .execute();
  await db.schema.createIndex('consultation_sections_tree').on('consultation_sections').columns(['step_id', 'parent_id', 'position']).execute();

  // Which contribution types are open in a section (none: no contributions there).
  await db.schema
    .createTable('consultation_section_types')
    .addColumn('section_id', 'integer', (c) => c.notNull().references('consultation_sections.id').onDelete('cascade'))
    .addColumn('type_id', 'integer', (c) => c.notNull().references('consultation_contribution_types.id').onDelete('cascade'))
    .addPrimaryKeyConstraint('consultation_section_types_pk', ['section_id', 'type_id'])
    .execute();

  // Opinions (kind 'opinion', with a type) and amendments (kind 'amendment', with proposed_text).
  // The counters are kept in the write transactions; `controversy` = 2 × min(agree, disagree):
  // high when many people vote and split evenly. `status` and `created_at` are copied from the
  // core row so each sort is one index range scan.
  await db.schema
    .createTable('consultation_items')
    .addColumn('contribution_id', 'integer', (c) => c.primaryKey().references('contributions.id').onDelete('cascade'))
    .addColumn('section_id', 'integer', (c) => c.notNull().references('consultation_sections.id').onDelete('cascade'))
    .addColumn('kind', 'text', (c) => c.notNull().check(sql`kind in ('opinion', 'amendment')`))
    .addColumn('type_id', 'integer', (c) => c.references('consultation_contribution_types.id').onDelete('set null'))
    .addColumn('proposed_text', 'text')
    .addColumn('published', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('votes_agree', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('votes_mitigated', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('votes_disagree', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('votes_total', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('controversy', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('arguments_for', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('arguments_against', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('sources_count', 'integer', (c) => c.notNull().defaultTo(0))
    .execute();
  for (const column of ['created_at', 'votes_total', 'votes_agree', 'controversy'] as const) {
    await db.schema
      .createIndex(`consultation_items_${column}`)
      .on('consultation_items')
      .columns(['section_id', 'kind', 'published', column, 'contribution_id'])
      .execute();
  }

  await db.schema
    .createTable('consultation_arguments')
    .addColumn('contribution_id', 'integer', (c) => c.primaryKey().references('contributions.id').onDelete('cascade'))
    .addColumn('item_id', 'integer', (c) => c.notNull().references('consultation_items.contribution_id').onDelete('cascade'))
    .addColumn('side', 'text', (c) => c.notNull().check(sql`side in ('for', 'against')`))
    .addColumn('useful_count', 'integer', (c) => c.notNull().defaultTo(0))
    .execute();
  await db.schema.createIndex('consultation_arguments_item').on('consultation_arguments').columns(['item_id', 'side', 'useful_count']).execute();

  await db.schema
    .createTable('consultation_sources')
    .addColumn('contribution_id', 'integer', (c) => c.primaryKey().references('contributions.id').onDelete('cascade'))
    .addColumn('item_id', 'integer', (c) => c.notNull().references('consultation_items.contribution_id').onDelete('cascade'))
    .addColumn('url', 'text', (c) => c.notNull())
    .addColumn('category', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('consultation_sources_item').on('consultation_sources').column('item_id').execute();

  const vote = (c: any) => c.notNull().check(sql`value in ('agree', 'mitigated', 'disagree')`);
  await db.schema
    .createTable('consultation_section_votes')
    .addColumn('section_id', 'integer', (c) => c.notNull().references('consultation_sections.id').onDelete('cascade'))
    .addColumn('user_id', 'integer', (c) => c.notNull().references('users.id'))
    .addColumn('value', 'text', vote)
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('consultation_section_votes_pk', ['section_id', 'user_id'])
    .execute();
  await db.schema
    .createTable('consultation_item_votes')
    .addColumn('item_id', 'integer', (c) => c.notNull().references('consultation_items.contribution_id').onDelete('cascade'))
    .addColumn('user_id', 'integer', (c) => c.notNull().references('users.id'))
    .addColumn('value', 'text', vote)
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('consultation_item_votes_pk', ['item_id', 'user_id'])
    .execute();
  await db.schema
    .createTable('consultation_useful_marks')
    .addColumn('argument_id', 'integer', (c) => c.notNull().references('consultation_arguments.contribution_id').onDelete('cascade'))
    .addColumn('user_id', 'integer', (c) => c.notNull().references('users.id'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('consultation_useful_marks_pk', ['argument_id', 'user_id'])
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const t of ['consultation_useful_marks', 'consultation_item_votes', 'consultation_section_votes', 'consultation_sources', 'consultation_arguments', 'consultation_items', 'consultation_section_types', 'consultation_sections', 'consultation_contribution_types']) {
    await db.schema.dropTable(t).execute();
  }
}
