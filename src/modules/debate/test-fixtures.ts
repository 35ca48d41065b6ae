// Test fixtures of the debate, on top of test/helpers/factories.ts: a project with a debate step
// (open, closed or upcoming), arguments written straight to the database with chosen counts (for
// sort and page tests), and the counters the writes keep, to compare with the rows.
import { dbOf, daysFromNow, makeProject, makeStep, type DbOrApp } from '../../../test/helpers/factories.ts';
import type { Db } from '../../db/open.ts';
import { readSync, write } from '../../db/write.ts';
import type { ContributionStatus, Visibility } from '../../db/schema.ts';
import type { Step } from '../../platform/participation.ts';
import type { Side } from './schema.ts';

let n = 0;

export interface DebateIds {
  projectId: number;
  stepId: number;
  step: Step;
}

export interface DebateOptions {
  visibility?: Visibility;
  state?: 'open' | 'closed' | 'upcoming';
  /** A postal code asked for these actions (all when empty). */
  postalFor?: string[];
  settings?: Record<string, unknown>;
}

/** A public project with one open debate step "Faut-il … ? <n>" unless told otherwise. */
export function makeDebate(db: Db, o: DebateOptions = {}): DebateIds {
  n += 1;
  const [starts, ends] = o.state === 'closed' ? [daysFromNow(-10), daysFromNow(-1)] : o.state === 'upcoming' ? [daysFromNow(1), daysFromNow(10)] : [daysFromNow(-1), daysFromNow(10)];
  const projectId = makeProject(db, { slug: `debat-${n}-${process.pid}`, title: `Centre-ville ${n}`, visibility: o.visibility ?? 'public' });
  const stepId = makeStep(db, projectId, { type: 'debate', title: `Faut-il fermer la rue ${n} aux voitures ?`, body: 'Une **présentation** du débat.', starts, ends, postal: !!o.postalFor });
  if (o.postalFor?.length) db.sqlite.prepare('update steps set requirement_actions = ? where id = ?').run(JSON.stringify({ postal_code: o.postalFor }), stepId);
  if (o.settings) db.sqlite.prepare('update steps set settings = ? where id = ?').run(JSON.stringify(o.settings), stepId);
  const step = readSync(db).first(db.selectFrom('steps').selectAll().where('id', '=', stepId))!;
  return { projectId, stepId, step };
}

/** Moves the step's dates so it is now open, closed or upcoming. */
export function setState(db: Db, ids: Pick<DebateIds, 'stepId'>, state: 'open' | 'closed' | 'upcoming'): void {
  const [starts, ends] = state === 'closed' ? [daysFromNow(-10), daysFromNow(-1)] : state === 'upcoming' ? [daysFromNow(1), daysFromNow(10)] : [daysFromNow(-1), daysFromNow(10)];
  db.sqlite.prepare('update steps set starts_at = ?, ends_at = ? where id = ?').run(starts, ends, ids.stepId);
}

export interface ArgumentFields {
  body?: string;
  status?: ContributionStatus;
  /** A useful count without marks rows: for sort tests only. */
  useful?: number;
}

/** An argument written directly (no counters moved): for list, sort and page tests. */
export function addArgument(db: Db, ids: Pick<DebateIds, 'stepId'>, authorId: number, side: Side, f: ArgumentFields = {}): number {
  n += 1;
  return write(db, (tx) => {
    const id = tx.run(
      db.insertInto('contributions').values({ step_id: ids.stepId, author_id: authorId, parent_id: null, kind: 'argument', status: f.status ?? 'published', title: null, body_md: f.body ?? `Argument ${n}`, created_at: new Date().toISOString() }),
    ).lastInsertRowid;
    tx.run(db.insertInto('debate_arguments').values({ contribution_id: id, step_id: ids.stepId, author_id: authorId, side, useful_count: f.useful ?? 0 }));
    return id;
  });
}

/** The debate's counters, the step's and the project's, and what the rows say. */
export function debateCounters(on: DbOrApp, ids: Pick<DebateIds, 'stepId' | 'projectId'>) {
  const db = dbOf(on);
  const r = readSync(db);
  const count = (sql: string) => (db.sqlite.prepare(`select count(*) as n from ${sql}`).get(ids.stepId) as { n: number }).n;
  return {
    debate: r.first(db.selectFrom('debate_steps').select(['votes_for', 'votes_against', 'arguments_for', 'arguments_against']).where('step_id', '=', ids.stepId)) ?? { votes_for: 0, votes_against: 0, arguments_for: 0, arguments_against: 0 },
    rows: {
      votes_for: count("debate_votes where step_id = ? and side = 'for'"),
      votes_against: count("debate_votes where step_id = ? and side = 'against'"),
      arguments_for: count("debate_arguments a join contributions c on c.id = a.contribution_id where a.step_id = ? and a.side = 'for' and c.status = 'published'"),
      arguments_against: count("debate_arguments a join contributions c on c.id = a.contribution_id where a.step_id = ? and a.side = 'against' and c.status = 'published'"),
    },
    step: r.first(db.selectFrom('steps').select(['contributions_count', 'votes_count']).where('id', '=', ids.stepId))!,
    project: r.first(db.selectFrom('projects').select(['participants_count', 'contributions_count', 'votes_count']).where('id', '=', ids.projectId))!,
  };
}
