// The moderation's tables of migration 0008, merged into the platform's Schema (src/db/schema.ts
// names no module). The log, written by the admin's suspensions too, is typed by the platform
// (src/platform/moderation-log.ts).
import type { Generated } from 'kysely';

export const REASONS = ['spam', 'offensive', 'off_topic', 'personal_data', 'other'] as const;
export type Reason = (typeof REASONS)[number];

export interface ModerationReportsTable {
  id: Generated<number>;
  contribution_id: number;
  reporter_id: number;
  reason: Reason;
  details: string | null;
  created_at: string;
  closed_at: string | null;
}

export interface ModerationFlagsTable {
  contribution_id: number;
  open_reports: Generated<number>;
  last_reported_at: string;
}

declare module '../../db/schema.ts' {
  interface Schema {
    moderation_reports: ModerationReportsTable;
    moderation_flags: ModerationFlagsTable;
  }
}
