// Pure rules of the campaigns: input limits, reading the draft and send forms, the pace of a send
// (each message's not-before time), the progress figures, and the text every recipient gets.
import { text, raw, checkText, parseId, type FormErrors } from '../../platform/forms.ts';
import type { Translate } from '../../platform/i18n.ts';
import type { Audience } from './schema.ts';

export const SUBJECT_MAX = 150;
export const BODY_MAX = 20000;
export const AUDIENCES: readonly Audience[] = ['project', 'news'];
export const PAGE_SIZE = 30;
/** Deeper pages are not served: an OFFSET costs a scan. */
export const PAGE_MAX = 1000;
/**
 * Messages handed to the SMTP server per minute unless the administrator says otherwise: slow
 * enough for the quotas of the usual providers (a few hundred a minute), fast enough to reach
 * 10,000 people within the hour. The outbox itself can go well past the maximum.
 */
export const PER_MINUTE_DEFAULT = 300;
export const PER_MINUTE_MAX = 6000;

/** 1-based page number; anything unreadable is page 1, anything too deep the last allowed. */
export function parsePage(value: unknown): number {
  const n = typeof value === 'string' && /^\d{1,6}$/.test(value) ? Number(value) : 1;
  return Math.min(Math.max(n, 1), PAGE_MAX);
}

/** What the form sends, as typed (shown again with the errors). */
export interface DraftValues {
  subject: string;
  body: string;
  audience: string;
  project_id: string;
}

/** What is stored. */
export interface DraftFields {
  subject: string;
  body: string;
  audience: Audience;
  project_id: number | null;
}

export const emptyDraft = (): DraftValues => ({ subject: '', body: '', audience: 'news', project_id: '' });

export const valuesOfDraft = (d: DraftFields): DraftValues => ({ subject: d.subject, body: d.body, audience: d.audience, project_id: d.project_id ? String(d.project_id) : '' });

/**
 * Reads and checks the draft form; `projectExists` answers what only the database knows. A
 * project is asked for the project audience only, and ignored for the news.
 */
export function readDraft(body: unknown, projectExists: (id: number) => boolean): { values: DraftValues; fields: DraftFields; errors: FormErrors; badInput: boolean } {
  const errors: FormErrors = {};
  const values: DraftValues = {
    subject: text(body, 'subject'),
    body: raw(body, 'body').replace(/\r\n/g, '\n').trimEnd(),
    audience: text(body, 'audience'),
    project_id: text(body, 'project_id'),
  };
  checkText(errors, 'subject', values.subject, { required: true, max: SUBJECT_MAX });
  if (/[\r\n]/.test(values.subject)) errors.subject = { key: 'campaigns.errors.subject_line' };
  checkText(errors, 'body', values.body, { required: true, max: BODY_MAX });
  // The form offers two radio buttons: anything else is not a person's typing but a forged post.
  const badInput = values.audience !== '' && !(AUDIENCES as readonly string[]).includes(values.audience);
  if (values.audience === '' || badInput) errors.audience = { key: 'campaigns.errors.audience' };
  const audience = (badInput || values.audience === '' ? 'news' : values.audience) as Audience;
  let projectId: number | null = null;
  if (audience === 'project') {
    projectId = parseId(values.project_id);
    if (values.project_id === '') errors.project_id = { key: 'campaigns.errors.project_required' };
    else if (projectId === null || !projectExists(projectId)) errors.project_id = { key: 'campaigns.errors.project_unknown' };
  }
  return { values, fields: { subject: values.subject, body: values.body, audience, project_id: audience === 'project' ? projectId : null }, errors, badInput };
}

/** The pace of the send form: a whole number of messages per minute within the bounds. */
export function readPerMinute(body: unknown): { value: string; perMinute: number; errors: FormErrors } {
  const value = text(body, 'per_minute');
  const n = /^\d{1,6}$/.test(value) ? Number(value) : NaN;
  if (!(n >= 1 && n <= PER_MINUTE_MAX)) return { value, perMinute: 0, errors: { per_minute: { key: 'campaigns.errors.per_minute', params: { max: PER_MINUTE_MAX } } } };
  return { value, perMinute: n, errors: {} };
}

/** When the i-th message (0-based) of a send may leave: a steady rate from the start. */
export function notBefore(start: Date, index: number, perMinute: number): Date {
  return new Date(start.getTime() + Math.floor((index * 60_000) / perMinute));
}

/** The time the last message is due, for the confirmation and the progress page. */
export function expectedEnd(start: Date, count: number, perMinute: number): Date {
  return notBefore(start, Math.max(count - 1, 0), perMinute);
}

export interface Progress {
  total: number;
  sent: number;
  waiting: number;
  failed: number;
  done: boolean;
}

/**
 * The figures of a send from the outbox's aggregate. The outbox deletes sent messages after its
 * retention period, so what was sent is the total less what still waits or was abandoned.
 */
export function progressOf(total: number, waiting: number, failed: number): Progress {
  const sent = Math.max(total - waiting - failed, 0);
  return { total, sent, waiting, failed, done: waiting === 0 };
}

export interface MailParts {
  subject: string;
  body: string;
  audience: Audience;
  site: string;
  project: string | null;
  unsubscribeUrl: string;
}

/**
 * The email as every recipient reads it: the administrator's text as written, then, in the
 * recipient's language, why they receive it and the link that stops it (also in the headers).
 */
export function composeMail(t: Translate, m: MailParts): { subject: string; text: string } {
  const why = m.audience === 'project' ? t('campaigns.mail.why_project', { project: m.project ?? '', site: m.site }) : t('campaigns.mail.why_news', { site: m.site });
  return { subject: m.subject, text: [m.body, '', '-- ', why, `${t('campaigns.mail.unsubscribe')} ${m.unsubscribeUrl}`, ''].join('\n') };
}
