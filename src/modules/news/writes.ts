// Every write of the news, each one synchronous transaction. The UNIQUE slug is the database's
// word: a slug taken meanwhile makes the insert or update throw, and nothing is written.
import type { Db } from '../../db/open.ts';
import { write } from '../../db/write.ts';
import type { PostFields } from './rules.ts';

export function insertPost(db: Db, f: PostFields, imagePath: string | null, now = new Date().toISOString()): number {
  return write(db, (tx) => tx.run(db.insertInto('news_posts').values({ ...f, image_path: imagePath, created_at: now, updated_at: now })).lastInsertRowid);
}

/**
 * Saves the fields; `imagePath` undefined keeps the image, null removes it, a path replaces it.
 * Returns the image the post had before (to delete the file once nobody uses it).
 */
export function updatePost(db: Db, id: number, f: PostFields, imagePath: string | null | undefined, now = new Date().toISOString()): string | null {
  return write(db, (tx) => {
    const before = tx.first(db.selectFrom('news_posts').select('image_path').where('id', '=', id));
    const image = imagePath === undefined ? {} : { image_path: imagePath };
    tx.run(db.updateTable('news_posts').set({ ...f, ...image, updated_at: now }).where('id', '=', id));
    return before?.image_path ?? null;
  });
}

/** Deletes the post; returns its image path (or null), undefined when it was already gone. */
export function deletePost(db: Db, id: number): string | null | undefined {
  return write(db, (tx) => tx.first(db.deleteFrom('news_posts').where('id', '=', id).returning('image_path'))?.image_path);
}
