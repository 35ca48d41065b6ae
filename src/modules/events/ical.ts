// iCalendar (RFC 5545) for one event (/events/<slug>.ics) and for every upcoming one
// (/events/feed.ics), written here rather than with a library: a VEVENT with UTC times needs no
// VTIMEZONE, and the rules that matter (CRLF, lines folded at 75 octets without cutting a UTF-8
// character, TEXT escaping) fit in a few functions a test can hold to the RFC.
import type { FastifyReply, FastifyRequest } from 'fastify';
import { notFound } from '../../platform/http.ts';
import { canSeeProject } from '../../platform/participation.ts';
import { getSite } from '../../platform/site.ts';
import { findEventBySlug, listFeedEvents, type EventRow } from './queries.ts';

/** TEXT values (RFC 5545 3.3.11): backslash, semicolon and comma escaped, newlines as \n,
 * other control characters (forbidden there) dropped. */
export function icsText(value: string): string {
  return value
    .replace(/\r\n?/g, '\n')
    .replace(/[\u0000-\u0008\u000B-\u001F\u007F]/g, '')
    .replace(/[\\;,]/g, (c) => `\\${c}`)
    .replace(/\n/g, '\\n');
}

/** Lines longer than 75 octets go on as continuation lines starting with a space (3.1). */
export function fold(line: string): string {
  const out: string[] = [];
  let current = '';
  let bytes = 0;
  for (const ch of line) {
    const size = Buffer.byteLength(ch);
    if (bytes + size > 75) {
      out.push(current);
      current = ' ';
      bytes = 1;
    }
    current += ch;
    bytes += size;
  }
  out.push(current);
  return out.join('\r\n');
}

/** A UTC DATE-TIME in the basic form: 20260314T173000Z. */
export const icsDate = (iso: string) => new Date(iso).toISOString().replace(/[-:]/g, '').replace(/\.\d{3}/, '');

export interface CalendarInput {
  baseUrl: string;
  /** The calendar's name, for a feed. */
  name?: string;
  events: EventRow[];
}

function vevent(e: EventRow, baseUrl: string, host: string): string[] {
  const url = `${baseUrl}/events/${encodeURIComponent(e.slug)}`;
  const description = [e.body_md.trim(), e.online_url ?? '', url].filter(Boolean).join('\n\n');
  const lines = [
    'BEGIN:VEVENT',
    `UID:event-${e.id}@${host}`,
    `DTSTAMP:${icsDate(e.updated_at)}`,
    `CREATED:${icsDate(e.created_at)}`,
    `LAST-MODIFIED:${icsDate(e.updated_at)}`,
    `DTSTART:${icsDate(e.starts_at)}`,
    `DTEND:${icsDate(e.ends_at)}`,
    `SUMMARY:${icsText(e.title)}`,
    `DESCRIPTION:${icsText(description)}`,
  ];
  const location = e.place || e.online_url;
  if (location) lines.push(`LOCATION:${icsText(location)}`);
  if (e.latitude !== null && e.longitude !== null) lines.push(`GEO:${e.latitude.toFixed(6)};${e.longitude.toFixed(6)}`);
  lines.push(`URL:${url}`, 'END:VEVENT');
  return lines;
}

export function calendar(c: CalendarInput): string {
  const host = new URL(c.baseUrl).hostname;
  // No METHOD: DTSTAMP then means the last change (RFC 5545 3.8.7.2), so the file stays the same
  // until the event changes, and calendar apps see a new version only when there is one.
  const lines = ['BEGIN:VCALENDAR', 'VERSION:2.0', 'PRODID:-//Palabre//Palabre events//FR', 'CALSCALE:GREGORIAN'];
  if (c.name) lines.push(`X-WR-CALNAME:${icsText(c.name)}`);
  for (const e of c.events) lines.push(...vevent(e, c.baseUrl, host));
  lines.push('END:VCALENDAR');
  return lines.map(fold).join('\r\n') + '\r\n';
}

const ICS = 'text/calendar; charset=utf-8';

/** GET /events/:slug.ics: one event, for whoever may see it. */
export async function eventIcs(request: FastifyRequest<{ Params: { slug: string } }>, reply: FastifyReply) {
  const app = request.server;
  const e = findEventBySlug(app.db, request.params.slug);
  if (!e || (e.project_id !== null && !canSeeProject(app.db, request.user, { id: e.project_id, visibility: e.project_visibility! }))) throw notFound();
  return reply
    .type(ICS)
    .header('content-disposition', `attachment; filename="${e.slug}.ics"`)
    .send(calendar({ baseUrl: app.config.baseUrl, events: [e] }));
}

/** GET /events/feed.ics: every upcoming event anyone may see, to subscribe to in a calendar app. */
export async function eventsFeed(request: FastifyRequest, reply: FastifyReply) {
  const app = request.server;
  const name = request.t('events.feed.title', { site: getSite(app.db).name });
  return reply.type(ICS).send(calendar({ baseUrl: app.config.baseUrl, name, events: listFeedEvents(app.db) }));
}
