// The collect step (idea boxes, calls for projects, budget submissions): per step its form
// settings and reference counter, categories, statuses, custom questions (the form engine's
// definitions), proposals (contributions of kind 'proposal' with their fields here), drafts kept
// apart from the contributions core until submitted, and a full-text index of the proposals.
import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  // Made by the first write on the step (steps are created knowing no module): the proposal
  // form's settings (JSON, rules.ts FormConfig), the next reference number, the public count.
  await db.schema
    .createTable('collect_steps')
    .addColumn('step_id', 'integer', (c) => c.primaryKey().references('steps.id').onDelete('cascade'))
    .addColumn('form', 'text', (c) => c.notNull().defaultTo('{}'))
    .addColumn('next_reference', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('proposals_count', 'integer', (c) => c.notNull().defaultTo(0))
    .execute();

  for (const table of ['collect_categories', 'collect_statuses']) {
    await db.schema
      .createTable(table)
      .addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
      .addColumn('step_id', 'integer', (c) => c.notNull().references('steps.id').onDelete('cascade'))
      .addColumn('name', 'text', (c) => c.notNull())
      .addColumn('colour', 'text', (c) => c.notNull())
      .addColumn('position', 'integer', (c) => c.notNull())
      .execute();
    await db.schema.createIndex(`${table}_order`).on(table).columns(['step_id', 'position', 'id']).execute();
  }

  // The same columns as the questionnaire's: the platform's form engine reads both.
  await db.schema
    .createTable('collect_questions')
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
  await db.schema.createIndex('collect_questions_order').on('collect_questions').columns(['step_id', 'position', 'id']).execute();

  // A proposal's own fields; its title, text, author and moderation status are the core row's.
  // `published` copies "core status is published" so that every list walks one index; the
  // counters are moved in the writes that change them (comments and follows by the triggers below).
  await db.schema
    .createTable('collect_proposals')
    .addColumn('contribution_id', 'integer', (c) => c.primaryKey().references('contributions.id').onDelete('cascade'))
    .addColumn('step_id', 'integer', (c) => c.notNull().references('steps.id').onDelete('cascade'))
    .addColumn('author_id', 'integer', (c) => c.notNull().references('users.id'))
    .addColumn('reference', 'integer', (c) => c.notNull())
    .addColumn('summary', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('category_id', 'integer', (c) => c.references('collect_categories.id').onDelete('set null'))
    .addColumn('district_id', 'integer', (c) => c.references('districts.id').onDelete('set null'))
    .addColumn('address', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('lat', 'real')
    .addColumn('lng', 'real')
    // Whole euros; null when not estimated. cost_missing sorts those last in "cheapest first".
    .addColumn('cost', 'integer')
    .addColumn('cost_missing', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('status_id', 'integer', (c) => c.references('collect_statuses.id').onDelete('set null'))
    .addColumn('published', 'integer', (c) => c.notNull().defaultTo(1))
    // Answers to the step's custom questions, keyed by question id (the form engine's Answers).
    .addColumn('answers', 'text', (c) => c.notNull().defaultTo('{}'))
    .addColumn('comments_count', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('followers_count', 'integer', (c) => c.notNull().defaultTo(0))
    .addUniqueConstraint('collect_proposals_reference', ['step_id', 'reference'])
    .execute();
  // One index per sort (ids grow in posting order: newest and oldest walk the same one).
  const index = (name: string, columns: string[]) => db.schema.createIndex(`collect_proposals_${name}`).on('collect_proposals').columns(columns).execute();
  await index('newest', ['step_id', 'published', 'contribution_id']);
  await index('comments', ['step_id', 'published', 'comments_count', 'contribution_id']);
  await index('cheapest', ['step_id', 'published', 'cost_missing', 'cost', 'contribution_id']);
  await index('expensive', ['step_id', 'published', 'cost', 'contribution_id']);
  await index('author', ['author_id']);

  // Drafts are their author's alone: no core row (so no profile, moderation queue, search or
  // notification sees them) until submitted. `fields` holds the form values as sent (JSON).
  await db.schema
    .createTable('collect_drafts')
    .addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
    .addColumn('step_id', 'integer', (c) => c.notNull().references('steps.id').onDelete('cascade'))
    .addColumn('author_id', 'integer', (c) => c.notNull().references('users.id'))
    .addColumn('title', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('fields', 'text', (c) => c.notNull().defaultTo('{}'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('collect_drafts_author').on('collect_drafts').columns(['author_id', 'step_id', 'id']).execute();

  // Full-text search (raw SQL: Kysely has no FTS5 builder). An external-content index over a
  // view of title, summary and text; accents folded so "eclairage" finds "éclairage".
  await sql`create view collect_search_source as
    select p.contribution_id, c.title, p.summary, c.body_md as body
    from collect_proposals p join contributions c on c.id = p.contribution_id`.execute(db);
  await sql`create virtual table collect_fts using fts5(title, summary, body,
    content = 'collect_search_source', content_rowid = 'contribution_id', tokenize = 'unicode61 remove_diacritics 2')`.execute(db);

  // Triggers keep the index and two counters exact inside whichever transaction writes: the
  // text of a proposal is also changed by moderators (moderation edits the core row), its
  // comments are counted by the comments module on the core row, and follows are the
  // platform's; none of them knows this module. An external-content index must be told the
  // old values to remove them, which a trigger has exactly (OLD).
  await sql`create trigger collect_fts_insert after insert on collect_proposals begin
    insert into collect_fts (rowid, title, summary, body)
      select new.contribution_id, coalesce(c.title, ''), new.summary, c.body_md from contributions c where c.id = new.contribution_id;
  end`.execute(db);
  await sql`create trigger collect_fts_delete before delete on collect_proposals begin
    insert into collect_fts (collect_fts, rowid, title, summary, body)
      select 'delete', old.contribution_id, coalesce(c.title, ''), old.summary, c.body_md from contributions c where c.id = old.contribution_id;
  end`.execute(db);
  await sql`create trigger collect_fts_summary after update of summary on collect_proposals when old.summary is not new.summary begin
    insert into collect_fts (collect_fts, rowid, title, summary, body)
      select 'delete', old.contribution_id, coalesce(c.title, ''), old.summary, c.body_md from contributions c where c.id = old.contribution_id;
    insert into collect_fts (rowid, title, summary, body)
      select new.contribution_id, coalesce(c.title, ''), new.summary, c.body_md from contributions c where c.id = new.contribution_id;
  end`.execute(db);
  await sql`create trigger collect_fts_text after update of title, body_md on contributions
    when new.kind = 'proposal' and (old.title is not new.title or old.body_md is not new.body_md) begin
    insert into collect_fts (collect_fts, rowid, title, summary, body)
      select 'delete', p.contribution_id, coalesce(old.title, ''), p.summary, old.body_md from collect_proposals p where p.contribution_id = old.id;
    insert into collect_fts (rowid, title, summary, body)
      select p.contribution_id, coalesce(new.title, ''), p.summary, new.body_md from collect_proposals p where p.contribution_id = new.id;
  end`.execute(db);
  await sql`create trigger collect_comments_count after update of comments_count on contributions when new.kind = 'proposal' begin
    update collect_proposals set comments_count = new.comments_count where contribution_id = new.id;
  end`.execute(db);
  await sql`create trigger collect_follow after insert on follows when new.target_kind = 'contribution' begin
    update collect_proposals set followers_count = followers_count + 1 where contribution_id = new.target_id;
  end`.execute(db);
  await sql`create trigger collect_unfollow after delete on follows when old.target_kind = 'contribution' begin
    update collect_proposals set followers_count = followers_count - 1 where contribution_id = old.target_id;
  end`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const t of ['collect_unfollow', 'collect_follow', 'collect_comments_count', 'collect_fts_text', 'collect_fts_summary', 'collect_fts_delete', 'collect_fts_insert']) await sql`drop trigger ${sql.ref(t)}`.execute(db);
  await sql`drop table collect_fts`.execute(db);
  await sql`drop view collect_search_source`.execute(db);
  for (const t of ['collect_drafts', 'collect_proposals', 'collect_questions', 'collect_statuses', 'collect_categories', 'collect_steps']) await db.schema.dropTable(t).execute();
}
