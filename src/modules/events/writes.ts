// Every write of the events, each one synchronous IMMEDIATE transaction that reads the event's
// counters, writes the registrations and moves the counters together: fifty people asking for
// the last place at once are served one after the other, so exactly one gets it and the others
// wait. The UNIQUE (event, user) keeps one registration per person. A place freed goes to the
// first person waiting, whose email is queued in the same transaction (`onPromoted`).
import { sql } from 'kysely';
import type { Db } from '../../db/open.ts';
import { write, type Tx } from '../../db/write.ts';
import { isUniqueViolation } from '../../platform/users.ts';
import type { RegistrationStatus } from './schema.ts';
import { registrationOpen, type EventFields } from './rules.ts';

/** Called inside the transaction for each person moved from the waiting list to a place. */
export type OnPromoted = (tx: Tx, promoted: { eventId: number; userId: number }) => void;

const counter = (status: RegistrationStatus) => (status === 'registered' ? 'registered_count' : 'waiting_count');

function moveCounter(db: Db, tx: Tx, eventId: number, status: RegistrationStatus, by: number): void {
  const column = counter(status);
  tx.run(db.updateTable('events_events').set((eb) => ({ [column]: eb(column, '+', by) })).where('id', '=', eventId));
}

/**
 * Gives the free places to the people waiting, first come first served, while people may still
 * register (an event under way takes nobody from its list). Returns how many moved.
 */
export function fillFreePlaces(db: Db, tx: Tx, eventId: number, onPromoted: OnPromoted, now = new Date()): number {
  const e = tx.first(db.selectFrom('events_events').select(['registration', 'starts_at', 'capacity', 'registered_count', 'waiting_count']).where('id', '=', eventId));
  if (!e || e.waiting_count === 0 || !registrationOpen(e, now)) return 0;
  const free = e.capacity === null ? e.waiting_count : e.capacity - e.registered_count;
  if (free <= 0) return 0;
  const first = tx.all(db.selectFrom('events_registrations').select(['id', 'user_id']).where('event_id', '=', eventId).where('status', '=', 'waiting').orderBy('id').limit(sql.lit(free)));
  if (first.length === 0) return 0;
  tx.run(db.updateTable('events_registrations').set({ status: 'registered' }).where('id', 'in', first.map((r) => r.id)));
  moveCounter(db, tx, eventId, 'registered', first.length);
  moveCounter(db, tx, eventId, 'waiting', -first.length);
  for (const r of first) onPromoted(tx, { eventId, userId: r.user_id });
  return first.length;
}

export type RegisterResult = { kind: 'closed' } | { kind: 'registered' | 'waiting'; already: boolean };

/** Registers the person, or puts them on the waiting list past the capacity; idempotent. */
export function register(db: Db, eventId: number, userId: number, now = new Date()): RegisterResult {
  try {
    return write(db, (tx): RegisterResult => {
      const e = tx.first(db.selectFrom('events_events').select(['registration', 'starts_at', 'capacity', 'registered_count', 'waiting_count']).where('id', '=', eventId));
      if (!e || !registrationOpen(e, now)) return { kind: 'closed' };
      const existing = tx.first(db.selectFrom('events_registrations').select('status').where('event_id', '=', eventId).where('user_id', '=', userId));
      if (existing) return { kind: existing.status, already: true };
      // Nobody jumps the queue: a free place with people waiting goes to them first.
      const status: RegistrationStatus = e.waiting_count === 0 && (e.capacity === null || e.registered_count < e.capacity) ? 'registered' : 'waiting';
      tx.run(db.insertInto('events_registrations').values({ event_id: eventId, user_id: userId, status, created_at: now.toISOString() }));
      moveCounter(db, tx, eventId, status, 1);
      return { kind: status, already: false };
    });
  } catch (err) {
    // The UNIQUE constraint, should the row have appeared another way: nothing was written.
    if (!isUniqueViolation(err)) throw err;
    return { kind: 'registered', already: true };
  }
}

export type CancelResult = { kind: 'closed' | 'none' } | { kind: 'cancelled'; was: RegistrationStatus };

/** Cancels the person's registration (or their place in the queue) until the event starts. */
export function cancel(db: Db, eventId: number, userId: number, onPromoted: OnPromoted, now = new Date()): CancelResult {
  return write(db, (tx): CancelResult => {
    const e = tx.first(db.selectFrom('events_events').select('starts_at').where('id', '=', eventId));
    if (!e || now.toISOString() >= e.starts_at) return { kind: 'closed' };
    const gone = tx.first(db.deleteFrom('events_registrations').where('event_id', '=', eventId).where('user_id', '=', userId).returning('status'));
    // Two identical requests: the second finds nothing and moves no counter.
    if (!gone) return { kind: 'none' };
    moveCounter(db, tx, eventId, gone.status, -1);
    if (gone.status === 'registered') fillFreePlaces(db, tx, eventId, onPromoted, now);
    return { kind: 'cancelled', was: gone.status };
  });
}

/** Inside the account erasure: the person's registrations go, and their places to those waiting. */
export function eraseRegistrations(db: Db, tx: Tx, userId: number, onPromoted: OnPromoted, now = new Date()): void {
  const gone = tx.all(db.deleteFrom('events_registrations').where('user_id', '=', userId).returning(['event_id', 'status']));
  for (const r of gone) {
    moveCounter(db, tx, r.event_id, r.status, -1);
    if (r.status === 'registered') fillFreePlaces(db, tx, r.event_id, onPromoted, now);
  }
}

export function insertEvent(db: Db, f: EventFields, now = new Date().toISOString()): number {
  return write(db, (tx) => tx.run(db.insertInto('events_events').values({ ...f, created_at: now, updated_at: now })).lastInsertRowid);
}

/**
 * Saves the event. A larger capacity (or none) gives the new places to the people waiting; a
 * smaller one takes no place back: nobody registered is moved to the waiting list.
 */
export function updateEvent(db: Db, id: number, f: EventFields, onPromoted: OnPromoted, now = new Date()): void {
  write(db, (tx) => {
    tx.run(db.updateTable('events_events').set({ ...f, updated_at: now.toISOString() }).where('id', '=', id));
    fillFreePlaces(db, tx, id, onPromoted, now);
  });
}

/** Deletes the event and its registrations (cascade); false when it was already gone. */
export function deleteEvent(db: Db, id: number): boolean {
  return write(db, (tx) => tx.run(db.deleteFrom('events_events').where('id', '=', id)).changes > 0);
}
