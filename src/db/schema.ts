// Row types of every table, keeping the column names (DESIGN). Modules add their tables here.
import type { Generated } from 'kysely';

export interface UsersTable {
  id: Generated<number>;
  email: string | null;
  password_hash: string | null;
  display_name: string | null;
  role: 'citizen' | 'moderator' | 'admin';
  locale: string;
  news_consent: number;
  terms_accepted_at: string | null;
  email_confirmed_at: string | null;
  suspended_at: string | null;
  deleted_at: string | null;
  created_at: string;
}

export interface SessionsTable {
  id: string;
  secret_hash: Uint8Array;
  user_id: number;
  created_at: number;
  last_seen_at: number;
}

export type TokenPurpose = 'confirm_email' | 'reset_password' | 'change_email' | 'setup';

export interface OneTimeTokensTable {
  id: string;
  secret_hash: Uint8Array;
  purpose: TokenPurpose;
  user_id: number | null;
  payload: string | null;
  expires_at: string | null;
  used_at: string | null;
  created_at: string;
}

export interface SiteSettingsTable {
  id: number;
  name: string;
  logo_path: string | null;
  primary_color: string;
  intro_md: string;
  contact_email: string | null;
  setup_done_at: string | null;
  updated_at: string;
}

export interface LegalPagesTable {
  slug: string;
  body_md: string;
  updated_at: string;
}

export interface MailOutboxTable {
  id: Generated<number>;
  to_address: string;
  subject: string;
  text_body: string;
  attempts: Generated<number>;
  next_attempt_at: string;
  sent_at: string | null;
  last_error: string | null;
  created_at: string;
}

export interface Schema {
  users: UsersTable;
  sessions: SessionsTable;
  one_time_tokens: OneTimeTokensTable;
  site_settings: SiteSettingsTable;
  legal_pages: LegalPagesTable;
  mail_outbox: MailOutboxTable;
}
