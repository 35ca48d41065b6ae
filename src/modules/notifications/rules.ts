// Pure logic of the notifications: parsing what forms send, the sentence and the link of a
// notification (the same for the list and the emails), the emails' text, and when the daily
// digest is due in the instance's time zone. No database here.
import type { Translate } from '../../platform/i18n.ts';
import type { Manifest } from '../../platform/module.ts';
import { kindOf } from '../../platform/contributions.ts';
import type { FollowTarget } from '../../db/schema.ts';

export const PAGE_SIZE = 30;
/** Every kind of notification, each with its sentence `notifications.kind.<kind>`. */
export const KINDS = ['new_contribution', 'comment', 'reply', 'status', 'official_answer', 'progress', 'step_open', 'results', 'moderated'] as const;
export type Kind = (typeof KINDS)[number];
export const EMAIL_CHOICES = ['immediate', 'digest', 'off'] as const;
export type EmailChoice = (typeof EMAIL_CHOICES)[number];
export const FOLLOW_KINDS = ['project', 'step', 'contribution'] as const satisfies readonly FollowTarget[];
/** The daily digest leaves at this hour of the instance's time zone (tests pass their own). */
export const DIGEST_HOUR = 7;
/** A step that opened (or closed) longer ago than this is old news: marked, not announced. */
export const ANNOUNCE_WITHIN_MS = 2 * 24 * 3600_000;
/** At most this many notifications are written out in one email; the rest are linked. */
export const MAIL_MAX_ITEMS = 30;

export const parseFollowKind = (v: string): FollowTarget | null => ((FOLLOW_KINDS as readonly string[]).includes(v) ? (v as FollowTarget) : null);
export const parseEmailChoice = (v: string): EmailChoice | null => ((EMAIL_CHOICES as readonly string[]).includes(v) ? (v as EmailChoice) : null);

/** `?before=<id>` of the list: a positive id, else the first page. */
export function parseCursor(v: unknown): number | null {
  return typeof v === 'string' && /^[1-9]\d{0,14}$/.test(v) ? Number(v) : null;
}

/** One notification with what it shows, as the list and the emails read it (one query). */
export interface NotificationRow {
  id: number;
  kind: string;
  created_at: string;
  read_at: string | null;
  actor_id: number | null;
  actor_name: string | null;
  actor_deleted_at: string | null;
  project_slug: string | null;
  project_title: string | null;
  step_id: number | null;
  step_title: string | null;
  step_type: string | null;
  contribution_id: number | null;
  c_kind: string | null;
  c_title: string | null;
  c_parent_id: number | null;
  c_status: string | null;
  c_author_id: number | null;
  parent_kind: string | null;
  parent_title: string | null;
  parent_status: string | null;
}

/** Whose eyes: a reader sees their own contributions whatever their status, officials all. */
export interface Reader {
  id: number;
  official: boolean;
}

export interface Described {
  id: number;
  unread: boolean;
  created_at: string;
  sentence: string;
  /** The contribution concerned ("Opinion: « Title »"), when there is one to show. */
  detail: string | null;
  href: string;
}

const visible = (status: string | null, authorId: number | null, reader: Reader) => status === 'published' || reader.official || (authorId !== null && authorId === reader.id);

