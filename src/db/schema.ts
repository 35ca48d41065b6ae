// Row types of the platform's tables, keeping the column names (DESIGN). A module types its own
// tables in its folder (schema.ts), adding them to Schema by declaration merging.
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
  postal_code: Generated<string | null>;
  district_id: Generated<number | null>;
  notify_email: Generated<'immediate' | 'digest' | 'off'>;
  unread_notifications: Generated<number>;
  unsubscribe_key: string | null;
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
  // Not Generated: the one row exists from migration 0001 on, and Site reads it as it is.
  moderate_first_contribution: number;
  max_links: number;
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
  /** JSON object of extra headers (List-Unsubscribe...), or null. */
  headers: string | null;
  /** The campaign this message belongs to (its progress is counted by it), or null. */
  campaign_id: number | null;
  /** 1: its text holds a lasting secret (an access code), deleted once sent. */
  secret: Generated<number>;
}

export type FollowTarget = 'project' | 'step' | 'contribution';

export interface FollowsTable {
  user_id: number;
  target_kind: FollowTarget;
  target_id: number;
  created_at: string;
}

export interface NotificationsTable {
  id: Generated<number>;
  user_id: number;
  /** What happened: a key of the notifications catalogue (new_contribution, reply, status...). */
  kind: string;
  project_id: number | null;
  step_id: number | null;
  contribution_id: number | null;
  actor_id: number | null;
  created_at: string;
  read_at: string | null;
  emailed: Generated<number>;
}

export interface ThemesTable {
  id: Generated<number>;
  name: string;
}

export interface DistrictsTable {
  id: Generated<number>;
  name: string;
  geojson: string | null;
}

export interface UserGroupsTable {
  id: Generated<number>;
  name: string;
}

export interface UserGroupMembersTable {
  group_id: number;
  user_id: number;
}

export type Visibility = 'draft' | 'public' | 'restricted';

export interface ProjectsTable {
  id: Generated<number>;
  slug: string;
  title: string;
  summary: Generated<string>;
  body_md: Generated<string>;
  cover_path: string | null;
  visibility: Generated<Visibility>;
  archived: Generated<number>;
  participants_count: Generated<number>;
  contributions_count: Generated<number>;
  votes_count: Generated<number>;
  created_at: string;
  updated_at: string;
}

export interface ProjectThemesTable {
  project_id: number;
  theme_id: number;
}
export interface ProjectDistrictsTable {
  project_id: number;
  district_id: number;
}
export interface ProjectGroupsTable {
  project_id: number;
  group_id: number;
}
export interface ProjectParticipantsTable {
  project_id: number;
  user_id: number;
}

export interface StepsTable {
  id: Generated<number>;
  project_id: number;
  position: number;
  type: string;
  title: string;
  body_md: Generated<string>;
  starts_at: string | null;
  ends_at: string | null;
  settings: Generated<string>;
  require_postal_code: Generated<number>;
  require_district: Generated<number>;
  require_checkbox_label: string | null;
  premoderation: Generated<number>;
  /** When the notifications module told participants and followers that the step opened. */
  opening_announced_at: string | null;
  /** When its results were announced (a debate's conclusion, a consultation's close). */
  results_announced_at: string | null;
  /** JSON: requirement → the actions it applies to (see platform/participation.ts). */
  requirement_actions: Generated<string>;
  contributions_count: Generated<number>;
  votes_count: Generated<number>;
  created_at: string;
  updated_at: string;
}

export interface StepCheckboxAcceptancesTable {
  step_id: number;
  user_id: number;
  accepted_at: string;
}

export type ContributionStatus = 'published' | 'pending' | 'hidden' | 'trashed';

export interface ContributionsTable {
  id: Generated<number>;
  step_id: number;
  author_id: number;
  parent_id: number | null;
  kind: string;
  status: Generated<ContributionStatus>;
  title: string | null;
  body_md: Generated<string>;
  created_at: string;
  edited_at: string | null;
  comments_count: Generated<number>;
  moderation_reason: string | null;
  moderated_at: string | null;
}

export interface Schema {
  users: UsersTable;
  sessions: SessionsTable;
  one_time_tokens: OneTimeTokensTable;
  site_settings: SiteSettingsTable;
  legal_pages: LegalPagesTable;
  mail_outbox: MailOutboxTable;
  follows: FollowsTable;
  notifications: NotificationsTable;
  themes: ThemesTable;
  districts: DistrictsTable;
  user_groups: UserGroupsTable;
  user_group_members: UserGroupMembersTable;
  projects: ProjectsTable;
  project_themes: ProjectThemesTable;
  project_districts: ProjectDistrictsTable;
  project_groups: ProjectGroupsTable;
  project_participants: ProjectParticipantsTable;
  steps: StepsTable;
  step_checkbox_acceptances: StepCheckboxAcceptancesTable;
  contributions: ContributionsTable;
}
