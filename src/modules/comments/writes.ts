// Every write of the comments, each one synchronous transaction that also keeps the counts the
// pages show (the commented contribution's `comments_count`, a comment's replies and "useful"
// marks, the project's participation), follows and notifications. A comment's visible count
// moves only with what the public sees: when a top-level comment leaves the thread (deleted,
// hidden, trashed), its replies leave with it.
import type { Db } from '../../db/open.ts';
import { write, type Tx } from '../../db/write.ts';
import type { ContributionStatus } from '../../db/schema.ts';
import { recordParticipation, type Step } from '../../platform/participation.ts';
import { initialStatus } from '../../platform/contributions.ts';
import { follow, notify } from '../../platform/notifications.ts';
import type { Target } from './queries.ts';

type StepRef = Pick<Step, 'id' | 'project_id' | 'premoderation'>;

export interface NewComment {
  target: Pick<Target, 'id' | 'step_id'>;
  /** The top-level comment answered, for a reply. */
  replyTo: number | null;
  authorId: number;
  body: string;
}

/** The comment's id and status: 'pending' when a moderator must approve it first. */
export function createComment(db: Db, step: StepRef, c: NewComment, now = new Date().toISOString()): { id: number; status: 'published' | 'pending' } {
  const status = initialStatus(db, step, c.authorId);
  const id = write(db, (tx) => {
    // parent_id is the commented contribution, for replies too: what applies to the thread's
    // contribution (hidden, in a closed project) applies to its comments.
    const id = Number(
      tx.run(db.insertInto('contributions').values({ step_id: step.id, author_id: c.authorId, parent_id: c.target.id, kind: 'comment', status, title: null, body_md: c.body, created_at: now }))
        .lastInsertRowid,
    );
    tx.run(db.insertInto('comments_items').values({ contribution_id: id, target_id: c.target.id, reply_to: c.replyTo, published: 0 }));
    // Commenting follows the thread; the author follows their comment (its replies).
    follow(db, tx, c.authorId, { kind: 'contribution', id: c.target.id }, now);
    follow(db, tx, c.authorId, { kind: 'contribution', id }, now);
    if (status === 'published') publish(db, tx, step, { id, target_id: c.target.id, reply_to: c.replyTo, author_id: c.authorId }, now);
    return id;
  });
  return { id, status };
}

interface CommentRef {
  id: number;
  target_id: number;
  reply_to: number | null;
  author_id: number;
}

/** A comment enters the thread: its flag, the counts, and its readers are told. */
function publish(db: Db, tx: Tx, step: StepRef, c: CommentRef, now: string): void {
  moveCounts(db, tx, step, c, +1);
  notify(
    db,
    tx,
    {
      kind: c.reply_to === null ? 'comment' : 'reply',
      actorId: c.author_id,
      projectId: step.project_id,
      stepId: step.id,
      contributionId: c.id,
      followersOf: [{ kind: 'contribution', id: c.target_id }, ...(c.reply_to === null ? [] : [{ kind: 'contribution' as const, id: c.reply_to }])],
    },
    now,
  );
}

/**
 * +1: the comment enters the thread; -1: it leaves it. A top-level comment takes its published
 * replies with it; a reply counts on the contribution only while its comment is in the thread.
 */
function moveCounts(db: Db, tx: Tx, step: StepRef, c: CommentRef, delta: 1 | -1): void {
  const row = tx.first(db.updateTable('comments_items').set({ published: delta > 0 ? 1 : 0 }).where('contribution_id', '=', c.id).returning('replies_count'));
  let visible = 0;
  if (c.reply_to === null) {
    visible = 1 + (row?.replies_count ?? 0);
  } else {
    const parent = tx.first(
      db
        .updateTable('comments_items')
        .set((eb) => ({ replies_count: eb('replies_count', '+', delta) }))
        .where('contribution_id', '=', c.reply_to)
        .returning('published'),
    );
    visible = parent?.published ? 1 : 0;
  }
  if (visible) tx.run(db.updateTable('contributions').set((eb) => ({ comments_count: eb('comments_count', '+', delta * visible) })).where('id', '=', c.target_id));
  recordParticipation(db, tx, step, c.author_id, { contributions: delta });
}

/**
 * Moderation's hook (manifest onStatusChange), and the author's deletion: a status change moves
 * the comment in or out of the thread when it crosses 'published'.
 */
export function onStatusChange(db: Db, tx: Tx, step: StepRef, id: number, from: ContributionStatus, to: ContributionStatus, now = new Date().toISOString()): void {
  if ((from === 'published') === (to === 'published')) return;
  const c = tx.first(
    db
      .selectFrom('comments_items as k')
      .innerJoin('contributions as c', 'c.id', 'k.contribution_id')
      .select(['k.contribution_id as id', 'k.target_id', 'k.reply_to', 'c.author_id'])
      .where('k.contribution_id', '=', id),
  );
  if (!c) return;
  if (to === 'published') publish(db, tx, step, c, now);
  else moveCounts(db, tx, step, c, -1);
}

/** The author rewrites their comment's text (while it is published or waiting). */
export function editComment(db: Db, id: number, authorId: number, body: string, now = new Date().toISOString()): boolean {
  return write(db, (tx) => {
    return (
      tx.run(
        db.updateTable('contributions').set({ body_md: body, edited_at: now }).where('id', '=', id).where('author_id', '=', authorId).where('status', 'in', ['published', 'pending']),
      ).changes > 0
    );
  });
}

/** The author withdraws their comment (even one a moderator hid): trashed, out of the thread with its replies. */
export function deleteComment(db: Db, step: StepRef, id: number, authorId: number): boolean {
  return write(db, (tx) => {
    const before = tx.first(db.selectFrom('contributions').select('status').where('id', '=', id).where('author_id', '=', authorId))?.status;
    if (before === undefined || before === 'trashed') return false;
    tx.run(db.updateTable('contributions').set({ status: 'trashed' }).where('id', '=', id));
    onStatusChange(db, tx, step, id, before, 'trashed');
    return true;
  });
}

/**
 * Sets the person's "useful" mark to `marked` (the form carries the wanted state, so repeats
 * agree); the counter moves only when a row was really added or removed. Returns the new count.
 */
export function setUseful(db: Db, step: StepRef, commentId: number, userId: number, marked: boolean, now = new Date().toISOString()): number {
  return write(db, (tx) => {
    const changed = marked
      ? tx.run(db.insertInto('comments_marks').values({ comment_id: commentId, user_id: userId, created_at: now }).onConflict((oc) => oc.doNothing())).changes
      : -tx.run(db.deleteFrom('comments_marks').where('comment_id', '=', commentId).where('user_id', '=', userId)).changes;
    if (changed !== 0) tx.run(db.updateTable('comments_items').set((eb) => ({ useful_count: eb('useful_count', '+', changed) })).where('contribution_id', '=', commentId));
    if (changed > 0) recordParticipation(db, tx, step, userId, {});
    return tx.first(db.selectFrom('comments_items').select('useful_count').where('contribution_id', '=', commentId))?.useful_count ?? 0;
  });
}
