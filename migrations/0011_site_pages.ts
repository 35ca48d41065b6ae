// The site module's pages (title, slug, Markdown, published or draft) and the entries of the
// header and footer menus. The footer starts with the four legal pages, as it showed before.
import { sql, type Kysely } from 'kysely';

const LEGAL = ['mentions-legales', 'conditions-utilisation', 'donnees-personnelles', 'accessibilite'];

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('site_pages')
    .addColumn('id', 'integer', (c) => c.primaryKey())
    // The code checks the form with clear messages; these checks only keep bad rows out.
    .addColumn('slug', 'text', (c) => c.notNull().unique().check(sql`slug <> '' and slug not glob '*[^a-z0-9-]*'`))
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('body_md', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('published', 'integer', (c) => c.notNull().defaultTo(0).check(sql`published in (0, 1)`))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();

  // A page entry follows its page: renaming the slug keeps the link, deleting the page removes it.
  await db.schema
    .createTable('site_menu_items')
    .addColumn('id', 'integer', (c) => c.primaryKey())
    .addColumn('menu', 'text', (c) => c.notNull().check(sql`menu in ('header', 'footer')`))
    .addColumn('position', 'integer', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull().check(sql`kind in ('page', 'legal', 'path', 'url')`))
    .addColumn('page_id', 'integer', (c) => c.references('site_pages.id').onDelete('cascade'))
    .addColumn('target', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('label', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addCheckConstraint('site_menu_items_page', sql`(kind = 'page') = (page_id is not null)`)
    .execute();
  await db.schema.createIndex('site_menu_items_order').on('site_menu_items').columns(['menu', 'position']).execute();
  await db.schema.createIndex('site_menu_items_page_id').on('site_menu_items').column('page_id').execute();

  const now = new Date().toISOString();
  for (const [i, slug] of LEGAL.entries()) {
    await db.insertInto('site_menu_items').values({ menu: 'footer', position: i + 1, kind: 'legal', target: slug, label: '', created_at: now }).execute();
  }
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('site_menu_items').execute();
  await db.schema.dropTable('site_pages').execute();
}
