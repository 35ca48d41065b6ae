// The platform's tables: accounts, sessions, one-time tokens, site settings, legal pages, mail outbox.
import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('users')
    .addColumn('id', 'integer', (c) => c.primaryKey())
    // NULL once the account is deleted: contributions stay, the person is gone.
    .addColumn('email', 'text', (c) => c.unique())
    .addColumn('password_hash', 'text')
    .addColumn('display_name', 'text')
    .addColumn('role', 'text', (c) => c.notNull().defaultTo('citizen').check(sql`role in ('citizen', 'moderator', 'admin')`))
    .addColumn('locale', 'text', (c) => c.notNull().defaultTo('fr'))
    .addColumn('news_consent', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('terms_accepted_at', 'text')
    .addColumn('email_confirmed_at', 'text')
    .addColumn('suspended_at', 'text')
    .addColumn('deleted_at', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('users_created_at').on('users').column('created_at').execute();
  await db.schema.createIndex('users_display_name').on('users').column('display_name').execute();

  await db.schema
    .createTable('sessions')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('secret_hash', 'blob', (c) => c.notNull())
    .addColumn('user_id', 'integer', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('created_at', 'integer', (c) => c.notNull())
    .addColumn('last_seen_at', 'integer', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('sessions_user_id').on('sessions').column('user_id').execute();

  // Email confirmation, password reset, email change and first-run setup links.
  await db.schema
    .createTable('one_time_tokens')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('secret_hash', 'blob', (c) => c.notNull())
    .addColumn('purpose', 'text', (c) => c.notNull().check(sql`purpose in ('confirm_email', 'reset_password', 'change_email', 'setup')`))
    .addColumn('user_id', 'integer', (c) => c.references('users.id').onDelete('cascade'))
    .addColumn('payload', 'text')
    .addColumn('expires_at', 'text')
    .addColumn('used_at', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('one_time_tokens_user_id').on('one_time_tokens').column('user_id').execute();

  await db.schema
    .createTable('site_settings')
    .addColumn('id', 'integer', (c) => c.primaryKey().check(sql`id = 1`))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('logo_path', 'text')
    .addColumn('primary_color', 'text', (c) => c.notNull())
    .addColumn('intro_md', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('contact_email', 'text')
    .addColumn('setup_done_at', 'text')
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db
    .insertInto('site_settings')
    .values({ id: 1, name: 'Palabre', primary_color: '#1d4ed8', intro_md: '', updated_at: new Date().toISOString() })
    .execute();

  await db.schema
    .createTable('legal_pages')
    .addColumn('slug', 'text', (c) => c.primaryKey())
    .addColumn('body_md', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  const now = new Date().toISOString();
  for (const slug of ['mentions-legales', 'conditions-utilisation', 'donnees-personnelles', 'accessibilite']) {
    await db.insertInto('legal_pages').values({ slug, body_md: '', updated_at: now }).execute();
  }

  // Durable outbox: a message is written here in the same transaction as what caused it.
  await db.schema
    .createTable('mail_outbox')
    .addColumn('id', 'integer', (c) => c.primaryKey())
    .addColumn('to_address', 'text', (c) => c.notNull())
    .addColumn('subject', 'text', (c) => c.notNull())
    .addColumn('text_body', 'text', (c) => c.notNull())
    .addColumn('attempts', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('next_attempt_at', 'text', (c) => c.notNull())
    .addColumn('sent_at', 'text')
    .addColumn('last_error', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('mail_outbox_pending').on('mail_outbox').columns(['sent_at', 'next_attempt_at']).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const t of ['mail_outbox', 'legal_pages', 'site_settings', 'one_time_tokens', 'sessions', 'users']) {
    await db.schema.dropTable(t).execute();
  }
}
