// Pure rules of the collect step: its settings, the proposal form's configuration (which
// standard fields are shown or required, their help, the maximum cost), sorts, pages, views and
// filters of the list, the visitor's random order, the words of a full-text search, and the
// colours of categories.
import type { SettingDecl } from '../../platform/module.ts';
import type { Step } from '../../platform/participation.ts';
import { settingsWithDefaults } from '../../platform/step-settings.ts';
import { HEX_COLOUR, contrastRatio } from '../../platform/colour.ts';
import type { QuestionType } from '../../platform/questions/types.ts';
import { mediaConfig, type MediaConfig } from './media-rules.ts';

export const SORTS = ['random', 'newest', 'oldest', 'comments', 'cheapest', 'expensive'] as const;
export type Sort = (typeof SORTS)[number];
export const VIEWS = ['grid', 'list', 'map'] as const;
export type View = (typeof VIEWS)[number];

/** Step settings (the projects admin's step form shows them). */
export const SETTINGS = {
  allow_edit: { type: 'boolean', default: true, labelKey: 'collect.settings.allow_edit' },
  allow_delete: { type: 'boolean', default: true, labelKey: 'collect.settings.allow_delete' },
  comments: { type: 'boolean', default: true, labelKey: 'collect.settings.comments' },
  default_sort: { type: 'enum', default: 'random', options: SORTS, labelKey: 'collect.sort' },
} satisfies Record<string, SettingDecl>;

export function stepSettings(step: Pick<Step, 'settings'>) {
  const s = settingsWithDefaults(SETTINGS, step.settings);
  return { allowEdit: s.allow_edit === true, allowDelete: s.allow_delete === true, comments: s.comments === true, defaultSort: parseSort(s.default_sort, 'random') };
}
export const commentsOn = (step: Pick<Step, 'settings'>) => stepSettings(step).comments;

export const TITLE_MAX = 150;
export const SUMMARY_MAX = 300;
export const BODY_MAX = 10000;
export const ADDRESS_MAX = 200;
export const HELP_MAX = 1000;
export const NAME_MAX = 60;
export const SEARCH_MAX = 200;
/** Estimated costs are whole euros up to a billion. */
export const COST_LIMIT = 1_000_000_000;
export const PAGE_SIZE = 24;
/** Deeper pages are not served: an OFFSET costs a scan, and nobody reads page 5000. */
export const PAGE_MAX = 5000;
export const SIMILAR_MAX = 5;

// ---- The proposal form's configuration ----

export const FIELDS = ['summary', 'body', 'category', 'district', 'address', 'cost', 'image', 'attachments'] as const;
export type Field = (typeof FIELDS)[number];
export const MODES = ['off', 'optional', 'required'] as const;
export type Mode = (typeof MODES)[number];

/** With the file limits and the district option of media-rules.ts. */
export interface FormConfig extends MediaConfig {
  fields: Record<Field, { mode: Mode; help: string }>;
  /** The highest estimated cost accepted, in euros; null: no maximum. */
  costMax: number | null;
}

const DEFAULT_MODES: Record<Field, Mode> = { summary: 'required', body: 'required', category: 'optional', district: 'optional', address: 'optional', cost: 'off', image: 'off', attachments: 'off' };

/** The stored configuration (JSON) over the defaults; anything unreadable is the default. */
export function formConfig(json: string | null | undefined): FormConfig {
  let raw: Record<string, unknown> = {};
  try {
    const parsed = JSON.parse(json || '{}');
    if (parsed && typeof parsed === 'object') raw = parsed;
  } catch {
    raw = {};
  }
  const stored = (raw.fields ?? {}) as Record<string, { mode?: unknown; help?: unknown }>;
  const fields = Object.fromEntries(
    FIELDS.map((f) => {
      const s = stored[f] ?? {};
      return [f, { mode: parseMode(s.mode) ?? DEFAULT_MODES[f], help: typeof s.help === 'string' ? s.help : '' }];
    }),
  ) as FormConfig['fields'];
  const costMax = typeof raw.costMax === 'number' && Number.isInteger(raw.costMax) && raw.costMax > 0 ? raw.costMax : null;
  return { fields, costMax, ...mediaConfig(raw) };
}

