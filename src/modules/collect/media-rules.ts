// Pure rules of a proposal's files and place: the form's limits on files (how many attachments,
// how large each file, both bounded by hard maximums), the "inside the chosen district" option,
// the names shown for attachments, and the coordinates typed or picked on the map.
import type { FormErrors } from '../../platform/forms.ts';
import type { FormValues } from '../../platform/questions/types.ts';
import { validLatitude, validLongitude } from '../../platform/geo.ts';

/** Hard maximums: a request holds its files in memory, and a small machine serves many people. */
export const ATTACHMENTS_HARD_MAX = 5;
export const FILE_MB_HARD_MAX = 8;
export const ATTACHMENTS_DEFAULT = 3;
export const FILE_MB_DEFAULT = 5;
export const ALT_MAX = 250;
export const FILE_NAME_MAX = 100;
export const MB = 1024 * 1024;

export interface MediaConfig {
  files: { count: number; mb: number };
  /** Coordinates, when given with a district, must lie inside that district's outline. */
  insideDistrict: boolean;
}

const whole = (v: unknown, min: number, max: number): number | null => (typeof v === 'number' && Number.isInteger(v) && v >= min && v <= max ? v : null);

/** The stored configuration's file limits and district option; anything unreadable is the default. */
export function mediaConfig(raw: Record<string, unknown>): MediaConfig {
  const files = (raw.files ?? {}) as { count?: unknown; mb?: unknown };
  return {
    files: { count: whole(files.count, 1, ATTACHMENTS_HARD_MAX) ?? ATTACHMENTS_DEFAULT, mb: whole(files.mb, 1, FILE_MB_HARD_MAX) ?? FILE_MB_DEFAULT },
    insideDistrict: raw.insideDistrict === true,
  };
}

/** The admin form's values of these settings. */
export function mediaValues(c: MediaConfig): Record<string, string> {
  return { files_count: String(c.files.count), file_mb: String(c.files.mb), inside_district: c.insideDistrict ? '1' : '' };
}

/** Reads them from the admin form, errors beside the fields. */
export function readMediaConfig(body: FormValues, errors: FormErrors): { values: Record<string, string>; config: MediaConfig } {
  const str = (name: string) => (typeof body[name] === 'string' ? (body[name] as string).trim() : '');
  const values = { files_count: str('files_count'), file_mb: str('file_mb'), inside_district: str('inside_district') ? '1' : '' };
  const int = (v: string, max: number) => (/^\d{1,3}$/.test(v) && Number(v) >= 1 && Number(v) <= max ? Number(v) : null);
  // Left empty: the default.
  const count = values.files_count === '' ? ATTACHMENTS_DEFAULT : int(values.files_count, ATTACHMENTS_HARD_MAX);
  const mb = values.file_mb === '' ? FILE_MB_DEFAULT : int(values.file_mb, FILE_MB_HARD_MAX);
  if (count === null) errors.files_count = { key: 'collect.media.errors.files_count', params: { max: ATTACHMENTS_HARD_MAX } };
  if (mb === null) errors.file_mb = { key: 'collect.media.errors.file_mb', params: { max: FILE_MB_HARD_MAX } };
  return { values, config: { files: { count: count ?? ATTACHMENTS_DEFAULT, mb: mb ?? FILE_MB_DEFAULT }, insideDistrict: values.inside_district === '1' } };
}

/**
 * The name shown for an attachment: the browser's, without folders, control or markup-prone
 * characters, shortened; its extension is the kind we stored ("plan.PDF" → "plan.pdf").
 */
export function cleanFileName(name: string, kind: 'pdf' | 'webp'): string {
  const base = (name.split(/[\\/]/).pop() ?? '')
    .normalize('NFC')
    .replace(/[\u0000-\u001f\u007f"<>|:*?]/g, '')
    .replace(/\.[A-Za-z0-9]{1,5}$/, '')
    .replace(/\s+/g, ' ')
    .trim();
  const short = [...base].slice(0, FILE_NAME_MAX - 5).join('') || (kind === 'pdf' ? 'document' : 'image');
  return `${short}.${kind}`;
}

/**
 * Latitude and longitude from the form (decimal degrees, a comma accepted): both or neither;
 * null when none is given. Errors go on `lat`.
 */
export function parseCoordinates(values: FormValues, errors: FormErrors): { lat: number; lng: number } | null {
  const str = (name: string) => (typeof values[name] === 'string' ? (values[name] as string).trim().replace(',', '.') : '');
  const [a, b] = [str('lat'), str('lng')];
  if (a === '' && b === '') return null;
  const number = (v: string) => (/^-?\d{1,3}(\.\d{1,12})?$/.test(v) ? Number(v) : Number.NaN);
  const [lat, lng] = [number(a), number(b)];
  if (!validLatitude(lat) || !validLongitude(lng)) {
    errors.lat = { key: 'collect.media.errors.coordinates' };
    return null;
  }
  return { lat, lng };
}
