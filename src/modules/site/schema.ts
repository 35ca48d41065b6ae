// The site module's tables (migration 0011): the administrator's own pages and the entries of
// the header and footer menus. Declaration merging adds them to the platform's Schema.
import type { Generated } from 'kysely';

export interface SitePagesTable {
  id: Generated<number>;
  /** Lowercase letters, digits and hyphens; never one of the legal pages' slugs. */
  slug: string;
  title: string;
  body_md: string;
  /** 1: public; 0: a draft, seen by administrators only. */
  published: number;
  created_at: string;
  updated_at: string;
}

export type MenuName = 'header' | 'footer';
/** page: one of site_pages (page_id); legal: a legal page (target = its slug); path: a local
 * address (target, as safeNext normalised it); url: an external http(s) address (target). */
export type MenuKind = 'page' | 'legal' | 'path' | 'url';

export interface SiteMenuItemsTable {
  id: Generated<number>;
  menu: MenuName;
  position: number;
  kind: MenuKind;
  page_id: number | null;
  target: string;
  /** '' for a page entry: the page's own title (a legal page's name in the reader's language). */
  label: string;
  created_at: string;
}

declare module '../../db/schema.ts' {
  interface Schema {
    site_pages: SitePagesTable;
    site_menu_items: SiteMenuItemsTable;
  }
}
