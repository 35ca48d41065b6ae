// Pure checks of the pages and menus forms: a page's title, slug and body; a menu entry's menu,
// destination (a page, a local path, an external http(s) address) and label.
import { checkText, type FormErrors } from '../../platform/forms.ts';
import { safeNext } from '../../platform/http.ts';
import { LEGAL_PAGES } from '../../platform/site.ts';
import { LEGAL_BODY_MAX } from './rules.ts';

export const PAGE_TITLE_MAX = 120;
export { SLUG_MAX };
export const PAGE_BODY_MAX = LEGAL_BODY_MAX;
export const MENU_LABEL_MAX = 60;
export const LINK_MAX = 500;

/** Lowercase letters, digits and single hyphens between them: the address /pages/<slug>. */
export { SLUG };

export const isLegalSlug = (slug: string) => (LEGAL_PAGES as readonly string[]).includes(slug);

import { slugify, SLUG, SLUG_MAX } from '../../platform/slugs.ts';

export { slugify };

export interface PageValues {
  title: string;
  slug: string;
  body_md: string;
  published: boolean;
}

/** Checks a page form; an empty slug is made from the title. Uniqueness is the database's. */
export function checkPage(input: PageValues): { values: PageValues; errors: FormErrors } {
  const values = { ...input, slug: input.slug === '' ? slugify(input.title) : input.slug };
  const errors: FormErrors = {};
  checkText(errors, 'title', values.title, { required: true, max: PAGE_TITLE_MAX });
  if (values.slug === '') {
    if (!errors.title) errors.slug = { key: 'forms.required' };
  } else if (values.slug.length > SLUG_MAX) errors.slug = { key: 'forms.too_long', params: { max: SLUG_MAX } };
  else if (!SLUG.test(values.slug)) errors.slug = { key: 'admin.pages.errors.slug_format' };
  else if (isLegalSlug(values.slug)) errors.slug = { key: 'admin.pages.errors.slug_legal' };
  checkText(errors, 'body_md', values.body_md, { max: PAGE_BODY_MAX });
  return { values, errors };
}

export const MENUS = ['header', 'footer'] as const;
export type Menu = (typeof MENUS)[number];
/** What the form offers; a page choice is then a legal page or one of the site's pages. */
export const LINK_KINDS = ['page', 'path', 'url'] as const;
export type LinkKind = (typeof LINK_KINDS)[number];

export const isMenu = (v: unknown): v is Menu => typeof v === 'string' && (MENUS as readonly string[]).includes(v);
export const isLinkKind = (v: unknown): v is LinkKind => typeof v === 'string' && (LINK_KINDS as readonly string[]).includes(v);

/** Where an entry leads, as stored. */
export type EntryTarget = { kind: 'page'; pageId: number } | { kind: 'legal'; slug: string } | { kind: 'path' | 'url'; target: string };

export interface EntryValues {
  menu: Menu;
  kind: LinkKind;
  /** `legal:<slug>` or `page:<id>`, the value of the form's page list. */
  page: string;
  path: string;
  url: string;
  label: string;
}

/** The page list's value for a target (the inverse of parsePageChoice). */
export const pageChoice = (t: { kind: 'page'; pageId: number } | { kind: 'legal'; slug: string }) => (t.kind === 'page' ? `page:${t.pageId}` : `legal:${t.slug}`);

export function parsePageChoice(value: string): EntryTarget | null {
  const legal = /^legal:(.+)$/.exec(value);
  if (legal && isLegalSlug(legal[1]!)) return { kind: 'legal', slug: legal[1]! };
  const page = /^page:([1-9]\d{0,14})$/.exec(value);
  return page ? { kind: 'page', pageId: Number(page[1]) } : null;
}

/** A path of this site, in the URL parser's own encoding, or null when it could lead elsewhere. */
export function localPath(value: string): string | null {
  if (value.length > LINK_MAX) return null;
  const path = safeNext(value, '');
  return path === '' ? null : path;
}

/** An absolute http(s) address without credentials (https://ville.fr@evil.example misleads), or null. */
export function externalUrl(value: string): string | null {
  if (value.length > LINK_MAX || /[\s\u0000-\u001f\u007f-\u009f]/.test(value)) return null;
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return null;
  }
  if ((url.protocol !== 'http:' && url.protocol !== 'https:') || !url.hostname || url.username || url.password) return null;
  return url.href;
}

/** Checks a menu entry's destination and label; `target` is set when there is no error. */
export function checkEntry(values: EntryValues): { target: EntryTarget | null; errors: FormErrors } {
  const errors: FormErrors = {};
  let target: EntryTarget | null = null;
  if (values.kind === 'page') {
    target = parsePageChoice(values.page);
    if (!target) errors.page = { key: 'admin.menus.errors.page_missing' };
  } else if (values.kind === 'path') {
    const path = values.path === '' ? null : localPath(values.path);
    if (values.path === '') errors.path = { key: 'forms.required' };
    else if (path === null) errors.path = { key: 'admin.menus.errors.path_invalid' };
    else target = { kind: 'path', target: path };
  } else {
    const url = values.url === '' ? null : externalUrl(values.url);
    if (values.url === '') errors.url = { key: 'forms.required' };
    else if (url === null) errors.url = { key: 'admin.menus.errors.url_invalid' };
    else target = { kind: 'url', target: url };
  }
  // A page brings its own name; an address needs one.
  checkText(errors, 'label', values.label, { required: values.kind !== 'page', max: MENU_LABEL_MAX });
  return { target: Object.keys(errors).length ? null : target, errors };
}
