// Reads of the public site: a legal page, one of the administrator's pages, and the menus that
// getSite keeps in memory with the site's settings (one query when that copy is rebuilt).
import type { Db } from '../../db/open.ts';
import { readSync } from '../../db/write.ts';
import type { MenuEntry, SiteMenus } from '../../platform/site.ts';
import type { MenuName } from './schema.ts';

export function findLegalPage(db: Db, slug: string) {
  return db.selectFrom('legal_pages').selectAll().where('slug', '=', slug).executeTakeFirst();
}

export function findSitePage(db: Db, slug: string) {
  return db.selectFrom('site_pages').select(['id', 'slug', 'title', 'body_md', 'published', 'updated_at']).where('slug', '=', slug).executeTakeFirst();
}

/**
 * Both menus in their order, as the header and footer show them to everyone: an entry pointing
 * to a draft page is left out (it would lead visitors to a 404), and a page entry without a
 * label of its own takes the page's title.
 */
export function loadMenus(db: Db): SiteMenus {
  const rows = readSync(db).all(
    db
      .selectFrom('site_menu_items as i')
      .leftJoin('site_pages as p', 'p.id', 'i.page_id')
      .select(['i.menu', 'i.kind', 'i.target', 'i.label', 'p.slug', 'p.title', 'p.published'])
      .orderBy('i.menu')
      .orderBy('i.position')
      .orderBy('i.id'),
  );
  const menus: Record<MenuName, MenuEntry[]> = { header: [], footer: [] };
  for (const row of rows) {
    let entry: MenuEntry;
    if (row.kind === 'page') {
      if (row.published !== 1 || row.slug === null) continue;
      entry = { href: `/pages/${row.slug}`, label: row.label || (row.title ?? ''), labelKey: '' };
    } else if (row.kind === 'legal') {
      entry = { href: `/pages/${row.target}`, label: row.label, labelKey: `legal.${row.target}` };
    } else {
      entry = { href: row.target, label: row.label, labelKey: '' };
    }
    menus[row.menu].push(Object.freeze(entry));
  }
  return Object.freeze({ header: Object.freeze(menus.header), footer: Object.freeze(menus.footer) });
}
