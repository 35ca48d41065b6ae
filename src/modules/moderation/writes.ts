// Every write of the moderation, each one synchronous transaction: a report with the item's
// counter row (and, for an item's first open report, the moderators' emails through the outbox);
// an action with the new status, the closed reports, the log row, the module's own copies and
// counters (its onStatusChange hook) and the author's notification; an edit keeping the
// original in the log. A throw anywhere rolls everything back.
import type { FastifyInstance } from 'fastify';
import { write } from '../../db/write.ts';
import type { ContributionStatus } from '../../db/schema.ts';
import { kindOf } from '../../platform/contributions.ts';
import { logModeration } from '../../platform/moderation-log.ts';
import { announceContribution, notify } from '../../platform/notifications.ts';
import { isUniqueViolation } from '../../platform/users.ts';
import { listModeratorsToTell, type Contribution } from './queries.ts';
import { reportedMail } from './emails.ts';
import { reasonAfter, tellsAuthor, transition, type Reason, type StatusAction } from './rules.ts';

/** Recorded, or refused by the UNIQUE constraint (this person reported it already): nothing written. */
export function reportContribution(app: FastifyInstance, c: Contribution, reporterId: number, reason: Reason, details: string, now = new Date().toISOString()): 'reported' | 'duplicate' {
  const db = app.db;
  try {
    return write(db, (tx) => {
      tx.run(db.insertInto('moderation_reports').values({ contribution_id: c.id, reporter_id: reporterId, reason, details: details || null, created_at: now }));
      const flag = tx.first(
        db
          .insertInto('moderation_flags')
          .values({ contribution_id: c.id, open_reports: 1, last_reported_at: now })
          .onConflict((oc) => oc.column('contribution_id').doUpdateSet((eb) => ({ open_reports: eb('moderation_flags.open_reports', '+', 1), last_reported_at: now })))
          .returning('open_reports'),
      )!;
      // The first open report of the item: tell every moderator once, until it is dealt with.
      if (flag.open_reports === 1) {
        const kind = kindOf(app.manifests, c.step_type, c.kind);
        const item = { id: c.id, kindKey: kind?.labelKey ?? 'moderation.kind.other', permalink: kind?.permalink(c) ?? null, projectTitle: c.project_title };
        for (const m of listModeratorsToTell(db, tx)) app.mailer.enqueue(tx, reportedMail(app, { email: m.email!, display_name: m.display_name, locale: m.locale }, item, reason));
      }
      return 'reported' as const;
    });
  } catch (err) {
    if (isUniqueViolation(err)) return 'duplicate';
    throw err;
  }
}

/** Inside an action's transaction: its open reports closed, its counter row back to zero. */
function closeReports(app: FastifyInstance, tx: Parameters<Parameters<typeof write>[1]>[0], contributionId: number, now: string): void {
  const db = app.db;
  tx.run(db.updateTable('moderation_reports').set({ closed_at: now }).where('contribution_id', '=', contributionId).where('closed_at', 'is', null));
  tx.run(db.updateTable('moderation_flags').set({ open_reports: 0 }).where('contribution_id', '=', contributionId));
}

/** Whether the kind belongs to the step's own module (not to a step-less one like comments). */
const isStepKind = (app: FastifyInstance, c: Pick<Contribution, 'step_type' | 'kind'>) => !!app.manifests.find((m) => m.slug === c.step_type)?.contributions?.[c.kind];

export interface ActionResult {
  from: ContributionStatus;
  to: ContributionStatus;
}

/**
 * Applies a status action. The current status is read inside the transaction, so two
 * moderators clicking at once move the counters once: the second finds the action no longer
 * applies and gets null, nothing written.
 */
export function moderate(app: FastifyInstance, c: Contribution, action: StatusAction, moderatorId: number, motive: string, trashedByModeration: boolean, now = new Date().toISOString()): ActionResult | null {
  const db = app.db;
  return write(db, (tx) => {
    const row = tx.first(db.selectFrom('contributions').select(['status', 'moderation_reason']).where('id', '=', c.id));
    const openReports = tx.first(db.selectFrom('moderation_flags').select('open_reports').where('contribution_id', '=', c.id))?.open_reports ?? 0;
    if (!row) return null;
    const from = row.status;
    const to = transition(action, from, { openReports, trashedByModeration });
    if (to === null) return null;
    const reason = reasonAfter(action, motive, row.moderation_reason);
    tx.run(db.updateTable('contributions').set({ status: to, moderation_reason: reason, moderated_at: now }).where('id', '=', c.id));
    closeReports(app, tx, c.id, now);
    logModeration(db, tx, { moderatorId, action, contributionId: c.id, subjectId: c.author_id, from, to, reason: motive || null, now });
    const ref = { id: c.id, step_id: c.step_id, parent_id: c.parent_id, author_id: c.author_id, kind: c.kind };
    if (from !== to) kindOf(app.manifests, c.step_type, c.kind)?.onStatusChange?.(db, tx, ref, from, to);
    // Approved: its readers hear of it now, as they would have at once without pre-moderation.
    // Kinds of step-less modules (comments) announce themselves in their onStatusChange.
    if (action === 'approve' && isStepKind(app, c)) announceContribution(db, tx, { id: c.id, authorId: c.author_id, step: { id: c.step_id, project_id: c.project_id }, parentId: c.parent_id }, now);
    if (tellsAuthor(action)) notify(db, tx, { kind: 'moderated', actorId: moderatorId, projectId: c.project_id, stepId: c.step_id, contributionId: c.id, people: [c.author_id] }, now);
    return { from, to };
  });
}

/**
 * A moderator takes personal data out of a text: the new title and body replace the old ones,
 * which the log keeps (administrators only read it); pages then mark the text "edited by
 * moderation". The status and the open reports stay as they are.
 */
export function editContribution(app: FastifyInstance, c: Contribution, moderatorId: number, edit: { title: string | null; body: string }, now = new Date().toISOString()): void {
  const db = app.db;
  write(db, (tx) => {
    const before = tx.first(db.selectFrom('contributions').select(['title', 'body_md', 'status']).where('id', '=', c.id))!;
    tx.run(db.updateTable('contributions').set({ title: edit.title, body_md: edit.body, moderated_at: now }).where('id', '=', c.id));
    logModeration(db, tx, { moderatorId, action: 'edit', contributionId: c.id, subjectId: c.author_id, from: before.status, to: before.status, original: { title: before.title, body: before.body_md }, now });
    notify(db, tx, { kind: 'moderated', actorId: moderatorId, projectId: c.project_id, stepId: c.step_id, contributionId: c.id, people: [c.author_id] }, now);
  });
}
