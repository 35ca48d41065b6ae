// The events module's tables (migration 0010), keeping the column names, merged into the
// platform's Schema by declaration merging.
import type { Generated } from 'kysely';

export type RegistrationStatus = 'registered' | 'waiting';

export interface EventsEventsTable {
  id: Generated<number>;
  slug: string;
  title: string;
  body_md: Generated<string>;
  project_id: number | null;
  /** UTC ISO. */
  starts_at: string;
  ends_at: string;
  place: Generated<string>;
  latitude: number | null;
  longitude: number | null;
  online_url: string | null;
  /** 1: people register on the site. */
  registration: Generated<number>;
  /** Null: no limit. */
  capacity: number | null;
  registered_count: Generated<number>;
  waiting_count: Generated<number>;
  created_at: string;
  updated_at: string;
}

export interface EventsRegistrationsTable {
  id: Generated<number>;
  event_id: number;
  user_id: number;
  status: RegistrationStatus;
  created_at: string;
}

declare module '../../db/schema.ts' {
  interface Schema {
    events_events: EventsEventsTable;
    events_registrations: EventsRegistrationsTable;
  }
}
