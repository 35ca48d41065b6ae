// Comments on contributions of any module that takes them (issue 8). A comment is a contribution
// (core table, kind 'comment', the commented contribution's step): its thread and place here.
// One level of replies: a reply points at the top-level comment it answers.
import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('comments_items')
    .addColumn('contribution_id', 'integer', (c) => c.primaryKey().references('contributions.id').onDelete('cascade'))
    // The commented contribution (the thread), whatever its module.
    .addColumn('target_id', 'integer', (c) => c.notNull().references('contributions.id').onDelete('cascade'))
    // The top-level comment a reply answers; null for a top-level comment.
    .addColumn('reply_to', 'integer', (c) => c.references('comments_items.contribution_id').onDelete('cascade'))
    // 1 while published: lists read this copy of the core status in their index.
    .addColumn('published', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('useful_count', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('replies_count', 'integer', (c) => c.notNull().defaultTo(0))
    .execute();
  // One index per sort of a thread's top-level comments; ids grow in posting order.
  await db.schema.createIndex('comments_items_thread').on('comments_items').columns(['target_id', 'reply_to', 'published', 'contribution_id']).execute();
  await db.schema.createIndex('comments_items_useful').on('comments_items').columns(['target_id', 'reply_to', 'published', 'useful_count', 'contribution_id']).execute();
  // The reader's own comments out of the thread (pending or hidden): few rows, a small index.
  await db.schema.createIndex('comments_items_unpublished').on('comments_items').column('target_id').where(sql.ref('published'), '=', 0).execute();
  await db.schema.createIndex('comments_items_replies').on('comments_items').columns(['reply_to', 'published', 'contribution_id']).execute();

  await db.schema
    .createTable('comments_marks')
    .addColumn('comment_id', 'integer', (c) => c.notNull().references('comments_items.contribution_id').onDelete('cascade'))
    .addColumn('user_id', 'integer', (c) => c.notNull().references('users.id'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('comments_marks_pk', ['comment_id', 'user_id'])
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('comments_marks').execute();
  await db.schema.dropTable('comments_items').execute();
}
