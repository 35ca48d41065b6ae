// Moderation (issue 8): reports of contributions (one per person and item), a counter row per
// reported item kept in the same write as each report (the queue reads it, never counts), and
// the log of every moderation action, suspensions of participants included.
import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('moderation_reports')
    .addColumn('id', 'integer', (c) => c.primaryKey())
    .addColumn('contribution_id', 'integer', (c) => c.notNull().references('contributions.id').onDelete('cascade'))
    .addColumn('reporter_id', 'integer', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('reason', 'text', (c) => c.notNull().check(sql`reason in ('spam', 'offensive', 'off_topic', 'personal_data', 'other')`))
    .addColumn('details', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    // Set when a moderator dealt with the item (hid, trashed, approved, dismissed...).
    .addColumn('closed_at', 'text')
    // Once per person and item, even after the report was closed: the database says so.
    .addUniqueConstraint('moderation_reports_once', ['contribution_id', 'reporter_id'])
    .execute();
  await db.schema.createIndex('moderation_reports_reporter').on('moderation_reports').columns(['reporter_id', 'id']).execute();

  // One row per item ever reported; open_reports > 0 puts it in the queue.
  await db.schema
    .createTable('moderation_flags')
    .addColumn('contribution_id', 'integer', (c) => c.primaryKey().references('contributions.id').onDelete('cascade'))
    .addColumn('open_reports', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('last_reported_at', 'text', (c) => c.notNull())
    .execute();
  // The queue's order (most reported, then newest report), open items only: one range scan.
  await db.schema
    .createIndex('moderation_flags_queue')
    .on('moderation_flags')
    .columns(['open_reports desc', 'last_reported_at desc', 'contribution_id desc'])
    .where(sql.ref('open_reports'), '>', 0)
    .execute();
  // The pending tab, oldest first, reads the contributions core through this small index.
  await db.schema.createIndex('moderation_pending').on('contributions').columns(['created_at', 'id']).where(sql.ref('status'), '=', 'pending').execute();

  await db.schema
    .createTable('moderation_log')
    .addColumn('id', 'integer', (c) => c.primaryKey())
    .addColumn('created_at', 'text', (c) => c.notNull())
    // Null once the moderator's account is erased: the action stays, not who it was.
    .addColumn('moderator_id', 'integer', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('action', 'text', (c) => c.notNull().check(sql`action in ('hide', 'restore', 'trash', 'approve', 'dismiss', 'edit', 'suspend', 'unsuspend')`))
    // The contribution acted on (null for a suspension, or once it was deleted by its author).
    .addColumn('contribution_id', 'integer', (c) => c.references('contributions.id').onDelete('set null'))
    // Whose contribution, or who was suspended.
    .addColumn('subject_id', 'integer', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('from_status', 'text')
    .addColumn('to_status', 'text')
    .addColumn('reason', 'text')
    // For an edit: the text as it was before the moderator took personal data out of it.
    .addColumn('original_title', 'text')
    .addColumn('original_body', 'text')
    .execute();
  await db.schema.createIndex('moderation_log_contribution').on('moderation_log').columns(['contribution_id', 'id']).execute();
  await db.schema.createIndex('moderation_log_moderator').on('moderation_log').columns(['moderator_id']).execute();
  await db.schema.createIndex('moderation_log_subject').on('moderation_log').columns(['subject_id']).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('moderation_log').execute();
  await db.schema.dropIndex('moderation_pending').execute();
  await db.schema.dropTable('moderation_flags').execute();
  await db.schema.dropTable('moderation_reports').execute();
}
