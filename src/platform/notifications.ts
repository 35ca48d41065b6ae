// Follows and notifications, written by every module inside its own write transactions: people
// follow a project, a step or a contribution (authors follow what they write); `notify` tells
// the followers of what changed, once each, never the person who did it, and moves their unread
// counters in the same transaction. The named functions below are what modules call (a new
// contribution, a status change, an official answer, results); the notifications module shows
// them and sends the emails.
import type { Db } from '../db/open.ts';
import type { Tx } from '../db/write.ts';
import { readSync } from '../db/write.ts';
import { compiledQuery } from '../db/compiled.ts';
import type { SelectQueryBuilder } from 'kysely';
import type { ContributionStatus, FollowTarget, Schema } from '../db/schema.ts';

export type { FollowTarget };

export interface Target {
  kind: FollowTarget;
  id: number;
}

export function follow(db: Db, tx: Tx, userId: number, target: Target, now = new Date().toISOString()): void {
  tx.run(db.insertInto('follows').values({ user_id: userId, target_kind: target.kind, target_id: target.id, created_at: now }).onConflict((oc) => oc.doNothing()));
}

export function unfollow(db: Db, tx: Tx, userId: number, target: Target): void {
  tx.run(db.deleteFrom('follows').where('user_id', '=', userId).where('target_kind', '=', target.kind).where('target_id', '=', target.id));
}

export function isFollowing(db: Db, userId: number, target: Target): boolean {
  return !!readSync(db).first(followingQuery(db, '', { userId, kind: target.kind, id: target.id }));
}
// Read by every page that shows a follow button to a logged-in person: compiled once.
const followingQuery = compiledQuery<{ userId: number; kind: FollowTarget; id: number }, { user_id: number }>((db, p) =>
  db.selectFrom('follows').select('user_id').where('user_id', '=', p.userId).where('target_kind', '=', p.kind).where('target_id', '=', p.id),
);

/** What views/partials/follow.eta shows: the target, and whether this person follows it. */
export interface FollowWidget extends Target {
  signedIn: boolean;
  following: boolean;
}

/** The follow button of a page, read once by its handler (anonymous visitors: no query). */
export function followWidget(db: Db, user: { id: number } | null, target: Target): FollowWidget {
  return { ...target, signedIn: !!user, following: user ? isFollowing(db, user.id, target) : false };
}

/** What happened, for whom, about what. `kind` is a key of the notifications catalogue. */
export interface NotificationEvent {
  kind: 'new_contribution' | 'comment' | 'reply' | 'status' | 'official_answer' | 'progress' | 'step_open' | 'results' | 'moderated';
  actorId: number | null;
  projectId: number | null;
  stepId: number | null;
  contributionId: number | null;
  /** The followers of these are told (each person once). */
  followersOf?: Target[];
  /** These people are told too, following or not (the author whose contribution changed status). */
  people?: number[];
  /** Everyone who took part in this project is told too (a step opens, results are out). */
  participantsOf?: number;
}

/**
 * Inside the caller's transaction: one notification per person concerned but the actor, and
 * their unread counters. Returns how many were told.
 */
export function notify(db: Db, tx: Tx, e: NotificationEvent, now = new Date().toISOString()): number {
  const targets = e.followersOf ?? [];
  const people = e.people ?? [];
  // Who is concerned, as one union of user ids: SQLite builds it once and then reads each
  // person by primary key, instead of looking into follows for every account of the instance.
  // Typed as one shape: each source selects the same single column from a different table.
  const sources: SelectQueryBuilder<Schema, keyof Schema, { user_id: number }>[] = [
    ...(people.length ? [db.selectFrom('users').select('id as user_id').where('id', 'in', people)] : []),
    ...(targets.length
      ? [db.selectFrom('follows as f').select('f.user_id').where((fb) => fb.or(targets.map((t) => fb.and([fb('f.target_kind', '=', t.kind), fb('f.target_id', '=', t.id)]))))]
      : []),
    ...(e.participantsOf !== undefined ? [db.selectFrom('project_participants').select('user_id').where('project_id', '=', e.participantsOf)] : []),
  ] as SelectQueryBuilder<Schema, keyof Schema, { user_id: number }>[];
  if (sources.length === 0) return 0;
  const concerned = sources.slice(1).reduce((all, q) => all.union(q), sources[0]!);
  const before = tx.first(db.selectFrom('notifications').select((eb) => eb.fn.max('id').as('id')))?.id ?? 0;
  const recipients = db
    .selectFrom('users as u')
    .select('u.id')
    .where('u.deleted_at', 'is', null)
    .where('u.id', '!=', e.actorId ?? 0)
    .where('u.id', 'in', concerned);
  const told = tx.run(
    db
      .insertInto('notifications')
      .columns(['user_id', 'kind', 'project_id', 'step_id', 'contribution_id', 'actor_id', 'created_at'])
      .expression(recipients.select((eb) => [eb.val(e.kind).as('kind'), eb.val(e.projectId).as('p'), eb.val(e.stepId).as('s'), eb.val(e.contributionId).as('c'), eb.val(e.actorId).as('a'), eb.val(now).as('t')])),
  ).changes;
  if (told > 0) {
    tx.run(
      db
        .updateTable('users')
        .set((eb) => ({ unread_notifications: eb('unread_notifications', '+', 1) }))
        .where('id', 'in', db.selectFrom('notifications').select('user_id').where('id', '>', Number(before))),
    );
  }
  return told;
}

