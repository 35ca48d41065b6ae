// Reads of the events: a page of the list (upcoming first by start, then past ones latest first;
// one row more than a page, no COUNT), one event, the calendar feed, a project's upcoming events,
// the projects offered as a filter, and a person's registration with their place in the queue.
// An event of a project this person may not see is never read (platform projectVisibleTo).
import { sql, type Compilable, type Expression, type ExpressionBuilder, type SqlBool } from 'kysely';
import type { Db } from '../../db/open.ts';
import type { ProjectsTable, Schema, Visibility } from '../../db/schema.ts';
import { readSync } from '../../db/write.ts';
import { compiledQuery } from '../../db/compiled.ts';
import type { SessionUser } from '../../platform/sessions.ts';
import { projectVisibleTo, visibilityShape } from '../../platform/participation.ts';
import type { RegistrationStatus } from './schema.ts';
import { FEED_MAX, PAGE_SIZE, PANEL_SIZE, type Mine } from './rules.ts';

/** An event as pages read it, with its project's slug, title and visibility (null without one). */
export interface EventRow {
  id: number;
  slug: string;
  title: string;
  body_md: string;
  project_id: number | null;
  starts_at: string;
  ends_at: string;
  place: string;
  latitude: number | null;
  longitude: number | null;
  online_url: string | null;
  registration: number;
  capacity: number | null;
  registered_count: number;
  waiting_count: number;
  created_at: string;
  updated_at: string;
  project_slug: string | null;
  project_title: string | null;
  project_visibility: Visibility | null;
}

type Eb = ExpressionBuilder<Schema & { e: Schema['events_events']; p: ProjectsTable }, 'e' | 'p'>;

/** A stand-in viewer of the shape's kind: projectVisibleTo reads only its role, confirmation and id. */
function viewerOf(shape: string, userId: unknown): SessionUser | null {
  if (shape === 'public') return null;
  return { id: userId, role: shape === 'admin' ? 'admin' : 'citizen', email_confirmed_at: 'yes' } as unknown as SessionUser;
}

/** Instance-wide events, and events of projects this viewer may see. */
const visible = (eb: Eb, viewer: SessionUser | null): Expression<SqlBool> => eb.or([eb('e.project_id', 'is', null), projectVisibleTo(eb, viewer)]);

function eventsFrom(db: Db) {
  return db
    .selectFrom('events_events as e')
    .leftJoin('projects as p', 'p.id', 'e.project_id')
    .selectAll('e')
    .select(['p.slug as project_slug', 'p.title as project_title', 'p.visibility as project_visibility']);
}

type ListValues = { now: string; userId: number; projectId: number; offset: number };

// Shape: the viewer's kind (admin, public, member) and whether a project is chosen.
const listQuery = compiledQuery<ListValues, EventRow>((db, p, shape) => {
  const [viewer, filtered] = shape.split('|');
  return eventsFrom(db)
    .where((eb) => visible(eb as unknown as Eb, viewerOf(viewer!, p.userId)))
    .$if(filtered === 'project', (q) => q.where('e.project_id', '=', p.projectId))
    // Upcoming and ongoing first, soonest first; then past ones, latest first.
    .orderBy(sql`e.ends_at <= ${p.now}`)
    .orderBy(sql`case when e.ends_at > ${p.now} then e.starts_at end`)
    .orderBy('e.starts_at', 'desc')
    .orderBy('e.id')
    .limit(sql.lit(PAGE_SIZE + 1))
    .offset(p.offset) as unknown as Compilable<EventRow>;
});

export function listEvents(db: Db, o: { user: SessionUser | null; projectId: number | null; page: number; now?: Date }): { events: EventRow[]; hasNext: boolean } {
  const shape = `${visibilityShape(o.user)}|${o.projectId === null ? 'all' : 'project'}`;
  const values = { now: (o.now ?? new Date()).toISOString(), userId: o.user?.id ?? 0, projectId: o.projectId ?? 0, offset: (o.page - 1) * PAGE_SIZE };
  const rows = readSync(db).all(listQuery(db, shape, values));
  return { events: rows.slice(0, PAGE_SIZE), hasNext: rows.length > PAGE_SIZE };
}

