// The events' back office (administrators only, checked by the route list): the list of events
// with their registrations, the new / edit form (dates on the instance's wall clock), the people
// registered and waiting for one event, and deletion after a confirmation page.
import type { FastifyReply, FastifyRequest } from 'fastify';
import { render } from '../../platform/render.ts';
import { notFound } from '../../platform/http.ts';
import { setFlash } from '../../platform/flash.ts';
import { hasErrors, parseId, type FormErrors } from '../../platform/forms.ts';
import { isUniqueViolation } from '../../platform/users.ts';
import { listProjectChoices, projectExists, slugTaken } from '../../platform/admin-form-lookups.ts';
import { listAllEvents, listRegistrations } from './admin-queries.ts';
import { findEventById } from './queries.ts';
import { deleteEvent, insertEvent, updateEvent } from './writes.ts';
import { mailPromotions } from './emails.ts';
import { ADMIN_PAGE_SIZE, BODY_MAX, CAPACITY_MAX, PLACE_MAX, TITLE_MAX, URL_MAX, emptyEventValues, parsePage, readEvent, timing, valuesOfEvent, type EventValues } from './rules.ts';
import { SLUG_MAX } from '../../platform/slugs.ts';

type IdParams = { Params: { id: string } };
/** People shown per page of an event's registrations. */
const PEOPLE_PAGE = 100;

function loadEvent(request: FastifyRequest<IdParams>) {
  const id = parseId(request.params.id);
  const e = id === null ? undefined : findEventById(request.server.db, id);
  if (!e) throw notFound();
  return e;
}

function formPage(request: FastifyRequest, reply: FastifyReply, id: number | null, values: EventValues, errors: FormErrors = {}, status = 200) {
  return render(
    request,
    reply,
    id ? 'events/admin/edit' : 'events/admin/new',
    {
      title: request.t(id ? 'events.admin.edit_title' : 'events.admin.new_title'),
      id,
      values,
      errors,
      projects: listProjectChoices(request.server.db),
      timeZone: request.server.config.timeZone,
      limits: { title: TITLE_MAX, slug: SLUG_MAX, body: BODY_MAX, place: PLACE_MAX, url: URL_MAX, capacity: CAPACITY_MAX },
    },
    { status },
  );
}

export async function adminEvents(request: FastifyRequest<{ Querystring: { page?: string } }>, reply: FastifyReply) {
  const page = parsePage(request.query.page);
  const { events, hasNext } = listAllEvents(request.server.db, page, ADMIN_PAGE_SIZE);
  const now = new Date();
  return render(request, reply, 'events/admin/index', { title: request.t('events.admin.title'), events: events.map((e) => ({ ...e, timing: timing(e, now) })), page, hasNext });
}

export async function newEvent(request: FastifyRequest, reply: FastifyReply) {
  return formPage(request, reply, null, emptyEventValues());
}

function readForm(request: FastifyRequest, id: number | null) {
  const db = request.server.db;
  const read = readEvent(request.body, request.server.config.timeZone, (projectId) => projectExists(db, projectId));
  if (!read.errors.slug && slugTaken(db, 'events_events', read.fields.slug, id)) read.errors.slug = { key: 'events.admin.errors.slug_taken' };
  return read;
}

const slugTakenError = { slug: { key: 'events.admin.errors.slug_taken' } };

export async function createEvent(request: FastifyRequest, reply: FastifyReply) {
  const { values, fields, errors } = readForm(request, null);
  if (hasErrors(errors)) return formPage(request, reply, null, values, errors, 422);
  let id: number;
  try {
    id = insertEvent(request.server.db, fields);
  } catch (err) {
    // The slug taken meanwhile: the UNIQUE constraint's word, nothing was written.
    if (!isUniqueViolation(err)) throw err;
    return formPage(request, reply, null, values, slugTakenError, 422);
  }
  setFlash(reply, 'events.admin.flash.created');
  return reply.redirect(`/admin/events/${id}/edit`, 303);
}

export async function editEvent(request: FastifyRequest<IdParams>, reply: FastifyReply) {
  const e = loadEvent(request);
  return formPage(request, reply, e.id, valuesOfEvent(e, request.server.config.timeZone));
}

export async function saveEvent(request: FastifyRequest<IdParams>, reply: FastifyReply) {
  const e = loadEvent(request);
  const { values, fields, errors } = readForm(request, e.id);
  if (hasErrors(errors)) return formPage(request, reply, e.id, values, errors, 422);
  try {
    updateEvent(request.server.db, e.id, fields, mailPromotions(request.server));
  } catch (err) {
    if (!isUniqueViolation(err)) throw err;
    return formPage(request, reply, e.id, values, slugTakenError, 422);
  }
  setFlash(reply, 'events.admin.flash.saved');
  return reply.redirect(`/admin/events/${e.id}/edit`, 303);
}

/** The people registered, then those waiting, in the order they asked; keyset pages. */
export async function eventRegistrations(request: FastifyRequest<IdParams & { Querystring: { after?: string } }>, reply: FastifyReply) {
  const e = loadEvent(request);
  const m = /^(registered|waiting)-(\d{1,12})$/.exec(typeof request.query.after === 'string' ? request.query.after : '');
  const after = m ? { status: m[1] as 'registered' | 'waiting', id: Number(m[2]) } : null;
  const rows = listRegistrations(request.server.db, e.id, after, PEOPLE_PAGE + 1);
  const people = rows.slice(0, PEOPLE_PAGE);
  const last = people.at(-1);
  const next = rows.length > PEOPLE_PAGE && last ? `/admin/events/${e.id}/registrations?after=${last.status}-${last.id}` : null;
  return render(request, reply, 'events/admin/registrations', { title: request.t('events.admin.registrations_title', { title: e.title }), event: e, people, next, first: after === null });
}

export async function confirmDeleteEvent(request: FastifyRequest<IdParams>, reply: FastifyReply) {
  const e = loadEvent(request);
  return render(request, reply, 'events/admin/delete', { title: request.t('events.admin.delete_title'), event: e });
}

export async function removeEvent(request: FastifyRequest<IdParams>, reply: FastifyReply) {
  const e = loadEvent(request);
  if (!deleteEvent(request.server.db, e.id)) throw notFound();
  setFlash(reply, 'events.admin.flash.deleted');
  return reply.redirect('/admin/events', 303);
}
