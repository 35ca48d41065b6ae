// The news module's table (migration 0009), keeping the column names, merged into the
// platform's Schema by declaration merging.
import type { Generated } from 'kysely';

export interface NewsPostsTable {
  id: Generated<number>;
  slug: string;
  title: string;
  body_md: Generated<string>;
  image_path: string | null;
  image_alt: Generated<string>;
  project_id: number | null;
  /** UTC ISO; null: a draft nobody but administrators sees. */
  published_at: string | null;
  created_at: string;
  updated_at: string;
}

declare module '../../db/schema.ts' {
  interface Schema {
    news_posts: NewsPostsTable;
  }
}