// The feed is the same for everyone (calendar apps carry no session): what anonymous visitors see.
const feedQuery = compiledQuery<{ now: string }, EventRow>((db, p) =>
  eventsFrom(db)
    .where('e.ends_at', '>', p.now)
    .where((eb) => visible(eb as unknown as Eb, null))
    .orderBy('e.starts_at')
    .orderBy('e.id')
    .limit(sql.lit(FEED_MAX)) as unknown as Compilable<EventRow>,
);

export function listFeedEvents(db: Db, now = new Date()): EventRow[] {
  return readSync(db).all(feedQuery(db, '', { now: now.toISOString() }));
}

// The project page has checked that the viewer may see the project.
const panelQuery = compiledQuery<{ now: string; projectId: number }, EventRow>((db, p) =>
  eventsFrom(db)
    .where('e.project_id', '=', p.projectId)
    .where('e.ends_at', '>', p.now)
    .orderBy('e.starts_at')
    .orderBy('e.id')
    .limit(sql.lit(PANEL_SIZE + 1)) as unknown as Compilable<EventRow>,
);

/** A project's upcoming events, soonest first, and whether it has more. */
export function listProjectEvents(db: Db, projectId: number, now = new Date()): { events: EventRow[]; hasMore: boolean } {
  const rows = readSync(db).all(panelQuery(db, '', { now: now.toISOString(), projectId }));
  return { events: rows.slice(0, PANEL_SIZE), hasMore: rows.length > PANEL_SIZE };
}

const slugQuery = compiledQuery<{ slug: string }, EventRow>((db, p) => eventsFrom(db).where('e.slug', '=', p.slug) as unknown as Compilable<EventRow>);

/** An event by its slug (the caller checks that its project may be seen). */
export function findEventBySlug(db: Db, slug: string): EventRow | undefined {
  return readSync(db).first(slugQuery(db, '', { slug }));
}

export function findEventById(db: Db, id: number): EventRow | undefined {
  return readSync(db).first(eventsFrom(db).where('e.id', '=', id));
}

const mineQuery = compiledQuery<{ eventId: number; userId: number }, { status: RegistrationStatus; position: number | null }>((db, p) =>
  db
    .selectFrom('events_registrations as r')
    .select((eb) => [
      'r.status',
      // Among the people waiting, those who asked first (lower ids) are ahead: one index range.
      eb
        .selectFrom('events_registrations as w')
        .select((e) => e.fn.countAll<number>().as('n'))
        .whereRef('w.event_id', '=', 'r.event_id')
        .where('w.status', '=', 'waiting')
        .whereRef('w.id', '<=', 'r.id')
        .as('position'),
    ])
    .where('r.event_id', '=', p.eventId)
    .where('r.user_id', '=', p.userId),
);

/** The person's registration for the event, if any, and their place on the waiting list. */
export function findMine(db: Db, eventId: number, userId: number): Mine | null {
  const row = readSync(db).first(mineQuery(db, '', { eventId, userId }));
  return row ? { status: row.status, position: row.status === 'waiting' ? Number(row.position) : null } : null;
}

/** The projects this person may see that have events: the list's filter. */
export function listEventProjects(db: Db, user: SessionUser | null): { id: number; slug: string; title: string }[] {
  return readSync(db).all(
    db
      .selectFrom('projects as p')
      .select(['p.id', 'p.slug', 'p.title'])
      .where((eb) => eb.exists(eb.selectFrom('events_events as e').select('e.id').whereRef('e.project_id', '=', 'p.id')))
      .where((eb) => projectVisibleTo(eb, user))
      .orderBy('p.title'),
  );
}

export function findProject(db: Db, slug: string): { id: number; slug: string; title: string; visibility: Visibility } | undefined {
  return readSync(db).first(db.selectFrom('projects').select(['id', 'slug', 'title', 'visibility']).where('slug', '=', slug));
}
