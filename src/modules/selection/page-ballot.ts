// What the list and a proposal's page show of the reader's ballot: the summary of what is left
// (ballot-queries.ts findBallot, read once per page) and each proposal's vote button
// (vote-rules.ts voteWidget, pure): a fixed number of queries whatever the page's length.
import type { FastifyRequest } from 'fastify';
import type { StepContext } from './guards.ts';
import type { VoteSettings } from './rules.ts';
import { findBallot, type BallotSummary } from './ballot-queries.ts';
import { voteWidget, type VoteWidget } from './vote-rules.ts';
import type { ShownRefusal } from './vote-refusals.ts';

type Shown = { id: number; cost: number; district_id: number | null; title: string };

/**
 * The reader's ballot (null for a visitor) and one vote button per proposal, in order; `titled`:
 * name the proposal in the button (lists). A vote refused without JavaScript comes back with its
 * refusal: shown on its proposal's button, or above the list when it concerns none shown.
 */
export function ballotOf(request: FastifyRequest, ctx: StepContext, settings: VoteSettings, proposals: readonly Shown[], titled = true, refusal: ShownRefusal | null = null) {
  const ballot: BallotSummary | null = request.user ? findBallot(request.server.db, ctx.step, request.user.id, settings) : null;
  let placed = false;
  const votes: VoteWidget[] = proposals.map((p) => {
    const w = voteWidget(ballot, settings, { proposal_id: p.id, cost: p.cost, district_id: p.district_id, step_id: ctx.step.id, title: titled ? p.title : null }, ctx.state);
    if (!refusal || refusal.proposalId !== p.id) return w;
    placed = true;
    return { ...w, reason: { key: refusal.key, params: refusal.params }, refused: true };
  });
  return { ballot, votes, refusal: refusal && !placed ? refusal : null };
}
