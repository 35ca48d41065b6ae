// Pure rules of projects and steps: slugs, local date-times in the instance's time zone,
// GeoJSON outlines, a project's state from its steps' states, and step settings forms.
import type { SettingDecl } from '../../platform/module.ts';
import type { StepState } from '../../platform/participation.ts';
import type { FormErrors } from '../../platform/forms.ts';

export const TITLE_MAX = 150;
export { SLUG_MAX } from '../../platform/slugs.ts';
export const SUMMARY_MAX = 300;
export const BODY_MAX = 50000;
export const NAME_MAX = 100;
export const STEP_TITLE_MAX = 150;
export const CHECKBOX_LABEL_MAX = 300;
export const GEOJSON_MAX_BYTES = 200 * 1024;

// Slugs and local date-times are the platform's (projects, news, events and pages share them).
export { SLUG, slugify } from '../../platform/slugs.ts';
export { localToUtc, utcToLocal } from '../../platform/local-time.ts';

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

