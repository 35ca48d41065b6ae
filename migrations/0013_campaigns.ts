// Email campaigns (issue 8): an email administrators write to a project's participants or to
// everyone who consented to news, sent once through the outbox at a steady rate. Outbox rows
// carry their campaign so its progress is one aggregate query. (The outbox's due rows need no new
// index: mail_outbox_pending (sent_at, next_attempt_at) serves them in due order.)
import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('campaigns_emails')
    .addColumn('id', 'integer', (c) => c.primaryKey())
    .addColumn('subject', 'text', (c) => c.notNull())
    // Plain text, sent as written (emails of this platform are text/plain).
    .addColumn('body', 'text', (c) => c.notNull())
    .addColumn('audience', 'text', (c) => c.notNull().check(sql`audience in ('project', 'news')`))
    // Set null when the project is deleted: a sent campaign stays in the record, a draft then
    // asks for another audience.
    .addColumn('project_id', 'integer', (c) => c.references('projects.id').onDelete('set null'))
    .addColumn('author_id', 'integer', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('sent_by_id', 'integer', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    // Set once, by the conditional update that also enqueues every message: a campaign is sent
    // once, and the database says so.
    .addColumn('sent_at', 'text')
    // How many messages that send enqueued (the outbox deletes sent rows after its retention).
    .addColumn('recipients_count', 'integer', (c) => c.notNull().defaultTo(0))
    // The pace chosen at sending (the SMTP provider's quota), for the progress page's estimate.
    .addColumn('per_minute', 'integer', (c) => c.notNull().defaultTo(0))
    .execute();
  await db.schema.createIndex('campaigns_emails_created').on('campaigns_emails').columns(['created_at', 'id']).execute();

  await db.schema.alterTable('mail_outbox').addColumn('campaign_id', 'integer', (c) => c.references('campaigns_emails.id').onDelete('set null')).execute();
  // The progress of one campaign; most rows (transactional emails) have none and stay out of it.
  await db.schema.createIndex('mail_outbox_campaign').on('mail_outbox').column('campaign_id').where(sql.ref('campaign_id'), 'is not', null).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex('mail_outbox_campaign').execute();
  await db.schema.alterTable('mail_outbox').dropColumn('campaign_id').execute();
  await db.schema.dropTable('campaigns_emails').execute();
}
