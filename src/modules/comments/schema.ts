// The comments' tables, merged into the platform's Schema (src/db/schema.ts names no module).
import type { Generated } from 'kysely';

export interface CommentsItemsTable {
  contribution_id: number;
  target_id: number;
  reply_to: number | null;
  published: Generated<number>;
  useful_count: Generated<number>;
  replies_count: Generated<number>;
}

export interface CommentsMarksTable {
  comment_id: number;
  user_id: number;
  created_at: string;
}

declare module '../../db/schema.ts' {
  interface Schema {
    comments_items: CommentsItemsTable;
    comments_marks: CommentsMarksTable;
  }
}
