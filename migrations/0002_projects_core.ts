// Projects and their dated steps, the lists administrators manage (themes, districts, user
// groups), participation requirements, and the core every contribution shares (DESIGN: the
// data spine). Counters shown on lists live on the rows and change in the same transaction.
import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('themes')
    .addColumn('id', 'integer', (c) => c.primaryKey())
    .addColumn('name', 'text', (c) => c.notNull().unique())
    .execute();
  await db.schema
    .createTable('districts')
    .addColumn('id', 'integer', (c) => c.primaryKey())
    .addColumn('name', 'text', (c) => c.notNull().unique())
    .addColumn('geojson', 'text') // outline for the maps of later modules
    .execute();
  await db.schema
    .createTable('user_groups')
    .addColumn('id', 'integer', (c) => c.primaryKey())
    .addColumn('name', 'text', (c) => c.notNull().unique())
    .execute();
  await db.schema
    .createTable('user_group_members')
    .addColumn('group_id', 'integer', (c) => c.notNull().references('user_groups.id').onDelete('cascade'))
    .addColumn('user_id', 'integer', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addPrimaryKeyConstraint('user_group_members_pk', ['group_id', 'user_id'])
    .execute();

  // What a person declares to meet a step's requirements.
  await db.schema.alterTable('users').addColumn('postal_code', 'text').execute();
  await db.schema.alterTable('users').addColumn('district_id', 'integer', (c) => c.references('districts.id').onDelete('set null')).execute();

  await db.schema
    .createTable('projects')
    .addColumn('id', 'integer', (c) => c.primaryKey())
    .addColumn('slug', 'text', (c) => c.notNull().unique())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('summary', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('body_md', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('cover_path', 'text')
    .addColumn('visibility', 'text', (c) => c.notNull().defaultTo('draft').check(sql`visibility in ('draft', 'public', 'restricted')`))
    .addColumn('archived', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('participants_count', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('contributions_count', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('votes_count', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  for (const [table, column, target] of [
    ['project_themes', 'theme_id', 'themes.id'],
    ['project_districts', 'district_id', 'districts.id'],
    ['project_groups', 'group_id', 'user_groups.id'],
  ] as const) {
    await db.schema
      .createTable(table)
      .addColumn('project_id', 'integer', (c) => c.notNull().references('projects.id').onDelete('cascade'))
      .addColumn(column, 'integer', (c) => c.notNull().references(target).onDelete('cascade'))
      .addPrimaryKeyConstraint(`${table}_pk`, ['project_id', column])
      .execute();
    await db.schema.createIndex(`${table}_${column}`).on(table).column(column).execute();
  }
  // One row per person who took part in a project: its insert decides whether
  // participants_count goes up, so the count stays exact without counting rows.
  await db.schema
    .createTable('project_participants')
    .addColumn('project_id', 'integer', (c) => c.notNull().references('projects.id').onDelete('cascade'))
    .addColumn('user_id', 'integer', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addPrimaryKeyConstraint('project_participants_pk', ['project_id', 'user_id'])
    .execute();

  await db.schema
    .createTable('steps')
    .addColumn('id', 'integer', (c) => c.primaryKey())
    .addColumn('project_id', 'integer', (c) => c.notNull().references('projects.id').onDelete('cascade'))
    .addColumn('position', 'integer', (c) => c.notNull())
    .addColumn('type', 'text', (c) => c.notNull()) // a module's slug
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('body_md', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('starts_at', 'text') // UTC ISO; NULL: open from the start
    .addColumn('ends_at', 'text') // UTC ISO; NULL: open-ended
    .addColumn('settings', 'text', (c) => c.notNull().defaultTo('{}')) // JSON, per the module's manifest
    .addColumn('require_postal_code', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('require_district', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('require_checkbox_label', 'text') // a custom statement to tick, NULL: none
    .addColumn('contributions_count', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('votes_count', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('steps_project_position').on('steps').columns(['project_id', 'position']).execute();
  await db.schema
    .createTable('step_checkbox_acceptances')
    .addColumn('step_id', 'integer', (c) => c.notNull().references('steps.id').onDelete('cascade'))
    .addColumn('user_id', 'integer', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('accepted_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('step_checkbox_acceptances_pk', ['step_id', 'user_id'])
    .execute();

  // Everything a participant writes shares this core; kind-specific fields live in the
  // module's own tables keyed by contribution id.
  await db.schema
    .createTable('contributions')
    .addColumn('id', 'integer', (c) => c.primaryKey())
    .addColumn('step_id', 'integer', (c) => c.notNull().references('steps.id').onDelete('cascade'))
    .addColumn('author_id', 'integer', (c) => c.notNull().references('users.id'))
    .addColumn('parent_id', 'integer', (c) => c.references('contributions.id').onDelete('cascade'))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull().defaultTo('published').check(sql`status in ('published', 'pending', 'hidden', 'trashed')`))
    .addColumn('title', 'text')
    .addColumn('body_md', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('edited_at', 'text')
    .execute();
  await db.schema.createIndex('contributions_step_kind').on('contributions').columns(['step_id', 'kind', 'status', 'created_at']).execute();
  await db.schema.createIndex('contributions_parent').on('contributions').columns(['parent_id', 'kind', 'status']).execute();
  await db.schema.createIndex('contributions_author').on('contributions').columns(['author_id', 'created_at']).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const t of ['contributions', 'step_checkbox_acceptances', 'steps', 'project_participants', 'project_groups', 'project_districts', 'project_themes', 'projects']) {
    await db.schema.dropTable(t).execute();
  }
  await db.schema.alterTable('users').dropColumn('district_id').execute();
  await db.schema.alterTable('users').dropColumn('postal_code').execute();
  for (const t of ['user_group_members', 'user_groups', 'districts', 'themes']) await db.schema.dropTable(t).execute();
}
