// Pure rules of the moderation: the report form, what each action does to a contribution's
// status (and when it applies), which actions close the open reports and tell the author, and
// the pages of the queue and the log.
import type { ContributionStatus } from '../../db/schema.ts';
import { checkText, type FormErrors } from '../../platform/forms.ts';
import { REASONS, type Reason } from './schema.ts';

export { REASONS, type Reason };

/** The free text of a report ("other" requires it). */
export const DETAILS_MAX = 1000;
/** Why a moderator hid or trashed a contribution (the public reads it). */
export const MOTIVE_MAX = 500;
export const TITLE_MAX = 200;
export const BODY_MAX = 20000;
export const PAGE_SIZE = 20;
export const PAGE_MAX = 5000;

export const STATUS_ACTIONS = ['hide', 'restore', 'trash', 'approve', 'dismiss'] as const;
export type StatusAction = (typeof STATUS_ACTIONS)[number];
export const TABS = ['reported', 'pending'] as const;
export type Tab = (typeof TABS)[number];

export const isReason = (v: unknown): v is Reason => (REASONS as readonly string[]).includes(v as string);
export const isStatusAction = (v: unknown): v is StatusAction => (STATUS_ACTIONS as readonly string[]).includes(v as string);

export interface ReportInput {
  reason: string;
  details: string;
}

/** The report form's errors: a reason among the five, a text for "other", never too long. */
export function checkReport(values: ReportInput): FormErrors {
  const errors: FormErrors = {};
  if (values.reason === '') errors.reason = { key: 'moderation.report.errors.reason_required' };
  else if (!isReason(values.reason)) errors.reason = { key: 'forms.invalid_choice' };
  checkText(errors, 'details', values.details, { required: values.reason === 'other', max: DETAILS_MAX });
  if (errors.details?.key === 'forms.required') errors.details = { key: 'moderation.report.errors.details_required' };
  return errors;
}

export interface ActionContext {
  openReports: number;
  /** The contribution was trashed by a moderator (not withdrawn by its author). */
  trashedByModeration: boolean;
}

/**
 * The status an action leads to from `from`, or null when it does not apply: hide what is
 * published or waiting; restore what moderation hid or trashed (never what its author
 * withdrew); trash anything not trashed yet; approve what waits; dismiss the reports of a
 * published contribution that has some.
 */
export function transition(action: StatusAction, from: ContributionStatus, c: ActionContext): ContributionStatus | null {
  switch (action) {
    case 'hide':
      return from === 'published' || from === 'pending' ? 'hidden' : null;
    case 'restore':
      return from === 'hidden' || (from === 'trashed' && c.trashedByModeration) ? 'published' : null;
    case 'trash':
      return from === 'trashed' ? null : 'trashed';
    case 'approve':
      return from === 'pending' ? 'published' : null;
    case 'dismiss':
      return from === 'published' && c.openReports > 0 ? 'published' : null;
  }
}

/** The actions a moderator is offered for a contribution in this state. */
export function availableActions(from: ContributionStatus, c: ActionContext): StatusAction[] {
  return STATUS_ACTIONS.filter((a) => transition(a, from, c) !== null);
}

/** Hiding needs a reason the public will read; trashing may give one. */
export const motiveRequired = (action: StatusAction) => action === 'hide';

/** The author is told when their text is hidden, trashed, approved or edited. */
export const tellsAuthor = (action: StatusAction | 'edit') => action === 'hide' || action === 'trash' || action === 'approve' || action === 'edit';

/** The reason shown to the public: kept while hidden, dropped once published again. */
export function reasonAfter(action: StatusAction, motive: string, current: string | null): string | null {
  if (action === 'hide' || action === 'trash') return motive || null;
  if (action === 'dismiss') return current;
  return null;
}

export function parseTab(value: unknown): Tab {
  return value === 'pending' ? 'pending' : 'reported';
}

/** 1-based page number; anything unreadable is page 1, anything too deep the last allowed. */
export function parsePage(value: unknown): number {
  const n = typeof value === 'string' && /^\d{1,6}$/.test(value) ? Number(value) : 1;
  return Math.min(Math.max(n, 1), PAGE_MAX);
}

/** A keyset cursor of the log (the last id of the previous page), or null. */
export function parseCursor(value: unknown): number | null {
  return typeof value === 'string' && /^[1-9]\d{0,14}$/.test(value) ? Number(value) : null;
}