/** The notification's sentence (one per kind), its detail line and its link. */
export function describe(t: Translate, manifests: readonly Manifest[], reader: Reader, r: NotificationRow): Described {
  const label = (kind: string | null) => {
    const k = kind && r.step_type ? kindOf(manifests, r.step_type, kind) : undefined;
    return k ? t(k.labelKey) : t('notifications.contribution');
  };
  const shown = r.contribution_id !== null && visible(r.c_status, r.c_author_id, reader);
  // What a comment or a reply is about: the contribution it answers; otherwise the contribution itself.
  const answers = (r.kind === 'comment' || r.kind === 'reply') && r.c_parent_id !== null;
  const aboutVisible = answers ? visible(r.parent_status, null, reader) || shown : shown;
  const named = (title: string | null, kind: string | null) => (title ? t('notifications.about.titled', { title }) : t('notifications.about.untitled', { kind: label(kind) }));
  const about = !aboutVisible ? t('notifications.withdrawn') : answers ? named(r.parent_title, r.parent_kind) : named(r.c_title, r.c_kind);
  const actor = r.actor_id === null || r.actor_deleted_at || r.actor_name === null ? t('users.deleted_name') : r.actor_name;
  const kind = (KINDS as readonly string[]).includes(r.kind) ? r.kind : 'other';
  const sentence = t(`notifications.kind.${kind}`, { actor, about, step: r.step_title ?? '', project: r.project_title ?? '' });
  const detail = shown && r.c_kind ? (r.c_title ? t('notifications.detail.titled', { kind: label(r.c_kind), title: r.c_title }) : label(r.c_kind)) : null;
  return { id: r.id, unread: r.read_at === null, created_at: r.created_at, sentence, detail, href: linkOf(manifests, r, shown) };
}

/** The contribution's permalink when the reader may see it, else its step, else its project. */
export function linkOf(manifests: readonly Manifest[], r: NotificationRow, shown: boolean): string {
  if (shown && r.c_kind && r.step_type && r.step_id !== null) {
    const kind = kindOf(manifests, r.step_type, r.c_kind);
    if (kind) return kind.permalink({ id: r.contribution_id!, step_id: r.step_id, parent_id: r.c_parent_id });
  }
  if (r.step_type && r.step_id !== null) return `/${r.step_type}/${r.step_id}`;
  if (r.project_slug) return `/projects/${encodeURIComponent(r.project_slug)}`;
  return '/notifications';
}

export interface MailInput {
  site: string;
  baseUrl: string;
  /** The greeting's name, already safe for an email (platform/names.ts nameForMail). */
  name: string;
  items: Described[];
  /** How many more were not written out. */
  more: number;
  digest: boolean;
  /** The day of a digest, formatted in the recipient's language. */
  day: string;
  unsubscribeUrl: string;
}

/** A plain-text email gathering notifications, with every link absolute. */
export function composeMail(t: Translate, m: MailInput): { subject: string; text: string } {
  const count = m.items.length + m.more;
  const subject = m.digest ? t('notifications.mail.digest.subject', { site: m.site, day: m.day }) : t('notifications.mail.immediate.subject', { site: m.site, count });
  const lines = [t('notifications.mail.greeting', { name: m.name }), '', m.digest ? t('notifications.mail.digest.intro', { count, day: m.day }) : t('notifications.mail.immediate.intro', { count }), ''];
  for (const item of m.items) {
    lines.push(`- ${item.sentence}`);
    if (item.detail) lines.push(`  ${item.detail}`);
    lines.push(`  ${m.baseUrl}${item.href}`, '');
  }
  if (m.more > 0) lines.push(t('notifications.mail.more', { count: m.more }), `${m.baseUrl}/notifications`, '');
  lines.push(
    t('notifications.mail.all'),
    `${m.baseUrl}/notifications`,
    '',
    t('notifications.mail.settings'),
    `${m.baseUrl}/notifications/settings`,
    '',
    t('notifications.mail.unsubscribe'),
    m.unsubscribeUrl,
    '',
    t('notifications.mail.signature', { site: m.site }),
  );
  return { subject, text: lines.join('\n') + '\n' };
}

/** The day ('YYYY-MM-DD') and hour (0–23) of `now` in `timeZone`. */
export function localTime(now: Date, timeZone: string): { day: string; hour: number } {
  const parts = new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', hourCycle: 'h23' }).formatToParts(now);
  const part = (type: string) => parts.find((p) => p.type === type)?.value ?? '';
  return { day: `${part('year')}-${part('month')}-${part('day')}`, hour: Number(part('hour')) };
}

/** The local day whose digest is due at `now` (from `hour` on), or null before that hour. */
export function digestDay(now: Date, timeZone: string, hour = DIGEST_HOUR): string | null {
  const local = localTime(now, timeZone);
  return local.hour >= hour ? local.day : null;
}
