// The names people show each other. Unicode lets a name look empty, run right to left over what
// follows, hide line breaks or pile accents into a smear, and lets anyone call themselves
// "participant supprimé" or "Modérateur". Names are normalised once on the way in (NFC, single
// spaces) and refused when they would mislead; the names the site itself uses are reserved.
import type { FormErrors } from './forms.ts';
import { fr } from './messages.fr.ts';
import { en } from './messages.en.ts';

export const DISPLAY_NAME_MAX = 60;

/** Words of the site's own voice, compared folded (see `fold`). */
const RESERVED = [
  'admin',
  'administrateur',
  'administratrice',
  'administrator',
  'administration',
  'moderateur',
  'moderatrice',
  'moderator',
  'moderation',
  'modo',
  'palabre',
  'webmaster',
  'support',
  'systeme',
  'system',
  'anonyme',
  'anonymous',
];

// Control, format (zero-width, bidi marks and overrides, soft hyphen), line and paragraph
// separators, private use, surrogates and unassigned code points.
const INVISIBLE = /[\p{Cc}\p{Cf}\p{Zl}\p{Zp}\p{Co}\p{Cs}\p{Cn}]/u;
// Letters that draw nothing: Hangul fillers, the blank Braille pattern, Khmer inherent vowels.
const FILLERS = /[\u115f\u1160\u3164\uffa0\u2800\u17b4\u17b5]/u;
const TOO_MANY_MARKS = /\p{M}{4,}/u;

/** NFC, every run of spaces (no-break and ideographic ones too) made one space, trimmed.
 * Tabs and line breaks are not spaces here: `checkDisplayName` refuses them. */
export function normalizeName(value: string): string {
  return value.normalize('NFC').replace(/\p{Zs}+/gu, ' ').replace(/^ | $/g, '');
}

/** Case folded, accents and everything but letters and digits removed: "Modé-rateur" → "moderateur". */
export function fold(value: string): string {
  return value.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase().replace(/[^\p{L}\p{N}]/gu, '');
}

/** Names nobody may take: the built-in words, the deleted-participant label in every language, the site's name. */
export function reservedNames(siteName: string): Set<string> {
  const labels = [fr, en].map((catalogue) => catalogue['users.deleted_name']);
  return new Set([...RESERVED, ...labels, siteName].map(fold).filter(Boolean));
}

/**
 * Checks a display name already passed through `normalizeName`; adds a catalogue-keyed error
 * under `field` when it is refused.
 */
export function checkDisplayName(errors: FormErrors, field: string, name: string, reserved: Set<string>): void {
  if (name === '') errors[field] = { key: 'forms.required' };
  else if ([...name].length > DISPLAY_NAME_MAX) errors[field] = { key: 'forms.too_long', params: { max: DISPLAY_NAME_MAX } };
  else if (INVISIBLE.test(name) || FILLERS.test(name)) errors[field] = { key: 'names.errors.invisible' };
  else if (!/[\p{L}\p{N}]/u.test(name)) errors[field] = { key: 'names.errors.no_letter' };
  else if (TOO_MANY_MARKS.test(name)) errors[field] = { key: 'names.errors.marks' };
  else if (reserved.has(fold(name))) errors[field] = { key: 'names.errors.reserved' };
}

/** A name from the database as it may go into an email's text: on one line, without controls
 * (names stored before these rules existed may hold anything). */
export function nameForMail(name: string | null | undefined): string {
  return (name ?? '').replace(/[\p{Cc}\p{Cf}\p{Zl}\p{Zp}]+/gu, ' ').replace(/\s+/gu, ' ').trim();
}
