// Pure rules of the events: input limits, pages, an event's timing from the clock, what the
// registration box shows, links to the map, and reading the admin form (dates typed on the
// instance's wall clock, stored in UTC; a place or an online link; registration and capacity).
import { text, raw, checked, checkText, parseId, type FormErrors } from '../../platform/forms.ts';
import { slugify, SLUG, SLUG_MAX } from '../../platform/slugs.ts';
import { localToUtc, utcToLocal } from '../../platform/local-time.ts';
import type { RegistrationStatus } from './schema.ts';

export const TITLE_MAX = 150;
export const BODY_MAX = 50000;
export const PLACE_MAX = 300;
export const URL_MAX = 500;
export const CAPACITY_MAX = 100_000;
export const PAGE_SIZE = 10;
export const ADMIN_PAGE_SIZE = 50;
export const PAGE_MAX = 1000;
export const PANEL_SIZE = 3;
/** Upcoming events in the calendar feed: a town's year holds far fewer. */
export const FEED_MAX = 500;
/** `/events/feed.ics` is the feed: no event may take "feed" as its slug. */
export const RESERVED_SLUGS = ['feed'];

export function parsePage(value: unknown): number {
  const n = typeof value === 'string' && /^\d{1,6}$/.test(value) ? Number(value) : 1;
  return Math.min(Math.max(n, 1), PAGE_MAX);
}

export type Timing = 'upcoming' | 'ongoing' | 'past';

/** Upcoming before its start, ongoing until its end (exclusive), past from then on. */
export function timing(e: { starts_at: string; ends_at: string }, now = new Date()): Timing {
  const iso = now.toISOString();
  if (iso < e.starts_at) return 'upcoming';
  return iso < e.ends_at ? 'ongoing' : 'past';
}

/** People register and cancel until the event starts. */
export const registrationOpen = (e: { registration: number; starts_at: string }, now = new Date()) => e.registration === 1 && now.toISOString() < e.starts_at;

export interface Mine {
  status: RegistrationStatus;
  /** 1 for the first person waiting; null when registered. */
  position: number | null;
}

/** What views/events/_registration.eta shows. */
export interface RegistrationBox {
  action: string;
  open: boolean;
  capacity: number | null;
  registered: number;
  waiting: number;
  /** Null: no limit. */
  placesLeft: number | null;
  mine: Mine | null;
  /** Who is looking: only a confirmed account may register. */
  viewer: 'anonymous' | 'unconfirmed' | 'confirmed';
}

export function registrationBox(
  e: { slug: string; registration: number; starts_at: string; capacity: number | null; registered_count: number; waiting_count: number },
  mine: Mine | null,
  viewer: RegistrationBox['viewer'],
  now = new Date(),
): RegistrationBox {
  return {
    action: `/events/${e.slug}`,
    open: registrationOpen(e, now),
    capacity: e.capacity,
    registered: e.registered_count,
    waiting: e.waiting_count,
    placesLeft: e.capacity === null ? null : Math.max(0, e.capacity - e.registered_count),
    mine,
    viewer,
  };
}

/** OpenStreetMap and the Géoportail, centred on the point: no map library on our pages. */
export function mapLinks(latitude: number, longitude: number): { osm: string; geoportail: string } {
  // Fixed notation: a tiny number would otherwise print as 1e-7.
  const [lat, lon] = [latitude.toFixed(6), longitude.toFixed(6)];
  return {
    osm: `https://www.openstreetmap.org/?mlat=${lat}&mlon=${lon}#map=18/${lat}/${lon}`,
    geoportail: `https://www.geoportail.gouv.fr/carte?c=${lon},${lat}&z=18&permalink=yes`,
  };
}

