// Reads of the moderation: one contribution with what a moderator needs to judge it, its
// reports and its log; the queue's two tabs (a page of rows, then the reasons of that page in one
// query: never a query per row, never a COUNT); the log's pages; who is told of a new report.
import { sql } from 'kysely';
import type { Db } from '../../db/open.ts';
import { readSync, type Tx } from '../../db/write.ts';
import type { ContributionStatus } from '../../db/schema.ts';
import { PAGE_SIZE, type Reason } from './rules.ts';

/** A contribution of any kind with its step, project, author and open reports count. */
export function findContribution(db: Db, id: number) {
  return readSync(db).first(
    db
      .selectFrom('contributions as c')
      .innerJoin('steps as s', 's.id', 'c.step_id')
      .innerJoin('projects as p', 'p.id', 's.project_id')
      .innerJoin('users as u', 'u.id', 'c.author_id')
      .leftJoin('moderation_flags as f', 'f.contribution_id', 'c.id')
      .select([
        'c.id',
        'c.kind',
        'c.status',
        'c.step_id',
        'c.parent_id',
        'c.author_id',
        'c.title',
        'c.body_md',
        'c.created_at',
        'c.moderation_reason',
        'c.moderated_at',
        's.type as step_type',
        's.title as step_title',
        'p.id as project_id',
        'p.title as project_title',
        'p.visibility as project_visibility',
        'u.display_name as author_name',
        'u.email as author_email',
        'u.deleted_at as author_deleted_at',
        'u.suspended_at as author_suspended_at',
        (eb) => eb.fn.coalesce('f.open_reports', eb.lit(0)).as('open_reports'),
      ])
      .where('c.id', '=', id),
  );
}
export type Contribution = NonNullable<ReturnType<typeof findContribution>>;

/** Whether this person already reported this contribution (open or closed: once per item). */
export function hasReported(db: Db, contributionId: number, userId: number): boolean {
  return !!readSync(db).first(db.selectFrom('moderation_reports').select('id').where('contribution_id', '=', contributionId).where('reporter_id', '=', userId));
}

/** A contribution's reports, open ones first, newest first. */
export function listReportsOf(db: Db, contributionId: number) {
  return readSync(db).all(
    db
      .selectFrom('moderation_reports')
      .select(['id', 'reason', 'details', 'created_at', 'closed_at'])
      .where('contribution_id', '=', contributionId)
      .orderBy(sql`closed_at is not null`)
      .orderBy('id', 'desc')
      .limit(sql.lit(200)),
  );
}

const logColumns = [
  'l.id',
  'l.created_at',
  'l.action',
  'l.contribution_id',
  'l.subject_id',
  'l.from_status',
  'l.to_status',
  'l.reason',
  'l.original_title',
  'l.original_body',
  'l.moderator_id',
  'm.display_name as moderator_name',
  'm.deleted_at as moderator_deleted_at',
  'su.display_name as subject_name',
  'su.deleted_at as subject_deleted_at',
] as const;

function logFrom(db: Db) {
  return db.selectFrom('moderation_log as l').leftJoin('users as m', 'm.id', 'l.moderator_id').leftJoin('users as su', 'su.id', 'l.subject_id').select(logColumns);
}

/** What moderation did to this contribution, newest first. */
export function listLogOf(db: Db, contributionId: number) {
  return readSync(db).all(logFrom(db).where('l.contribution_id', '=', contributionId).orderBy('l.id', 'desc').limit(sql.lit(200)));
}

/** Whether the last thing moderation did to it was trashing it (so restoring it is allowed). */
export function trashedByModeration(db: Db, contributionId: number): boolean {
  const last = readSync(db).first(db.selectFrom('moderation_log').select('action').where('contribution_id', '=', contributionId).where('action', '!=', 'edit').orderBy('id', 'desc').limit(sql.lit(1)));
  return last?.action === 'trash';
}

/** One page of the log, newest first, after the cursor (keyset: no COUNT, no OFFSET). */
export function listLog(db: Db, before: number | null) {
  let q = logFrom(db).orderBy('l.id', 'desc').limit(sql.lit(PAGE_SIZE + 1));
  if (before !== null) q = q.where('l.id', '<', before);
  const rows = readSync(db).all(q);
  const entries = rows.slice(0, PAGE_SIZE);
  return { entries, next: rows.length > PAGE_SIZE ? (entries.at(-1)?.id ?? null) : null };
}
export type LogEntry = ReturnType<typeof listLog>['entries'][number];

