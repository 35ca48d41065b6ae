// The tables of a proposal's files (migration 0020), merged into the platform's Schema as
// schema.ts does for the rest of the collect step.
import type { Generated } from 'kysely';

export interface CollectFilesTable {
  id: Generated<number>;
  proposal_id: number;
  author_id: number;
  role: 'image' | 'attachment';
  stored: string;
  card: string | null;
  name: Generated<string>;
  kind: 'pdf' | 'webp';
  bytes: number;
  alt: Generated<string>;
  width: number | null;
  height: number | null;
  position: Generated<number>;
  created_at: string;
}

declare module '../../db/schema.ts' {
  interface Schema {
    collect_files: CollectFilesTable;
    collect_file_removals: { stored: string };
  }
}
