// Pure rules of projects and steps: slugs, local date-times in the instance's time zone,
// GeoJSON outlines, a project's state from its steps' states, and step settings forms.
import type { SettingDecl } from '../../platform/module.ts';
import type { StepState } from '../../platform/participation.ts';
import type { FormErrors } from '../../platform/forms.ts';

export const TITLE_MAX = 150;
export const SLUG_MAX = 80;
export const SUMMARY_MAX = 300;
export const BODY_MAX = 50000;
export const NAME_MAX = 100;
export const STEP_TITLE_MAX = 150;
export const CHECKBOX_LABEL_MAX = 300;
export const GEOJSON_MAX_BYTES = 200 * 1024;

export const SLUG = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

/** A URL slug from a title: accents dropped, lowercase a-z0-9 words joined by dashes. */
export function slugify(title: string): string {
  const words = title
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/œ/g, 'oe')
    .replace(/æ/g, 'ae')
    .split(/[^a-z0-9]+/)
    .filter(Boolean);
  let slug = '';
  for (const w of words) {
    const next = slug ? `${slug}-${w}` : w;
    if (next.length > SLUG_MAX) break;
    slug = next;
  }
  return slug || words.join('-').slice(0, SLUG_MAX);
}

// ---- Local date-times (what <input type="datetime-local"> sends) <-> UTC ISO ----

const LOCAL = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2}))?$/;
const formatters = new Map<string, Intl.DateTimeFormat>();

function wallClock(timeZone: string): Intl.DateTimeFormat {
  let f = formatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-GB', { timeZone, hourCycle: 'h23', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit' });
    formatters.set(timeZone, f);
  }
  return f;
}

function parts(ms: number, timeZone: string): Record<string, number> {
  const out: Record<string, number> = {};
  for (const p of wallClock(timeZone).formatToParts(new Date(ms))) if (p.type !== 'literal') out[p.type] = Number(p.value);
  return out;
}

/** Offset of the zone from UTC at this instant, in milliseconds (Paris in summer: +2 h). */
function offsetAt(ms: number, timeZone: string): number {
  const p = parts(ms, timeZone);
  const asUtc = Date.UTC(p.year!, p.month! - 1, p.day!, p.hour!, p.minute!, p.second!);
  return asUtc - Math.floor(ms / 1000) * 1000;
}

/**
 * '2026-03-29T10:00' read in `timeZone` → UTC ISO, or null when malformed. A time that does not
 * exist (skipped when clocks go forward) moves forward by the gap; an ambiguous one (clocks go
 * back) is read as the later, winter-time instant.
 */
export function localToUtc(local: string, timeZone: string): string | null {
  const m = LOCAL.exec(local);
  if (!m) return null;
  const [y, mo, d, h, mi] = [m[1], m[2], m[3], m[4], m[5]].map(Number) as [number, number, number, number, number];
  if (mo < 1 || mo > 12 || d < 1 || d > 31 || h > 23 || mi > 59) return null;
  const guess = Date.UTC(y, mo - 1, d, h, mi);
  if (new Date(guess).getUTCDate() !== d) return null; // 31 February and friends
  const first = guess - offsetAt(guess, timeZone);
  const second = guess - offsetAt(first, timeZone);
  return new Date(second).toISOString();
}

/** UTC ISO → 'YYYY-MM-DDTHH:mm' on the wall clock of `timeZone` (the input's value format). */
export function utcToLocal(iso: string | null | undefined, timeZone: string): string {
  if (!iso) return '';
  const ms = Date.parse(iso);
  if (Number.isNaN(ms)) return '';
  const p = parts(ms, timeZone);
  const two = (n: number | undefined) => String(n).padStart(2, '0');
  return `${p.year}-${two(p.month)}-${two(p.day)}T${two(p.hour)}:${two(p.minute)}`;
}

// ---- GeoJSON outlines of districts ----

const GEOJSON_TYPES = new Set(['Polygon', 'MultiPolygon', 'Feature', 'FeatureCollection']);

/** The catalogue key of what is wrong with a district outline, or null when it is usable. */
export function geoJsonProblem(text: string): string | null {
  if (Buffer.byteLength(text, 'utf8') > GEOJSON_MAX_BYTES) return 'projects.districts.errors.geojson_too_big';
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return 'projects.districts.errors.geojson_not_json';
  }
  const type = (value as { type?: unknown } | null)?.type;
  if (typeof value !== 'object' || value === null || Array.isArray(value) || typeof type !== 'string' || !GEOJSON_TYPES.has(type)) {
    return 'projects.districts.errors.geojson_type';
  }
  return null;
}

// ---- States ----

/** A project is open if any step is open, else upcoming if any is upcoming (or it has none). */
export function projectState(stepStates: readonly StepState[]): StepState {
  if (stepStates.includes('open')) return 'open';
  if (stepStates.length === 0 || stepStates.includes('upcoming')) return 'upcoming';
  return 'closed';
}

export const POSTAL_CODE = /^\d{5}$/;

/** Ids from a repeated form field (checkboxes): positive integers only, no duplicates. */
export function idList(body: unknown, name: string): number[] {
  const value = (body as Record<string, unknown> | null | undefined)?.[name];
  const list = Array.isArray(value) ? value : value === undefined ? [] : [value];
  const ids = list.filter((v): v is string => typeof v === 'string' && /^\d{1,12}$/.test(v)).map(Number).filter((n) => n > 0);
  return [...new Set(ids)];
}