/** What a row of the queue shows, whatever the tab. */
export interface QueueRow {
  id: number;
  kind: string;
  status: ContributionStatus;
  step_id: number;
  parent_id: number | null;
  title: string | null;
  body_md: string;
  created_at: string;
  author_id: number;
  author_name: string | null;
  author_deleted_at: string | null;
  step_type: string;
  step_title: string;
  project_title: string;
  open_reports: number;
  last_reported_at: string | null;
}

const queueColumns = [
  'c.id',
  'c.kind',
  'c.status',
  'c.step_id',
  'c.parent_id',
  'c.title',
  'c.body_md',
  'c.created_at',
  'c.author_id',
  'u.display_name as author_name',
  'u.deleted_at as author_deleted_at',
  's.type as step_type',
  's.title as step_title',
  'p.title as project_title',
] as const;

/**
 * The reported tab: items with open reports, most reported first, then the newest report. The
 * flags' partial index (moderation_flags_queue) gives the order; SQLite stops after one page plus
 * one row.
 */
export function listReported(db: Db, page: number): { rows: QueueRow[]; hasNext: boolean } {
  const rows = readSync(db).all(
    db
      .selectFrom('moderation_flags as f')
      .innerJoin('contributions as c', 'c.id', 'f.contribution_id')
      .innerJoin('steps as s', 's.id', 'c.step_id')
      .innerJoin('projects as p', 'p.id', 's.project_id')
      .innerJoin('users as u', 'u.id', 'c.author_id')
      .select([...queueColumns, 'f.open_reports', 'f.last_reported_at'])
      .where('f.open_reports', '>', 0)
      .orderBy('f.open_reports', 'desc')
      .orderBy('f.last_reported_at', 'desc')
      .orderBy('f.contribution_id', 'desc')
      .limit(sql.lit(PAGE_SIZE + 1))
      .offset((page - 1) * PAGE_SIZE),
  );
  return { rows: rows.slice(0, PAGE_SIZE), hasNext: rows.length > PAGE_SIZE };
}

/** The pending tab: contributions waiting for approval, oldest first (index moderation_pending). */
export function listPending(db: Db, page: number): { rows: QueueRow[]; hasNext: boolean } {
  const rows = readSync(db).all(
    db
      .selectFrom('contributions as c')
      .innerJoin('steps as s', 's.id', 'c.step_id')
      .innerJoin('projects as p', 'p.id', 's.project_id')
      .innerJoin('users as u', 'u.id', 'c.author_id')
      .leftJoin('moderation_flags as f', 'f.contribution_id', 'c.id')
      .select([...queueColumns, (eb) => eb.fn.coalesce('f.open_reports', eb.lit(0)).as('open_reports'), 'f.last_reported_at'])
      .where('c.status', '=', sql.lit('pending'))
      .orderBy('c.created_at', 'asc')
      .orderBy('c.id', 'asc')
      .limit(sql.lit(PAGE_SIZE + 1))
      .offset((page - 1) * PAGE_SIZE),
  );
  return { rows: rows.slice(0, PAGE_SIZE), hasNext: rows.length > PAGE_SIZE };
}

/** The open reports' reasons of the listed items, in one query: id → [{ reason, count }]. */
export function openReasonsOf(db: Db, ids: readonly number[]): Map<number, { reason: Reason; count: number }[]> {
  const out = new Map<number, { reason: Reason; count: number }[]>();
  if (ids.length === 0) return out;
  const rows = readSync(db).all(
    db
      .selectFrom('moderation_reports')
      .select(['contribution_id', 'reason', (eb) => eb.fn.countAll<number>().as('count')])
      .where('contribution_id', 'in', ids)
      .where('closed_at', 'is', null)
      .groupBy(['contribution_id', 'reason'])
      .orderBy('contribution_id')
      .orderBy('count', 'desc'),
  );
  for (const r of rows) {
    const list = out.get(r.contribution_id) ?? [];
    list.push({ reason: r.reason, count: Number(r.count) });
    out.set(r.contribution_id, list);
  }
  return out;
}

/** Who hears of a newly reported item: moderators and administrators able to receive email. */
export function listModeratorsToTell(db: Db, tx: Tx) {
  return tx.all(
    db
      .selectFrom('users')
      .select(['id', 'email', 'display_name', 'locale'])
      .where('role', 'in', ['moderator', 'admin'])
      .where('email', 'is not', null)
      .where('email_confirmed_at', 'is not', null)
      .where('suspended_at', 'is', null)
      .where('deleted_at', 'is', null)
      .orderBy('id'),
  );
}
