// The header and footer menus (the site module's site_menu_items table): list, add, change, move
// and remove entries. Each write is one transaction, then drops the in-memory site (forgetSite).
import { sql } from 'kysely';
import type { Db } from '../../db/open.ts';
import { write, type Tx } from '../../db/write.ts';
import { forgetSite } from '../../platform/site.ts';
import type { EntryTarget, Menu } from './pages-rules.ts';

/** Both menus' entries in order, with the page each page entry leads to. */
export function listMenuEntries(db: Db) {
  return db
    .selectFrom('site_menu_items as i')
    .leftJoin('site_pages as p', 'p.id', 'i.page_id')
    .select(['i.id', 'i.menu', 'i.kind', 'i.page_id', 'i.target', 'i.label', 'p.title as page_title', 'p.published as page_published'])
    .orderBy('i.menu')
    .orderBy('i.position')
    .orderBy('i.id')
    .execute();
}

export type MenuEntryRow = Awaited<ReturnType<typeof listMenuEntries>>[number];

export function findMenuEntry(db: Db, id: number) {
  return db.selectFrom('site_menu_items').select(['id', 'menu', 'kind', 'page_id', 'target', 'label']).where('id', '=', id).executeTakeFirst();
}

const stored = (t: EntryTarget) => ({ kind: t.kind, page_id: t.kind === 'page' ? t.pageId : null, target: t.kind === 'page' ? '' : t.kind === 'legal' ? t.slug : t.target });

/** Read inside the transaction, so a page deleted meanwhile is a refusal, not a failed insert. */
const pageGone = (db: Db, tx: Tx, t: EntryTarget) => t.kind === 'page' && !tx.first(db.selectFrom('site_pages').select('id').where('id', '=', t.pageId));

const nextPosition = (db: Db, tx: Tx, menu: Menu) => Number(tx.first(db.selectFrom('site_menu_items').select((eb) => eb.fn.max('position').as('p')).where('menu', '=', menu))?.p ?? 0) + 1;

/** Adds an entry at the end of its menu; 'page_missing' when its page no longer exists. */
export function addMenuEntry(db: Db, menu: Menu, target: EntryTarget, label: string, now = new Date()): number | 'page_missing' {
  const result = write(db, (tx) => {
    if (pageGone(db, tx, target)) return 'page_missing' as const;
    return tx.run(db.insertInto('site_menu_items').values({ menu, position: nextPosition(db, tx, menu), ...stored(target), label, created_at: now.toISOString() })).lastInsertRowid;
  });
  forgetSite(db);
  return result;
}

/** Changes an entry; moved to the other menu, it goes to that menu's end. */
export function updateMenuEntry(db: Db, id: number, menu: Menu, target: EntryTarget, label: string): 'saved' | 'missing' | 'page_missing' {
  const result = write(db, (tx) => {
    const entry = tx.first(db.selectFrom('site_menu_items').select(['menu']).where('id', '=', id));
    if (!entry) return 'missing' as const;
    if (pageGone(db, tx, target)) return 'page_missing' as const;
    const position = entry.menu === menu ? {} : { position: nextPosition(db, tx, menu) };
    tx.run(db.updateTable('site_menu_items').set({ menu, ...position, ...stored(target), label }).where('id', '=', id));
    return 'saved' as const;
  });
  forgetSite(db);
  return result;
}

/** Swaps the entry with its neighbour in its menu; false when there is none (or no entry). */
export function moveMenuEntry(db: Db, id: number, direction: 'up' | 'down'): boolean {
  const moved = write(db, (tx) => {
    const entry = tx.first(db.selectFrom('site_menu_items').select(['id', 'menu', 'position']).where('id', '=', id));
    if (!entry) return false;
    const up = direction === 'up';
    const neighbour = tx.first(
      db
        .selectFrom('site_menu_items')
        .select(['id', 'position'])
        .where('menu', '=', entry.menu)
        .where('position', up ? '<' : '>', entry.position)
        .orderBy('position', up ? 'desc' : 'asc')
        .limit(sql.lit(1)),
    );
    if (!neighbour) return false;
    tx.run(db.updateTable('site_menu_items').set({ position: neighbour.position }).where('id', '=', entry.id));
    tx.run(db.updateTable('site_menu_items').set({ position: entry.position }).where('id', '=', neighbour.id));
    return true;
  });
  forgetSite(db);
  return moved;
}

export function deleteMenuEntry(db: Db, id: number): boolean {
  const deleted = write(db, (tx) => tx.run(db.deleteFrom('site_menu_items').where('id', '=', id)).changes === 1);
  forgetSite(db);
  return deleted;
}
