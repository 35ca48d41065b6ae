// The public pages of the events: the list (upcoming first, then past ones; filtered by
// project, paginated; htmx swaps the list when the filter changes) and an event's own page with
// the person's registration. An event of a project this person may not see is a 404.
import type { FastifyReply, FastifyRequest } from 'fastify';
import { render } from '../../platform/render.ts';
import { notFound } from '../../platform/http.ts';
import { canSeeProject } from '../../platform/participation.ts';
import { findEventBySlug, findMine, findProject, listEventProjects, listEvents, type EventRow } from './queries.ts';
import { mapLinks, parsePage, registrationBox, timing, type RegistrationBox } from './rules.ts';
import { whenOf } from './when.ts';

type ListQuery = { project?: string; page?: string };

export function eventsUrl(o: { project?: string | null; page?: number }): string {
  const params = new URLSearchParams();
  if (o.project) params.set('project', o.project);
  if (o.page && o.page > 1) params.set('page', String(o.page));
  const s = params.toString();
  return s ? `/events?${s}` : '/events';
}

export async function listEventsPage(request: FastifyRequest<{ Querystring: ListQuery }>, reply: FastifyReply) {
  const db = request.server.db;
  const page = parsePage(request.query.page);
  const slug = typeof request.query.project === 'string' ? request.query.project : '';
  // Missing and hidden look the same: filtering on a hidden project reveals nothing.
  const project = slug ? findProject(db, slug) : undefined;
  if (slug && (!project || !canSeeProject(db, request.user, project))) throw notFound();
  const now = new Date();
  const { events, hasNext } = listEvents(db, { user: request.user, projectId: project?.id ?? null, page, now });
  const tz = request.server.config.timeZone;
  const items = events.map((e) => ({ ...e, timing: timing(e, now), when: whenOf(e, request.locale, tz) }));
  const choices = request.wantsFragment ? [] : listEventProjects(db, request.user);
  if (project && !choices.some((c) => c.id === project.id)) choices.push(project);
  return render(request, reply, 'events/index', { title: request.t('events.list.title'), events: items, hasNext, page, project: project ?? null, choices, eventsUrl }, { fragment: 'events/_list' });
}

/** The event of the URL, if this person may see it, else a 404. */
export function loadEvent(request: FastifyRequest<{ Params: { slug: string } }>): EventRow {
  const db = request.server.db;
  const e = findEventBySlug(db, request.params.slug);
  if (!e || (e.project_id !== null && !canSeeProject(db, request.user, { id: e.project_id, visibility: e.project_visibility! }))) throw notFound();
  return e;
}

/** The registration box for this person: their state and what they may do. */
export function boxFor(request: FastifyRequest, e: EventRow): RegistrationBox {
  const user = request.user;
  const mine = user ? findMine(request.server.db, e.id, user.id) : null;
  return registrationBox(e, mine, !user ? 'anonymous' : user.email_confirmed_at ? 'confirmed' : 'unconfirmed');
}

export async function showEvent(request: FastifyRequest<{ Params: { slug: string } }>, reply: FastifyReply) {
  const e = loadEvent(request);
  const tz = request.server.config.timeZone;
  return render(
    request,
    reply,
    'events/show',
    {
      title: e.title,
      event: e,
      timing: timing(e),
      when: whenOf(e, request.locale, tz),
      map: e.latitude !== null && e.longitude !== null ? mapLinks(e.latitude, e.longitude) : null,
      box: e.registration ? boxFor(request, e) : null,
      adminPath: request.user?.role === 'admin' ? `/admin/events/${e.id}/edit` : null,
    },
  );
}
