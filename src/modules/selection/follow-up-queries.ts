// Reads of a winner's follow-up: its progress, its realisation timeline and its news. Only a
// proposal flagged winner by published results has one; findFollowUp is what a proposal's page
// (views/selection/show.eta) passes to views/selection/_follow-up.eta.
import type { Db } from '../../db/open.ts';
import { readSync } from '../../db/write.ts';
import { compiledQuery } from '../../db/compiled.ts';
import './schema-results.ts';

export interface Milestone {
  id: number;
  title: string;
  starts_on: string | null;
  ends_on: string | null;
  done: number;
}

export interface FollowUpdate {
  id: number;
  title: string;
  body_md: string;
  published_at: string;
  edited_at: string | null;
}

export interface FollowUp {
  stepId: number;
  proposalId: number;
  /** 0 to 100. */
  progress: number;
  milestones: Milestone[];
  /** Newest first. */
  updates: FollowUpdate[];
}

export interface Winner {
  proposal_id: number;
  progress: number;
  title: string | null;
  author_id: number;
  contribution_step_id: number;
  project_id: number;
}

// Asked by every proposal's page: compiled once (db/compiled.ts), as building it cost 7% of the page.
const winnerQuery = compiledQuery<{ stepId: number; proposalId: number }, Winner>((db, p) =>
  db
    .selectFrom('selection_proposals as sp')
    .innerJoin('selection_steps as ss', 'ss.step_id', 'sp.step_id')
    .innerJoin('collect_proposals as cp', 'cp.contribution_id', 'sp.proposal_id')
    .innerJoin('contributions as c', 'c.id', 'sp.proposal_id')
    .innerJoin('steps as s', 's.id', 'c.step_id')
    .select(['sp.proposal_id', 'sp.progress', 'c.title', 'c.author_id', 'c.step_id as contribution_step_id', 's.project_id'])
    .where('sp.step_id', '=', p.stepId)
    .where('sp.proposal_id', '=', p.proposalId)
    .where('sp.winner', '=', 1)
    .where('ss.results_published_at', 'is not', null)
    .where('cp.published', '=', 1),
);

/** The winning proposal as the follow-up's writes need it: its title, author and own step. */
export function findWinner(db: Db, stepId: number, proposalId: number): Winner | undefined {
  return readSync(db).first(winnerQuery(db, '', { stepId, proposalId }));
}

/** A winner's follow-up, or null for a proposal that did not win (or whose results are not out). */
export function findFollowUp(db: Db, stepId: number, proposalId: number): FollowUp | null {
  const winner = findWinner(db, stepId, proposalId);
  if (!winner) return null;
  const r = readSync(db);
  const milestones = r.all(
    db
      .selectFrom('selection_milestones')
      .select(['id', 'title', 'starts_on', 'ends_on', 'done'])
      .where('step_id', '=', stepId)
      .where('proposal_id', '=', proposalId)
      .orderBy('position')
      .orderBy('id'),
  );
  const updates = r.all(
    db
      .selectFrom('selection_updates')
      .select(['id', 'title', 'body_md', 'published_at', 'edited_at'])
      .where('step_id', '=', stepId)
      .where('proposal_id', '=', proposalId)
      .orderBy('published_at', 'desc')
      .orderBy('id', 'desc'),
  );
  return { stepId, proposalId, progress: winner.progress, milestones, updates };
}

/** One news post of this winner, or undefined (another winner's, or removed). */
export function findUpdate(db: Db, stepId: number, proposalId: number, id: number): FollowUpdate | undefined {
  return readSync(db).first(
    db.selectFrom('selection_updates').select(['id', 'title', 'body_md', 'published_at', 'edited_at']).where('id', '=', id).where('step_id', '=', stepId).where('proposal_id', '=', proposalId),
  );
}