/** A contribution as its creating write knows it. */
export interface WrittenContribution {
  id: number;
  authorId: number;
  step: { id: number; project_id: number };
  /** The item an argument or a source answers; null for a top-level contribution. */
  parentId: number | null;
  status: ContributionStatus;
}

/**
 * Inside the write that created a contribution: its author follows it (answers to it reach
 * them), and when it is published at once its readers are told. A pending one is announced
 * when a moderator approves it (announceContribution, from moderation's write).
 */
export function contributionWritten(db: Db, tx: Tx, c: WrittenContribution, now = new Date().toISOString()): void {
  follow(db, tx, c.authorId, { kind: 'contribution', id: c.id }, now);
  if (c.status === 'published') announceContribution(db, tx, c, now);
}

/**
 * A contribution became public: a top-level one (an opinion, an amendment, a debate argument)
 * tells the followers of its step and of its project; an answer (an argument or a source under
 * an item) tells the followers of what it answers.
 */
export function announceContribution(db: Db, tx: Tx, c: Omit<WrittenContribution, 'status'>, now = new Date().toISOString()): number {
  const common = { actorId: c.authorId, projectId: c.step.project_id, stepId: c.step.id, contributionId: c.id };
  if (c.parentId === null) {
    return notify(db, tx, { kind: 'new_contribution', ...common, followersOf: [{ kind: 'step', id: c.step.id }, { kind: 'project', id: c.step.project_id }] }, now);
  }
  return notify(db, tx, { kind: 'reply', ...common, followersOf: [{ kind: 'contribution', id: c.parentId }] }, now);
}

/** A contribution as the official write that decides about it knows it. */
export interface DecidedContribution {
  id: number;
  authorId: number;
  step: { id: number; project_id: number };
}

/**
 * Inside the write that changes a contribution's status (a proposal selected, refused, being
 * studied, done: the module's own statuses, not moderation's, which tells its author as
 * 'moderated'): its author is told, following it or not, and so is everyone who follows it;
 * never `actorId`, the official who changed it (null when the clock did, e.g. at a step's
 * close). Call it only when the status really changed. Returns how many were told.
 */
export function contributionStatusChanged(db: Db, tx: Tx, c: DecidedContribution, actorId: number | null, now = new Date().toISOString()): number {
  return tellAboutDecision(db, tx, 'status', c, actorId, now);
}

/**
 * Inside the write that posts an official answer to a contribution (the municipality answering
 * a proposal or a question): its author and its followers are told, as for a status change.
 * Posting it again after an edit should not call this a second time. Returns how many were told.
 */
export function officialAnswerPosted(db: Db, tx: Tx, c: DecidedContribution, actorId: number | null, now = new Date().toISOString()): number {
  return tellAboutDecision(db, tx, 'official_answer', c, actorId, now);
}

/**
 * Inside the write that reports the realisation of a contribution (a winning proposal's news or
 * a milestone reached): its author and its followers are told, as for a status change.
 */
export function progressReported(db: Db, tx: Tx, c: DecidedContribution, actorId: number | null, now = new Date().toISOString()): number {
  return tellAboutDecision(db, tx, 'progress', c, actorId, now);
}

function tellAboutDecision(db: Db, tx: Tx, kind: 'status' | 'official_answer' | 'progress', c: DecidedContribution, actorId: number | null, now: string): number {
  return notify(
    db,
    tx,
    { kind, actorId, projectId: c.step.project_id, stepId: c.step.id, contributionId: c.id, people: [c.authorId], followersOf: [{ kind: 'contribution', id: c.id }] },
    now,
  );
}

/**
 * Inside the write that publishes a step's results (a debate's conclusion; a consultation's
 * close, by the notifications module's job): the project's participants and the followers of
 * the step and of the project are told, once per publication (the step's results_announced_at,
 * cleared by resultsWithdrawn). Returns how many were told.
 */
export function announceResults(db: Db, tx: Tx, stepId: number, now = new Date().toISOString()): number {
  const step = tx.first(db.updateTable('steps').set({ results_announced_at: now }).where('id', '=', stepId).where('results_announced_at', 'is', null).returning(['id', 'project_id']));
  if (!step) return 0;
  return notify(
    db,
    tx,
    {
      kind: 'results',
      actorId: null,
      projectId: step.project_id,
      stepId: step.id,
      contributionId: null,
      followersOf: [{ kind: 'step', id: step.id }, { kind: 'project', id: step.project_id }],
      participantsOf: step.project_id,
    },
    now,
  );
}

/**
 * Results withdrawn (a module's correction after publishing): their next publication is news
 * again, and announceResults tells everyone once more.
 */
export function resultsWithdrawn(db: Db, tx: Tx, stepId: number): void {
  tx.run(db.updateTable('steps').set({ results_announced_at: null }).where('id', '=', stepId));
}
