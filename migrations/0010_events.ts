// Events (public meetings, workshops, voting booths): dates, a place or an online link, an
// optional project, and an optional registration with a capacity and a waiting list. The counts
// of registered and waiting people live on the event and move in the same transaction as the
// registrations; the database keeps one registration per person and event (UNIQUE).
import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('events_events')
    // AUTOINCREMENT: an id is never given again, so the calendar UIDs built on it stay unique.
    .addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
    .addColumn('slug', 'text', (c) => c.notNull().unique())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('body_md', 'text', (c) => c.notNull().defaultTo(''))
    // An event goes with its project: deleting the project must not make its events the site's.
    .addColumn('project_id', 'integer', (c) => c.references('projects.id').onDelete('cascade'))
    .addColumn('starts_at', 'text', (c) => c.notNull())
    .addColumn('ends_at', 'text', (c) => c.notNull())
    .addColumn('place', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('latitude', 'real')
    .addColumn('longitude', 'real')
    .addColumn('online_url', 'text')
    .addColumn('registration', 'integer', (c) => c.notNull().defaultTo(0))
    // Null: no limit (and so never a waiting list).
    .addColumn('capacity', 'integer')
    .addColumn('registered_count', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('waiting_count', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addCheckConstraint('events_events_dates', sql`ends_at > starts_at`)
    .addCheckConstraint('events_events_capacity', sql`capacity is null or capacity > 0`)
    .addCheckConstraint('events_events_counts', sql`registered_count >= 0 and waiting_count >= 0`)
    .execute();
  // Upcoming events by their end (an event under way is still upcoming), and a project's.
  await db.schema.createIndex('events_events_ends').on('events_events').columns(['ends_at', 'starts_at']).execute();
  await db.schema.createIndex('events_events_project').on('events_events').columns(['project_id', 'ends_at']).execute();

  // Ids grow in the order people asked: the waiting list is served by the lowest id first.
  await db.schema
    .createTable('events_registrations')
    .addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
    .addColumn('event_id', 'integer', (c) => c.notNull().references('events_events.id').onDelete('cascade'))
    .addColumn('user_id', 'integer', (c) => c.notNull().references('users.id'))
    .addColumn('status', 'text', (c) => c.notNull().check(sql`status in ('registered', 'waiting')`))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('events_registrations_one_per_person', ['event_id', 'user_id'])
    .execute();
  await db.schema.createIndex('events_registrations_list').on('events_registrations').columns(['event_id', 'status', 'id']).execute();
  await db.schema.createIndex('events_registrations_user').on('events_registrations').columns(['user_id']).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const t of ['events_registrations', 'events_events']) await db.schema.dropTable(t).execute();
}
