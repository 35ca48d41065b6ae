// Test fixtures of the events, on top of test/helpers/factories.ts: events written straight to
// the database (upcoming unless told otherwise), registrations, and counters against the rows.
import { daysFromNow } from '../../../test/helpers/factories.ts';
import type { Db } from '../../db/open.ts';
import { insertEvent, register } from './writes.ts';
import type { EventFields } from './rules.ts';

let n = 0;

export type EventOptions = Partial<EventFields> & { registration?: number };

/** An event "Événement <n>" in two days, for two hours, at a place; returns its id and slug. */
export function makeEvent(db: Db, o: EventOptions = {}): { id: number; slug: string } {
  n += 1;
  const slug = o.slug ?? `evenement-${n}-${process.pid}`;
  const starts = o.starts_at ?? daysFromNow(2);
  const id = insertEvent(db, {
    title: `Événement ${n}`,
    project_id: null,
    ends_at: new Date(Date.parse(starts) + 2 * 3600_000).toISOString(),
    place: 'Salle du conseil',
    latitude: null,
    longitude: null,
    online_url: null,
    body_md: `La description de l’événement ${n}.`,
    registration: 0,
    capacity: null,
    ...o,
    slug,
    starts_at: starts,
  });
  return { id, slug };
}

/** Registers each person straight through the write (as the route does). */
export function registerAll(db: Db, eventId: number, userIds: number[]): void {
  for (const id of userIds) register(db, eventId, id);
}

/** The event's counters and what its rows say. */
export function countsOf(db: Db, eventId: number): { registered: number; waiting: number; rows: { registered: number; waiting: number } } {
  const e = db.sqlite.prepare('select registered_count, waiting_count from events_events where id = ?').get(eventId) as { registered_count: number; waiting_count: number };
  const rows = db.sqlite.prepare("select sum(status = 'registered') as registered, sum(status = 'waiting') as waiting from events_registrations where event_id = ?").get(eventId) as { registered: number | null; waiting: number | null };
  return { registered: e.registered_count, waiting: e.waiting_count, rows: { registered: rows.registered ?? 0, waiting: rows.waiting ?? 0 } };
}
