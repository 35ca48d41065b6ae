// The campaigns' table (migration 0013), keeping the column names. Declaration merging adds it to
// the platform's Schema (src/db/schema.ts), so Kysely knows it and src/db/ names no module.
import type { Generated } from 'kysely';

export type Audience = 'project' | 'news';

export interface CampaignsEmailsTable {
  id: Generated<number>;
  subject: string;
  body: string;
  audience: Audience;
  project_id: number | null;
  author_id: number | null;
  sent_by_id: number | null;
  created_at: string;
  updated_at: string;
  sent_at: string | null;
  recipients_count: Generated<number>;
  per_minute: Generated<number>;
}

declare module '../../db/schema.ts' {
  interface Schema {
    campaigns_emails: CampaignsEmailsTable;
  }
}
