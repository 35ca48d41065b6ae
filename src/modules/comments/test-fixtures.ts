// Test fixtures of the comments, on top of test/helpers/factories.ts: a contribution that takes
// comments (an opinion of a consultation step: the consultation declares that its opinions take
// comments unless its step setting says otherwise; rows written straight to the database, so
// nothing here imports that module), and comments written directly for sort and page tests.
import { daysFromNow, makeProject, makeStep } from '../../../test/helpers/factories.ts';
import type { Db } from '../../db/open.ts';
import { readSync, write } from '../../db/write.ts';
import type { ContributionStatus, Visibility } from '../../db/schema.ts';
import type { Step } from '../../platform/participation.ts';

let n = 0;

export interface ThreadIds {
  projectId: number;
  stepId: number;
  step: Step;
  targetId: number;
  authorId: number;
}

export interface ThreadOptions {
  visibility?: Visibility;
  state?: 'open' | 'closed' | 'upcoming';
  /** The step's settings (e.g. { comments: false }). */
  settings?: Record<string, unknown>;
  premoderation?: boolean;
  targetStatus?: ContributionStatus;
}

const dates = (state: ThreadOptions['state']) =>
  state === 'closed' ? [daysFromNow(-10), daysFromNow(-1)] : state === 'upcoming' ? [daysFromNow(1), daysFromNow(10)] : [daysFromNow(-1), daysFromNow(10)];

/** A public project with an open consultation step and one published opinion by `authorId`. */
export function makeThread(db: Db, authorId: number, o: ThreadOptions = {}): ThreadIds {
  n += 1;
  const [starts, ends] = dates(o.state);
  const projectId = makeProject(db, { slug: `quartier-${n}-${process.pid}`, title: `Quartier ${n}`, visibility: o.visibility ?? 'public' });
  const stepId = makeStep(db, projectId, { type: 'consultation', title: `Consultation ${n}`, starts, ends });
  if (o.settings) db.sqlite.prepare('update steps set settings = ? where id = ?').run(JSON.stringify(o.settings), stepId);
  if (o.premoderation) db.sqlite.prepare('update steps set premoderation = 1 where id = ?').run(stepId);
  const targetId = write(db, (tx) =>
    Number(
      tx.run(
        db.insertInto('contributions').values({ step_id: stepId, author_id: authorId, parent_id: null, kind: 'opinion', status: o.targetStatus ?? 'published', title: `Un banc place ${n}`, body_md: 'Pour se reposer.', created_at: new Date().toISOString() }),
      ).lastInsertRowid,
    ),
  );
  const step = readSync(db).first(db.selectFrom('steps').selectAll().where('id', '=', stepId))!;
  return { projectId, stepId, step, targetId, authorId };
}

export function setState(db: Db, ids: Pick<ThreadIds, 'stepId'>, state: 'open' | 'closed' | 'upcoming'): void {
  const [starts, ends] = dates(state);
  db.sqlite.prepare('update steps set starts_at = ?, ends_at = ? where id = ?').run(starts, ends, ids.stepId);
}

export interface CommentFields {
  body?: string;
  replyTo?: number | null;
  useful?: number;
  status?: ContributionStatus;
}

/** A comment written directly (no counters moved): for sort and page tests. */
export function addComment(db: Db, ids: Pick<ThreadIds, 'stepId' | 'targetId'>, authorId: number, f: CommentFields = {}): number {
  n += 1;
  const status = f.status ?? 'published';
  return write(db, (tx) => {
    const id = Number(
      tx.run(db.insertInto('contributions').values({ step_id: ids.stepId, author_id: authorId, parent_id: ids.targetId, kind: 'comment', status, title: null, body_md: f.body ?? `Commentaire ${n}`, created_at: new Date().toISOString() }))
        .lastInsertRowid,
    );
    tx.run(db.insertInto('comments_items').values({ contribution_id: id, target_id: ids.targetId, reply_to: f.replyTo ?? null, published: status === 'published' ? 1 : 0, useful_count: f.useful ?? 0 }));
    return id;
  });
}

/** The counts the writes keep, and what the rows say they should be. */
export function threadCounts(db: Db, ids: Pick<ThreadIds, 'targetId'>) {
  const one = (sql: string, ...args: unknown[]) => (db.sqlite.prepare(sql).get(...args) as { n: number }).n;
  return {
    kept: one('select comments_count as n from contributions where id = ?', ids.targetId),
    // Published top-level comments, and published replies of published top-level comments.
    rows: one(
      `select count(*) as n from comments_items k join contributions c on c.id = k.contribution_id
       left join comments_items p on p.contribution_id = k.reply_to
       where k.target_id = ? and c.status = 'published' and (k.reply_to is null or p.published = 1)`,
      ids.targetId,
    ),
  };
}