export function parseMode(value: unknown): Mode | null {
  return (MODES as readonly string[]).includes(value as string) ? (value as Mode) : null;
}

/** Whole euros as people type them: "12 000", "12000", "12 000 €"; null when unreadable. */
export function parseCost(value: string): number | null {
  const v = value.replace(/[\s\u00a0\u202f]/g, '').replace(/\u20ac$/, ''); // €, escaped: see scripts/build.mjs
  if (!/^\d{1,10}$/.test(v)) return null;
  const n = Number(v);
  return n <= COST_LIMIT ? n : null;
}

/** The kinds of custom questions a proposal form offers (the platform's form engine has more). */
export const QUESTION_KINDS = ['short_text', 'long_text', 'single', 'multiple', 'number'] as const satisfies readonly QuestionType[];

// ---- Lists ----

export function parseSort(value: unknown, fallback: Sort): Sort {
  return (SORTS as readonly string[]).includes(value as string) ? (value as Sort) : fallback;
}

export function parseView(value: unknown): View {
  return value === 'list' || value === 'map' ? value : 'grid';
}

/** 1-based page number; anything unreadable is page 1, anything too deep the last allowed. */
export function parsePage(value: unknown): number {
  const n = typeof value === 'string' && /^\d{1,6}$/.test(value) ? Number(value) : 1;
  return Math.min(Math.max(n, 1), PAGE_MAX);
}

/** An id filter from the address: a positive whole number, else none. */
export function parseFilterId(value: unknown): number | null {
  return typeof value === 'string' && /^[1-9]\d{0,9}$/.test(value) ? Number(value) : null;
}

/**
 * The random sort: every proposal draws a key once, at creation (newShuffleKey, stored in
 * collect_proposals.shuffle and indexed), and a visitor's seed, kept in a session cookie, is
 * where that visitor starts reading the one order (queries.ts), so the list stays stable during
 * a visit and different visitors see different proposals first. Seeds and keys share a range.
 */
export const SEED_MODULUS = 2147483647;
export function parseSeed(value: unknown): number | null {
  const n = typeof value === 'string' && /^\d{1,10}$/.test(value) ? Number(value) : 0;
  return n >= 1 && n < SEED_MODULUS ? n : null;
}
export function newSeed(random = Math.random): number {
  return 1 + Math.floor(random() * (SEED_MODULUS - 2));
}
/** A proposal's key in the stored random order: in [1, SEED_MODULUS - 1), 0 being "not drawn" (migration 0022). */
export function newShuffleKey(random = Math.random): number {
  return 1 + Math.floor(random() * (SEED_MODULUS - 2));
}

// ---- Full-text search ----

/** The words of a search, letters and digits only (FTS5's own syntax never reaches it), at most 12. */
export function searchWords(text: string): string[] {
  return [...new Set((text.toLocaleLowerCase('fr').match(/[\p{L}\p{N}]+/gu) ?? []).filter((w) => w.length <= 40))].slice(0, 12);
}

/** An FTS5 query where every word must appear, the last one also as a prefix ("vélo" finds "vélos"). */
export function matchAll(text: string): string | null {
  const words = searchWords(text);
  if (words.length === 0) return null;
  return words.map((w, i) => (i === words.length - 1 ? `"${w}"*` : `"${w}"`)).join(' ');
}

/** Short words say little about what a proposal is about: "de", "la", "un"... */
const MEANINGFUL = 3;

/** An FTS5 query where any meaningful word of a title may appear: ranked, it finds look-alikes. */
export function matchAny(text: string): string | null {
  const words = searchWords(text).filter((w) => [...w].length >= MEANINGFUL);
  return words.length === 0 ? null : words.map((w) => `"${w}"`).join(' OR ');
}

// ---- Colours ----

/** A category's colour marks it beside its name (never behind text): 3:1 against white, as non-text contrast asks. */
export function swatchColourOk(hex: string): boolean {
  return HEX_COLOUR.test(hex) && contrastRatio(hex, '#ffffff') >= 3;
}
