// The municipality's settings (name, logo, colour, introduction, contact), its header and footer
// menus, and legal pages, read on every page: kept in memory and dropped whenever they change.
import type { Db } from '../db/open.ts';
import type { SiteSettingsTable } from '../db/schema.ts';
import { readSync } from '../db/write.ts';

/** One link of a menu, ready to show: `label`, or when it is '' the catalogue's `labelKey`
 * (a legal page's name, in the reader's language). */
export interface MenuEntry {
  readonly href: string;
  readonly label: string;
  readonly labelKey: string;
}

export interface SiteMenus {
  /** Shown after "Home" in the header's navigation. */
  readonly header: readonly MenuEntry[];
  /** The footer's links, before the contact link. */
  readonly footer: readonly MenuEntry[];
}

export type Site = Readonly<SiteSettingsTable> & { readonly menus: SiteMenus };

export const LEGAL_PAGES = ['mentions-legales', 'conditions-utilisation', 'donnees-personnelles', 'accessibilite'] as const;
export type LegalPage = (typeof LEGAL_PAGES)[number];

const NO_MENUS: SiteMenus = Object.freeze({ header: Object.freeze([]), footer: Object.freeze([]) });

// The menus live in the site module's tables, which the platform does not know: the module
// hands over the function that reads them when it is registered.
let loadMenus: (db: Db) => SiteMenus = () => NO_MENUS;

export function provideMenus(loader: (db: Db) => SiteMenus): void {
  loadMenus = loader;
}

const cache = new WeakMap<Db, Site>();

export function getSite(db: Db): Site {
  let site = cache.get(db);
  if (!site) {
    const settings = readSync(db).first(db.selectFrom('site_settings').selectAll().where('id', '=', 1));
    if (!settings) throw new Error('site_settings row is missing: run the migrations');
    site = Object.freeze({ ...settings, menus: loadMenus(db) });
    cache.set(db, site);
  }
  return site;
}

/** Call after any write to site_settings, to a menu, or to a page a menu may point to. */
export function forgetSite(db: Db): void {
  cache.delete(db);
}
