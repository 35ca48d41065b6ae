// Pure checks of the back office: the site settings form, roles, and search patterns.
import { HEX_COLOUR, contrastRatio, readableWithWhite } from '../../platform/colour.ts';
import { checkText, checkEmail, normalizeEmail, type FormErrors } from '../../platform/forms.ts';

export const NAME_MAX = 100;
export const INTRO_MAX = 20_000;
export const LEGAL_BODY_MAX = 50_000;
export const ROLES = ['citizen', 'moderator', 'admin'] as const;
export type Role = (typeof ROLES)[number];

export const isRole = (value: unknown): value is Role => typeof value === 'string' && (ROLES as readonly string[]).includes(value);

export interface SettingsValues {
  name: string;
  primary_color: string;
  intro_md: string;
  contact_email: string;
}

/** Normalises the submitted values (colour lowercased, email lowercased) and lists the errors. */
export function checkSettings(values: SettingsValues, locale: string): { values: SettingsValues; errors: FormErrors } {
  const clean = { ...values, primary_color: values.primary_color.toLowerCase(), contact_email: normalizeEmail(values.contact_email) };
  const errors: FormErrors = {};
  checkText(errors, 'name', clean.name, { required: true, max: NAME_MAX });
  if (!HEX_COLOUR.test(clean.primary_color)) errors.primary_color = { key: 'admin.settings.errors.colour_format' };
  else if (!readableWithWhite(clean.primary_color)) {
    errors.primary_color = { key: 'admin.settings.errors.low_contrast', params: { ratio: formatRatio(contrastRatio(clean.primary_color, '#ffffff'), locale) } };
  }
  checkText(errors, 'intro_md', clean.intro_md, { max: INTRO_MAX });
  if (clean.contact_email !== '') checkEmail(errors, 'contact_email', clean.contact_email);
  return { values: clean, errors };
}

/** One decimal, rounded down: 4.47 must never be shown as the 4.5 it fails to reach. */
export function formatRatio(ratio: number, locale: string): string {
  const down = Math.floor(ratio * 10) / 10;
  return new Intl.NumberFormat(locale, { minimumFractionDigits: 1, maximumFractionDigits: 1 }).format(down);
}

/** A LIKE pattern matching `q` anywhere, its own % _ and \ taken literally (ESCAPE '\'). */
export function containsPattern(q: string): string {
  return `%${q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}
