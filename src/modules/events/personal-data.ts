// What the events store about a person: their registrations (and places on waiting lists). The
// export lists them with each event; the erasure deletes them, and a place so freed goes to the
// first person waiting, who gets the same email as after a cancellation.
import type { PersonalData } from '../../platform/module.ts';
import { readSync } from '../../db/write.ts';
import { eraseRegistrations } from './writes.ts';
import { promotionsFor } from './emails.ts';

export const personalData: PersonalData = {
  tables: ['events_registrations'],
  export(db, userId) {
    return {
      registrations: readSync(db).all(
        db
          .selectFrom('events_registrations as r')
          .innerJoin('events_events as e', 'e.id', 'r.event_id')
          .select(['e.slug as event_slug', 'e.title as event_title', 'e.starts_at', 'e.ends_at', 'r.status', 'r.created_at'])
          .where('r.user_id', '=', userId)
          .orderBy('r.created_at'),
      ),
    };
  },
  erase(db, tx, userId) {
    eraseRegistrations(db, tx, userId, promotionsFor(db));
  },
};
