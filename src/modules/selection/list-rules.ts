// Pure rules of the selection step's list of proposals: its sorts (and which ones a viewer may
// use), views, pages, filters from the address, the visitor's random order, the words of a
// full-text search, whether the counts are shown, and the list's addresses.

export const SORTS = ['random', 'newest', 'oldest', 'supports', 'comments', 'cheapest', 'expensive'] as const;
export type Sort = (typeof SORTS)[number];
export const VIEWS = ['grid', 'list'] as const;
export type View = (typeof VIEWS)[number];

export const PAGE_SIZE = 24;
/** Deeper pages are not served: an OFFSET costs a scan, and nobody reads page 5000. */
export const PAGE_MAX = 5000;
export const SEARCH_MAX = 200;

/**
 * The counts are public from `countsPublicAt` (null: always); administrators always see them.
 * Before that date the public sees neither the counts nor a sort by them, which would tell the
 * ranking as surely as the numbers.
 */
export function countsShown(countsPublicAt: string | null | undefined, now: Date, admin: boolean): boolean {
  if (admin || !countsPublicAt) return true;
  const at = Date.parse(countsPublicAt);
  return Number.isNaN(at) || at <= now.getTime();
}

/** The sorts a viewer is offered: by supports only when they see the counts. */
export function sortsFor(shown: boolean): Sort[] {
  return SORTS.filter((s) => shown || s !== 'supports');
}

/** The sort asked for when it is offered, else the fallback (random: no proposal is favoured by its place). */
export function parseSort(value: unknown, offered: readonly Sort[], fallback: Sort = 'random'): Sort {
  return offered.includes(value as Sort) ? (value as Sort) : fallback;
}

export function parseView(value: unknown): View {
  return value === 'list' ? 'list' : 'grid';
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

/** The typed words, trimmed and cut to SEARCH_MAX; '' when none. */
export function parseWords(value: unknown): string {
  return typeof value === 'string' ? value.trim().slice(0, SEARCH_MAX) : '';
}

// ---- The visitor's random order ----

/**
 * Seeds and the proposals' stored keys (collect_proposals.shuffle, copied to the vote) share the
 * range [1, SEED_MODULUS - 1): a visitor's seed is where they start reading the one stored order.
 */
export const SEED_MODULUS = 2147483647;

/** The seed of the random order, kept in a session cookie so the order is stable during a visit. */
export function parseSeed(value: unknown): number | null {
  const n = typeof value === 'string' && /^\d{1,10}$/.test(value) ? Number(value) : 0;
  return n >= 1 && n < SEED_MODULUS ? n : null;
}

export function newSeed(random = Math.random): number {
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

// ---- Addresses ----

export interface ListState {
  words: string;
  categoryId: number | null;
  districtId: number | null;
  statusId: number | null;
  sort: Sort;
  view: View;
  page: number;
}

/** The list's address for this state with some of it changed; a new sort or view starts at page 1. */
export function listHref(base: string, s: ListState, change: Partial<Pick<ListState, 'sort' | 'view' | 'page'>> = {}): string {
  const params = new URLSearchParams();
  if (s.words) params.set('q', s.words);
  if (s.categoryId) params.set('category', String(s.categoryId));
  if (s.districtId) params.set('district', String(s.districtId));
  if (s.statusId) params.set('status', String(s.statusId));
  params.set('sort', change.sort ?? s.sort);
  if ((change.view ?? s.view) === 'list') params.set('view', 'list');
  const page = change.page ?? 1;
  if (page > 1) params.set('page', String(page));
  return `${base}?${params.toString()}`;
}