/** An absolute http(s) address, else null (javascript:, data:, relative paths...). */
export function httpUrl(value: string): string | null {
  if (!/^https?:\/\//i.test(value)) return null;
  try {
    const url = new URL(value);
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.href : null;
  } catch {
    return null;
  }
}

/** A decimal degree typed with a point or a comma, within ±limit, else NaN. */
export function degrees(value: string, limit: number): number {
  if (!/^-?\d{1,3}([.,]\d{1,10})?$/.test(value)) return Number.NaN;
  const n = Number(value.replace(',', '.'));
  return Math.abs(n) <= limit ? n : Number.NaN;
}

const FIELDS = ['title', 'slug', 'project_id', 'starts_at', 'ends_at', 'place', 'latitude', 'longitude', 'online_url', 'body_md', 'capacity'] as const;
/** What the form sends, as typed (shown again with the errors). */
export type EventValues = Record<(typeof FIELDS)[number], string> & { registration: boolean };

/** What is stored. */
export interface EventFields {
  title: string;
  slug: string;
  project_id: number | null;
  starts_at: string;
  ends_at: string;
  place: string;
  latitude: number | null;
  longitude: number | null;
  online_url: string | null;
  body_md: string;
  registration: number;
  capacity: number | null;
}

export function emptyEventValues(): EventValues {
  return { ...(Object.fromEntries(FIELDS.map((f) => [f, ''])) as Record<(typeof FIELDS)[number], string>), registration: false };
}

export function valuesOfEvent(e: EventFields, timeZone: string): EventValues {
  const s = (v: number | string | null) => (v === null ? '' : String(v));
  return {
    title: e.title,
    slug: e.slug,
    project_id: s(e.project_id),
    starts_at: utcToLocal(e.starts_at, timeZone),
    ends_at: utcToLocal(e.ends_at, timeZone),
    place: e.place,
    latitude: s(e.latitude),
    longitude: s(e.longitude),
    online_url: s(e.online_url),
    body_md: e.body_md,
    registration: e.registration === 1,
    capacity: s(e.capacity),
  };
}

/** Reads and checks the form, but for the slug taken (the database's word). */
export function readEvent(body: unknown, timeZone: string, projectExists: (id: number) => boolean): { values: EventValues; fields: EventFields; errors: FormErrors } {
  const errors: FormErrors = {};
  const values = { ...(Object.fromEntries(FIELDS.map((f) => [f, text(body, f)])) as Record<(typeof FIELDS)[number], string>), registration: checked(body, 'registration') };
  values.slug = values.slug.toLowerCase();
  values.body_md = raw(body, 'body_md').replace(/\r\n/g, '\n').trimEnd();
  checkText(errors, 'title', values.title, { required: true, max: TITLE_MAX });
  checkText(errors, 'place', values.place, { max: PLACE_MAX });
  checkText(errors, 'body_md', values.body_md, { max: BODY_MAX });
  if (!values.slug && values.title) values.slug = slugify(values.title);
  if (values.title || text(body, 'slug')) {
    if (!values.slug) errors.slug = { key: 'events.admin.errors.slug_required' };
    else if (values.slug.length > SLUG_MAX || !SLUG.test(values.slug)) errors.slug = { key: 'events.admin.errors.slug_format', params: { max: SLUG_MAX } };
    else if (RESERVED_SLUGS.includes(values.slug)) errors.slug = { key: 'events.admin.errors.slug_reserved' };
  }
  const projectId = values.project_id ? parseId(values.project_id) : null;
  if (values.project_id && (projectId === null || !projectExists(projectId))) errors.project_id = { key: 'forms.invalid_choice' };
  const date = (name: 'starts_at' | 'ends_at') => {
    if (!values[name]) {
      errors[name] = { key: 'forms.required' };
      return '';
    }
    const utc = localToUtc(values[name], timeZone);
    if (!utc) errors[name] = { key: 'events.admin.errors.date_invalid' };
    return utc ?? '';
  };
  const starts = date('starts_at');
  const ends = date('ends_at');
  if (starts && ends && ends <= starts) errors.ends_at = { key: 'events.admin.errors.ends_before_starts' };
  const [lat, lon] = [degrees(values.latitude, 90), degrees(values.longitude, 180)];
  if (values.latitude && Number.isNaN(lat)) errors.latitude = { key: 'events.admin.errors.latitude' };
  if (values.longitude && Number.isNaN(lon)) errors.longitude = { key: 'events.admin.errors.longitude' };
  if (!values.latitude !== !values.longitude) errors[values.latitude ? 'longitude' : 'latitude'] = { key: 'events.admin.errors.point_half' };
  const url = values.online_url ? httpUrl(values.online_url) : null;
  if (values.online_url && (!url || values.online_url.length > URL_MAX)) errors.online_url = { key: 'events.admin.errors.url', params: { max: URL_MAX } };
  if (!values.place && !values.online_url) errors.place = { key: 'events.admin.errors.place_or_link' };
  let capacity: number | null = null;
  if (values.capacity) {
    capacity = /^\d{1,6}$/.test(values.capacity) ? Number(values.capacity) : Number.NaN;
    if (!(capacity >= 1 && capacity <= CAPACITY_MAX)) errors.capacity = { key: 'events.admin.errors.capacity', params: { max: CAPACITY_MAX } };
  }
  const point = values.latitude && values.longitude && !errors.latitude && !errors.longitude;
  const fields: EventFields = {
    title: values.title,
    slug: values.slug,
    project_id: projectId,
    starts_at: starts,
    ends_at: ends,
    place: values.place,
    latitude: point ? lat : null,
    longitude: point ? lon : null,
    online_url: url,
    body_md: values.body_md,
    registration: values.registration ? 1 : 0,
    capacity,
  };
  return { values, fields, errors };
}
