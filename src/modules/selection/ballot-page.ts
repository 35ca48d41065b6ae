// The ballot page /selection/:stepId/ballot (logged in): the person's votes in order with their
// costs, up/down buttons when ranked, what is left per envelope, the district and the
// validation; also the page that shows a refusal when the form's page is not known.
import type { FastifyReply, FastifyRequest } from 'fastify';
import { render } from '../../platform/render.ts';
import { requireUser } from '../../platform/http.ts';
import { participation } from '../../platform/gate.ts';
import { readSync } from '../../db/write.ts';
import { compiledQuery } from '../../db/compiled.ts';
import type { Db } from '../../db/open.ts';
import { loadSelection, type StepContext, type StepParams } from './guards.ts';
import { voteSettings } from './rules.ts';
import { findBallot } from './ballot-queries.ts';
import type { ShownRefusal } from './vote-refusals.ts';

export interface BallotItem {
  proposal_id: number;
  title: string | null;
  position: number;
  cost: number;
  district_id: number | null;
  district: string | null;
}

const itemsQuery = compiledQuery<{ stepId: number; userId: number }, BallotItem>((db, p) =>
  db
    .selectFrom('selection_votes as v')
    .innerJoin('selection_proposals as p', (j) => j.onRef('p.step_id', '=', 'v.step_id').onRef('p.proposal_id', '=', 'v.proposal_id'))
    .innerJoin('contributions as c', 'c.id', 'v.proposal_id')
    .leftJoin('districts as d', 'd.id', 'p.district_id')
    .select(['v.proposal_id', 'c.title', 'v.position', 'p.cost', 'p.district_id', 'd.name as district'])
    .where('v.step_id', '=', p.stepId)
    .where('v.user_id', '=', p.userId)
    .orderBy('v.position')
    .orderBy('v.proposal_id'),
);

/** The person's votes in order, with their proposals' titles, costs and districts. */
export const listBallotItems = (db: Db, stepId: number, userId: number) => readSync(db).all(itemsQuery(db, '', { stepId, userId }));

export async function getBallot(request: FastifyRequest<{ Params: StepParams }>, reply: FastifyReply) {
  const ctx = loadSelection(request, request.params.stepId);
  if (!requireUser(request, reply)) return reply;
  return showBallot(request, reply, ctx);
}

/** Renders the ballot page, with a refusal and its status when a post was refused. */
export async function showBallot(request: FastifyRequest, reply: FastifyReply, ctx: StepContext, o: { refusal?: ShownRefusal; status?: number } = {}) {
  const user = request.user!;
  const db = request.server.db;
  const settings = voteSettings(ctx.step);
  const ballot = findBallot(db, ctx.step, user.id, settings);
  const items = listBallotItems(db, ctx.step.id, user.id);
  const { can, missing } = participation(request, ctx, ['vote']);
  const editable = can.vote && !ballot.validatedAt;
  const title = request.t('selection.votes.ballot.title', { step: ctx.step.title });
  return render(request, reply, 'selection/ballot', { title, ...ctx, settings, ballot, items, editable, missing, refusal: o.refusal ?? null }, { status: o.status ?? 200, cache: false });
}
