// Reads of the events' back office: every event (a page of them), the registered and waiting
// people of one event with their names and addresses (keyset chunks for the CSV). What the form
// checks against the database is shared with other modules (platform/admin-form-lookups.ts).
import { sql } from 'kysely';
import type { Db } from '../../db/open.ts';
import { readSync } from '../../db/write.ts';
import type { RegistrationStatus } from './schema.ts';

/** Every event, latest start first, with its project's title; one page and whether more follow. */
export function listAllEvents(db: Db, page: number, size: number) {
  const rows = readSync(db).all(
    db
      .selectFrom('events_events as e')
      .leftJoin('projects as p', 'p.id', 'e.project_id')
      .select(['e.id', 'e.slug', 'e.title', 'e.starts_at', 'e.ends_at', 'e.registration', 'e.capacity', 'e.registered_count', 'e.waiting_count', 'p.title as project_title'])
      .orderBy('e.starts_at', 'desc')
      .orderBy('e.id', 'desc')
      .limit(sql.lit(size + 1))
      .offset((page - 1) * size),
  );
  return { events: rows.slice(0, size), hasNext: rows.length > size };
}

export interface PersonRow {
  id: number;
  status: RegistrationStatus;
  created_at: string;
  display_name: string | null;
  email: string | null;
  deleted_at: string | null;
}

/**
 * The registrations of an event with id > afterId, registered people first then the waiting list,
 * each in the order they asked. Keyset on (status, id) so a chunk is one index range.
 */
export function listRegistrations(db: Db, eventId: number, after: { status: RegistrationStatus; id: number } | null, limit: number): PersonRow[] {
  return readSync(db).all(
    db
      .selectFrom('events_registrations as r')
      .innerJoin('users as u', 'u.id', 'r.user_id')
      .select(['r.id', 'r.status', 'r.created_at', 'u.display_name', 'u.email', 'u.deleted_at'])
      .where('r.event_id', '=', eventId)
      // 'registered' sorts before 'waiting'.
      .$if(after !== null, (q) => q.where((eb) => eb.or([eb('r.status', '>', after!.status), eb.and([eb('r.status', '=', after!.status), eb('r.id', '>', after!.id)])])))
      .orderBy('r.status')
      .orderBy('r.id')
      .limit(sql.lit(limit)),
  );
}

