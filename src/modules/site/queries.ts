import type { Db } from '../../db/open.ts';

export function findLegalPage(db: Db, slug: string) {
  return db.selectFrom('legal_pages').selectAll().where('slug', '=', slug).executeTakeFirst();
}
