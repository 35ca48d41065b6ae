// The administrator's own pages (the site module's site_pages table, known here through the
// shared Schema). Every write drops the in-memory site (forgetSite): menus show page titles.
import type { Db } from '../../db/open.ts';
import { readSync, write } from '../../db/write.ts';
import { forgetSite } from '../../platform/site.ts';
import { isUniqueViolation } from '../../platform/users.ts';
import type { PageValues } from './pages-rules.ts';

export function listSitePages(db: Db) {
  return db.selectFrom('site_pages').select(['id', 'slug', 'title', 'published', 'updated_at']).orderBy('title').orderBy('id').execute();
}

export function findSitePageById(db: Db, id: number) {
  return db.selectFrom('site_pages').selectAll().where('id', '=', id).executeTakeFirst();
}

/** How many menu entries lead to this page (deleting it removes them). */
export function countPageEntries(db: Db, pageId: number): number {
  const row = readSync(db).first(db.selectFrom('site_menu_items').select((eb) => eb.fn.countAll<number>().as('n')).where('page_id', '=', pageId));
  return Number(row?.n ?? 0);
}

const columns = (v: PageValues) => ({ slug: v.slug, title: v.title, body_md: v.body_md, published: v.published ? 1 : 0 });

/** The new page's id, or 'slug_taken' when another page has that slug (nothing written). */
export function createSitePage(db: Db, values: PageValues, now = new Date()): number | 'slug_taken' {
  const iso = now.toISOString();
  try {
    return write(db, (tx) => tx.run(db.insertInto('site_pages').values({ ...columns(values), created_at: iso, updated_at: iso })).lastInsertRowid);
  } catch (err) {
    if (isUniqueViolation(err)) return 'slug_taken';
    throw err;
  } finally {
    forgetSite(db);
  }
}

export function updateSitePage(db: Db, id: number, values: PageValues, now = new Date()): 'saved' | 'missing' | 'slug_taken' {
  try {
    const changes = write(db, (tx) => tx.run(db.updateTable('site_pages').set({ ...columns(values), updated_at: now.toISOString() }).where('id', '=', id)).changes);
    return changes === 1 ? 'saved' : 'missing';
  } catch (err) {
    if (isUniqueViolation(err)) return 'slug_taken';
    throw err;
  } finally {
    forgetSite(db);
  }
}

/** Deletes the page and, by the foreign key, the menu entries leading to it. */
export function deleteSitePage(db: Db, id: number): boolean {
  const deleted = write(db, (tx) => tx.run(db.deleteFrom('site_pages').where('id', '=', id)).changes === 1);
  forgetSite(db);
  return deleted;
}
