// Pure rules of the comments: limits, sorts and pages of a thread.
export const COMMENT_MAX = 5000;
export const PAGE_SIZE = 20;
export const PAGE_MAX = 5000;
/** Replies shown under each comment of a thread; the comment's own page has them all. */
export const REPLIES_SHOWN = 3;
export const REPLIES_PAGE = 50;
export const SORTS = ['newest', 'oldest', 'useful'] as const;
export type Sort = (typeof SORTS)[number];

export function parseSort(value: unknown): Sort {
  return (SORTS as readonly string[]).includes(value as string) ? (value as Sort) : 'newest';
}

/** 1-based page; anything unreadable is page 1, anything too deep the last allowed. */
export function parsePage(value: unknown): number {
  const n = typeof value === 'string' && /^\d{1,6}$/.test(value) ? Number(value) : 1;
  return Math.min(Math.max(n, 1), PAGE_MAX);
}

/** Moderators and administrators speak for the town: their comments carry a badge. */
export const isOfficial = (role: string | null | undefined) => role === 'moderator' || role === 'admin';
