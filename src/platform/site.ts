// The municipality's settings (name, logo, colour, introduction, contact) and legal pages,
// read on every page: kept in memory and dropped whenever an administrator saves them.
import type { Db } from '../db/open.ts';
import type { SiteSettingsTable } from '../db/schema.ts';
import { readSync } from '../db/write.ts';

export type Site = Readonly<SiteSettingsTable>;

export const LEGAL_PAGES = ['mentions-legales', 'conditions-utilisation', 'donnees-personnelles', 'accessibilite'] as const;
export type LegalPage = (typeof LEGAL_PAGES)[number];

const cache = new WeakMap<Db, Site>();

export function getSite(db: Db): Site {
  let site = cache.get(db);
  if (!site) {
    site = readSync(db).first(db.selectFrom('site_settings').selectAll().where('id', '=', 1));
    if (!site) throw new Error('site_settings row is missing: run the migrations');
    cache.set(db, Object.freeze(site));
  }
  return site;
}

/** Call after any write to site_settings. */
export function forgetSite(db: Db): void {
  cache.delete(db);
}
