// News posts: instance-wide or attached to a project, with a Markdown body, an optional image
// and a publication date (null: a draft; in the future: scheduled, shown from that instant on).
import type { Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('news_posts')
    // AUTOINCREMENT: a deleted post's id is never given again, so the Atom entry ids built on it
    // stay unique for feed readers.
    .addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
    .addColumn('slug', 'text', (c) => c.notNull().unique())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('body_md', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('image_path', 'text')
    .addColumn('image_alt', 'text', (c) => c.notNull().defaultTo(''))
    // A post goes with its project: deleting the project must not turn its news into the site's.
    .addColumn('project_id', 'integer', (c) => c.references('projects.id').onDelete('cascade'))
    .addColumn('published_at', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  // The list and the feed walk the first (newest first), a project's panel and filter the second.
  await db.schema.createIndex('news_posts_published').on('news_posts').columns(['published_at', 'id']).execute();
  await db.schema.createIndex('news_posts_project').on('news_posts').columns(['project_id', 'published_at', 'id']).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('news_posts').execute();
}
