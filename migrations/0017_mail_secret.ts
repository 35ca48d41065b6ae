// Messages whose text holds a secret that stays valid for long (a votation's access code): the
// outbox deletes them as soon as they are sent instead of keeping them MAIL_RETENTION_DAYS.
import type { Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('mail_outbox').addColumn('secret', 'integer', (c) => c.notNull().defaultTo(0)).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('mail_outbox').dropColumn('secret').execute();
}
