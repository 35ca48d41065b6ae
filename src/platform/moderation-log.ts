// The moderation log (table of migration 0008): every moderation action, with who, when, what
// and why. Written by the moderation module and by the admin's suspensions, which knows no
// moderation module, so the writer and the table's type live here; the moderation module shows
// it and declares its personal data. Also what pages need to mark a text edited by moderation.
import type { AliasableExpression, ExpressionBuilder, Generated, SqlBool } from 'kysely';
import type { Db } from '../db/open.ts';
import type { Tx } from '../db/write.ts';
import type { ContributionStatus, Schema } from '../db/schema.ts';

export type ModerationAction = 'hide' | 'restore' | 'trash' | 'approve' | 'dismiss' | 'edit' | 'suspend' | 'unsuspend';

export interface ModerationLogTable {
  id: Generated<number>;
  created_at: string;
  moderator_id: number | null;
  action: ModerationAction;
  contribution_id: number | null;
  subject_id: number | null;
  from_status: ContributionStatus | null;
  to_status: ContributionStatus | null;
  reason: string | null;
  original_title: string | null;
  original_body: string | null;
}

declare module '../db/schema.ts' {
  interface Schema {
    moderation_log: ModerationLogTable;
  }
}

export interface ModerationEntry {
  moderatorId: number;
  action: ModerationAction;
  contributionId?: number | null;
  subjectId?: number | null;
  from?: ContributionStatus | null;
  to?: ContributionStatus | null;
  reason?: string | null;
  original?: { title: string | null; body: string } | null;
  now?: string;
}

/** One row of the log, inside the caller's transaction (the action and its log commit together). */
export function logModeration(db: Db, tx: Tx, e: ModerationEntry): void {
  tx.run(
    db.insertInto('moderation_log').values({
      created_at: e.now ?? new Date().toISOString(),
      moderator_id: e.moderatorId,
      action: e.action,
      contribution_id: e.contributionId ?? null,
      subject_id: e.subjectId ?? null,
      from_status: e.from ?? null,
      to_status: e.to ?? null,
      reason: e.reason ?? null,
      original_title: e.original?.title ?? null,
      original_body: e.original?.body ?? null,
    }),
  );
}

/**
 * For a list's query: whether a moderator edited the contribution whose id is `ref` (one
 * indexed lookup per row inside the same query, never a query per row).
 */
export function editedByModeration<DB extends Schema, TB extends keyof DB & string>(eb: ExpressionBuilder<DB, TB>, ref: string): AliasableExpression<SqlBool> {
  const e = eb as unknown as ExpressionBuilder<Schema, never>;
  return e.exists(
    e
      .selectFrom('moderation_log as ml')
      .select('ml.id')
      .whereRef('ml.contribution_id', '=', ref as never)
      .where('ml.action', '=', 'edit'),
  );
}
