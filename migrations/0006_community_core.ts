// What every kind of contribution shares for the life of a participation platform (issue 8):
// follows and notifications, a comment count and the moderation state on the contributions core,
// pre-moderation per step and of first contributions, people's choice of emails, and headers on
// outgoing emails (one-click unsubscribe).
import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  // Kept in the same write as the comment, so lists show it without counting rows.
  await db.schema.alterTable('contributions').addColumn('comments_count', 'integer', (c) => c.notNull().defaultTo(0)).execute();
  // Why a moderator hid it (shown to the public instead of the text), and when.
  await db.schema.alterTable('contributions').addColumn('moderation_reason', 'text').execute();
  await db.schema.alterTable('contributions').addColumn('moderated_at', 'text').execute();

  // New contributions of the step wait for a moderator's approval.
  await db.schema.alterTable('steps').addColumn('premoderation', 'integer', (c) => c.notNull().defaultTo(0)).execute();
  // Anti-spam: a person's first contribution waits for approval; links allowed in one text.
  await db.schema.alterTable('site_settings').addColumn('moderate_first_contribution', 'integer', (c) => c.notNull().defaultTo(0)).execute();
  await db.schema.alterTable('site_settings').addColumn('max_links', 'integer', (c) => c.notNull().defaultTo(5)).execute();

  // How the person hears of what they follow; the unread count shown in the header; the key of
  // their one-click unsubscribe links (random, never a login: platform/unsubscribe.ts).
  await db.schema
    .alterTable('users')
    .addColumn('notify_email', 'text', (c) => c.notNull().defaultTo('immediate').check(sql`notify_email in ('immediate', 'digest', 'off')`))
    .execute();
  await db.schema.alterTable('users').addColumn('unread_notifications', 'integer', (c) => c.notNull().defaultTo(0)).execute();
  await db.schema.alterTable('users').addColumn('unsubscribe_key', 'text').execute();
  await db.schema.createIndex('users_unsubscribe_key').unique().on('users').column('unsubscribe_key').execute();

  await db.schema
    .createTable('follows')
    .addColumn('user_id', 'integer', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('target_kind', 'text', (c) => c.notNull().check(sql`target_kind in ('project', 'step', 'contribution')`))
    .addColumn('target_id', 'integer', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('follows_pk', ['user_id', 'target_kind', 'target_id'])
    .execute();
  await db.schema.createIndex('follows_target').on('follows').columns(['target_kind', 'target_id']).execute();

  // One row per person told; `emailed` 0 while an email (immediate or in a digest) is still due.
  await db.schema
    .createTable('notifications')
    .addColumn('id', 'integer', (c) => c.primaryKey())
    .addColumn('user_id', 'integer', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('project_id', 'integer', (c) => c.references('projects.id').onDelete('cascade'))
    .addColumn('step_id', 'integer', (c) => c.references('steps.id').onDelete('cascade'))
    .addColumn('contribution_id', 'integer', (c) => c.references('contributions.id').onDelete('cascade'))
    .addColumn('actor_id', 'integer', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('read_at', 'text')
    .addColumn('emailed', 'integer', (c) => c.notNull().defaultTo(0))
    .execute();
  await db.schema.createIndex('notifications_user').on('notifications').columns(['user_id', 'id']).execute();
  await db.schema.createIndex('notifications_to_email').on('notifications').columns(['emailed', 'user_id']).where(sql.ref('emailed'), '=', 0).execute();

  await db.schema.alterTable('mail_outbox').addColumn('headers', 'text').execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('mail_outbox').dropColumn('headers').execute();
  await db.schema.dropTable('notifications').execute();
  await db.schema.dropTable('follows').execute();
  await db.schema.dropIndex('users_unsubscribe_key').execute();
  for (const c of ['unsubscribe_key', 'unread_notifications', 'notify_email']) await db.schema.alterTable('users').dropColumn(c).execute();
  for (const c of ['max_links', 'moderate_first_contribution']) await db.schema.alterTable('site_settings').dropColumn(c).execute();
  await db.schema.alterTable('steps').dropColumn('premoderation').execute();
  for (const c of ['moderated_at', 'moderation_reason', 'comments_count']) await db.schema.alterTable('contributions').dropColumn(c).execute();
}
