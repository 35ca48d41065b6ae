// Pure rules of the news: input limits, pages, a post's state from its publication date, and
// reading the admin form (dates typed on the instance's wall clock, stored in UTC).
import { text, raw, checkText, parseId, type FormErrors } from '../../platform/forms.ts';
import { slugify, SLUG, SLUG_MAX } from '../../platform/slugs.ts';
import { localToUtc, utcToLocal } from '../../platform/local-time.ts';

export const TITLE_MAX = 150;
export const BODY_MAX = 50000;
export const IMAGE_ALT_MAX = 200;
/** Posts per page of /news; the admin list shows more per page. */
export const PAGE_SIZE = 10;
export const ADMIN_PAGE_SIZE = 50;
/** Deeper pages are not served: an OFFSET costs a scan. */
export const PAGE_MAX = 1000;
/** Entries of the Atom feed, and posts on a project's panel. */
export const FEED_SIZE = 30;
export const PANEL_SIZE = 3;

/** 1-based page number; anything unreadable is page 1, anything too deep the last allowed. */
export function parsePage(value: unknown): number {
  const n = typeof value === 'string' && /^\d{1,6}$/.test(value) ? Number(value) : 1;
  return Math.min(Math.max(n, 1), PAGE_MAX);
}

export type PostState = 'draft' | 'scheduled' | 'published';

/** Draft without a date; scheduled until its date comes; published from then on. */
export function postState(publishedAt: string | null, now = new Date()): PostState {
  if (!publishedAt) return 'draft';
  return publishedAt > now.toISOString() ? 'scheduled' : 'published';
}

/** What the form sends, as typed (shown again with the errors). */
export interface PostValues {
  title: string;
  slug: string;
  project_id: string;
  published_at: string;
  body_md: string;
  image_alt: string;
}

/** What is stored. */
export interface PostFields {
  title: string;
  slug: string;
  project_id: number | null;
  published_at: string | null;
  body_md: string;
  image_alt: string;
}

export function emptyPostValues(now: Date, timeZone: string): PostValues {
  return { title: '', slug: '', project_id: '', published_at: utcToLocal(now.toISOString(), timeZone), body_md: '', image_alt: '' };
}

export function valuesOfPost(p: PostFields, timeZone: string): PostValues {
  return { title: p.title, slug: p.slug, project_id: p.project_id ? String(p.project_id) : '', published_at: utcToLocal(p.published_at, timeZone), body_md: p.body_md, image_alt: p.image_alt };
}

/**
 * Reads and checks the form, but for what only the database knows (the slug taken, the project
 * existing): `projectExists` answers the second. An empty slug is made from the title; an empty
 * date keeps the post as a draft.
 */
export function readPost(body: unknown, timeZone: string, projectExists: (id: number) => boolean): { values: PostValues; fields: PostFields; errors: FormErrors } {
  const errors: FormErrors = {};
  const values: PostValues = {
    title: text(body, 'title'),
    slug: text(body, 'slug').toLowerCase(),
    project_id: text(body, 'project_id'),
    published_at: text(body, 'published_at'),
    body_md: raw(body, 'body_md').replace(/\r\n/g, '\n').trimEnd(),
    image_alt: text(body, 'image_alt'),
  };
  checkText(errors, 'title', values.title, { required: true, max: TITLE_MAX });
  checkText(errors, 'body_md', values.body_md, { required: true, max: BODY_MAX });
  checkText(errors, 'image_alt', values.image_alt, { max: IMAGE_ALT_MAX });
  if (!values.slug && values.title) values.slug = slugify(values.title);
  if (values.title || text(body, 'slug')) {
    if (!values.slug) errors.slug = { key: 'news.admin.errors.slug_required' };
    else if (values.slug.length > SLUG_MAX || !SLUG.test(values.slug)) errors.slug = { key: 'news.admin.errors.slug_format', params: { max: SLUG_MAX } };
  }
  let projectId: number | null = null;
  if (values.project_id) {
    projectId = parseId(values.project_id);
    if (projectId === null || !projectExists(projectId)) errors.project_id = { key: 'forms.invalid_choice' };
  }
  let publishedAt: string | null = null;
  if (values.published_at) {
    publishedAt = localToUtc(values.published_at, timeZone);
    if (!publishedAt) errors.published_at = { key: 'news.admin.errors.date_invalid' };
  }
  const fields: PostFields = { title: values.title, slug: values.slug, project_id: projectId, published_at: publishedAt, body_md: values.body_md, image_alt: values.image_alt };
  return { values, fields, errors };
}

/**
 * The start of a post as plain text, for cards: the rendered (sanitised) Markdown with its tags
 * dropped and its entities read back, so no `**` or `[…](…)` shows; escaped again on output.
 */
export function plainExcerpt(html: string, max = 240): string {
  const plain = html
    // Block elements separate words; inline ones (strong, a...) sit inside them.
    .replace(/<\/?(?:p|div|li|ul|ol|br|hr|h\d|blockquote|pre|table|thead|tbody|tr|th|td)\b[^>]*>/g, ' ')
    .replace(/<[^>]*>/g, '')
    .replace(/&(?:#(\d+)|#x([0-9a-f]+)|(amp|lt|gt|quot|apos));/gi, (_m, dec: string, hex: string, name: string) =>
      dec ? String.fromCodePoint(Number(dec)) : hex ? String.fromCodePoint(parseInt(hex, 16)) : ({ amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" } as Record<string, string>)[name.toLowerCase()]!,
    )
    .replace(/\s+/g, ' ')
    .trim();
  if (plain.length <= max) return plain;
  const chars = [...plain];
  return chars.length > max ? `${chars.slice(0, max).join('').trimEnd()}…` : plain;
}
