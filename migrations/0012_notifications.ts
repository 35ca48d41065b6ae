// The notifications module's markers: a step's opening and its results are announced once each
// (the job that tells participants and followers marks the step in the same write), and the
// daily digest runs once per day of the instance's time zone, even across a restart.
import type { Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  // On the steps themselves: the platform's announceResults (a debate's conclusion) and the
  // notifications module's jobs (openings, results at close) share them.
  await db.schema.alterTable('steps').addColumn('opening_announced_at', 'text').execute();
  await db.schema.alterTable('steps').addColumn('results_announced_at', 'text').execute();
  // One row per day whose digest was sent ('YYYY-MM-DD' in TIME_ZONE).
  await db.schema
    .createTable('notifications_digests')
    .addColumn('day', 'text', (c) => c.primaryKey())
    .addColumn('started_at', 'text', (c) => c.notNull())
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('notifications_digests').execute();
  await db.schema.alterTable('steps').dropColumn('results_announced_at').execute();
  await db.schema.alterTable('steps').dropColumn('opening_announced_at').execute();
}
