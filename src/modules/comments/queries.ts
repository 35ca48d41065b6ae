// Reads of the comments: the commented contribution with its step, a page of a thread's
// top-level comments (limit + 1, no COUNT), the first replies of each in one query, one comment
// with a page of its replies, the reader's own comments still out of the thread, and the
// reader's "useful" marks on the comments shown.
import { sql } from 'kysely';
import type { Db } from '../../db/open.ts';
import { readSync } from '../../db/write.ts';
import { compiledQuery } from '../../db/compiled.ts';
import type { ContributionStatus } from '../../db/schema.ts';
import { PAGE_SIZE, REPLIES_PAGE, REPLIES_SHOWN, type Sort } from './rules.ts';

/** The commented contribution, whatever its module, with what the thread page shows of it. */
const targetQuery = compiledQuery<{ id: number }, TargetRow>((db, p) =>
  db
    .selectFrom('contributions as c')
    .innerJoin('steps as s', 's.id', 'c.step_id')
    .select(['c.id', 'c.kind', 'c.status', 'c.title', 'c.body_md', 'c.author_id', 'c.step_id', 'c.parent_id', 'c.comments_count', 's.type as step_type'])
    .where('c.id', '=', p.id)
    .where('c.kind', '!=', sql.lit('comment')),
);
interface TargetRow {
  id: number;
  kind: string;
  status: ContributionStatus;
  title: string | null;
  body_md: string;
  author_id: number;
  step_id: number;
  parent_id: number | null;
  comments_count: number;
  step_type: string;
}

export function findTarget(db: Db, contributionId: number): TargetRow | undefined {
  return readSync(db).first(targetQuery(db, '', { id: contributionId }));
}
export type Target = TargetRow;

export interface CommentRow {
  id: number;
  reply_to: number | null;
  useful_count: number;
  replies_count: number;
  body_md: string;
  status: string;
  created_at: string;
  edited_at: string | null;
  author_id: number;
  author_name: string | null;
  author_deleted_at: string | null;
  author_role: string;
  moderation_reason: string | null;
}

const columns = [
  'k.contribution_id as id',
  'k.reply_to',
  'k.useful_count',
  'k.replies_count',
  'c.body_md',
  'c.status',
  'c.created_at',
  'c.edited_at',
  'c.author_id',
  'u.display_name as author_name',
  'u.deleted_at as author_deleted_at',
  'u.role as author_role',
  'c.moderation_reason',
] as const;

const commentsFrom = (db: Db) =>
  db.selectFrom('comments_items as k').innerJoin('contributions as c', 'c.id', 'k.contribution_id').innerJoin('users as u', 'u.id', 'c.author_id').select(columns);

// A thread's page: compiled once per sort (db/compiled.ts).
const topLevelQuery = compiledQuery<{ targetId: number; offset: number }, CommentRow>((db, p, sort) => {
  let q = commentsFrom(db)
    .where('k.target_id', '=', p.targetId)
    .where('k.reply_to', 'is', null)
    .where('k.published', '=', sql.lit(1));
  if (sort === 'useful') q = q.orderBy('k.useful_count', 'desc').orderBy('k.contribution_id', 'desc');
  else q = q.orderBy('k.contribution_id', sort === 'oldest' ? 'asc' : 'desc');
  return q.limit(sql.lit(PAGE_SIZE + 1)).offset(p.offset);
});

export function listComments(db: Db, targetId: number, sort: Sort, page: number) {
  const rows = readSync(db).all(topLevelQuery(db, sort, { targetId, offset: (page - 1) * PAGE_SIZE }));
  return { comments: rows.slice(0, PAGE_SIZE), hasNext: rows.length > PAGE_SIZE };
}

/**
 * The first published replies of each of these comments, oldest first, in one query: for each
 * comment an index seek that stops after REPLIES_SHOWN rows (a window function over all their
 * replies costs several times more); the page links to the comment's own page for the rest.
 * Compiled once per number of comments.
 */
const firstRepliesQuery = compiledQuery<Record<string, number>, CommentRow>((db, p, shape) => {
  const parents = Array.from({ length: Number(shape) }, (_, i) => p[`p${i}`]!);
  return commentsFrom(db)
    .innerJoin('comments_items as parent', (join) =>
      join.on('parent.contribution_id', 'in', parents).on((eb) =>
        eb(
          'k.contribution_id',
          'in',
          eb
            .selectFrom('comments_items as r')
            .select('r.contribution_id')
            .whereRef('r.reply_to', '=', 'parent.contribution_id')
            .where('r.published', '=', sql.lit(1))
            .orderBy('r.contribution_id')
            .limit(sql.lit(REPLIES_SHOWN)),
        ),
      ),
    )
    .orderBy('k.contribution_id');
});

export function listFirstReplies(db: Db, parentIds: readonly number[]): CommentRow[] {
  if (parentIds.length === 0) return [];
  return readSync(db).all(firstRepliesQuery(db, String(parentIds.length), Object.fromEntries(parentIds.map((id, i) => [`p${i}`, id]))));
}

/** A page of one comment's published replies, oldest first. */
export function listReplies(db: Db, parentId: number, page: number) {
  const rows = readSync(db).all(
    commentsFrom(db)
      .where('k.reply_to', '=', parentId)
      .where('k.published', '=', sql.lit(1))
      .orderBy('k.contribution_id')
      .limit(sql.lit(REPLIES_PAGE + 1))
      .offset((page - 1) * REPLIES_PAGE),
  );
  return { replies: rows.slice(0, REPLIES_PAGE), hasNext: rows.length > REPLIES_PAGE };
}

export type Comment = CommentRow & { target_id: number };

/** One comment as a thread shows it, whatever its status. */
export function findComment(db: Db, commentId: number): Comment | undefined {
  return readSync(db).first(commentsFrom(db).select('k.target_id').where('k.contribution_id', '=', commentId));
}

/** The reader's own comments on this contribution that are not in the thread: waiting for a
 * moderator or hidden by one (shown to them alone, marked so). `published = 0` is written as a
 * literal so that SQLite uses the small partial index of unpublished comments. */
const ownUnpublishedQuery = compiledQuery<{ targetId: number; userId: number }, CommentRow>((db, p) =>
  commentsFrom(db)
    .where('k.target_id', '=', p.targetId)
    .where('k.published', '=', sql.lit(0))
    .where('c.author_id', '=', p.userId)
    .where('c.status', 'in', ['pending', 'hidden'])
    .orderBy('k.contribution_id'),
);

export function listOwnUnpublished(db: Db, targetId: number, userId: number): CommentRow[] {
  return readSync(db).all(ownUnpublishedQuery(db, '', { targetId, userId }));
}

/** Which of these comments the reader marked useful: compiled once per number of comments. */
const marksQuery = compiledQuery<Record<string, number>, { comment_id: number }>((db, p, shape) =>
  db
    .selectFrom('comments_marks')
    .select('comment_id')
    .where('user_id', '=', p.userId!)
    .where('comment_id', 'in', Array.from({ length: Number(shape) }, (_, i) => p[`c${i}`]!)),
);

export function findMarks(db: Db, userId: number | undefined, commentIds: readonly number[]): Set<number> {
  if (!userId || commentIds.length === 0) return new Set();
  const rows = readSync(db).all(marksQuery(db, String(commentIds.length), { userId, ...Object.fromEntries(commentIds.map((id, i) => [`c${i}`, id])) }));
  return new Set(rows.map((r) => r.comment_id));
}
