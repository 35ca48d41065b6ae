// A proposal's page in the vote, its permalink: the proposal as the collect step holds it
// (reference, title, summary, text, category, envelope, address, cost, status), its votes when
// they are shown, the reader's vote button and what is left of their ballot, a link to its page
// in the collect step (where its comments and follows live), and a winner's follow-up.
import type { FastifyReply, FastifyRequest } from 'fastify';
import { render } from '../../platform/render.ts';
import { notFound } from '../../platform/http.ts';
import { parseId } from '../../platform/forms.ts';
import { loadSelection, type ProposalParams, type StepContext } from './guards.ts';
import { findProposal, findSelection } from './queries.ts';
import { countsShown } from './list-rules.ts';
import { findFollowUp } from './follow-up-queries.ts';
import { voteSettings } from './rules.ts';
import { ballotOf } from './page-ballot.ts';
import { registerRefusalPage, type ShownRefusal } from './vote-refusals.ts';

export async function showProposal(request: FastifyRequest<{ Params: ProposalParams }>, reply: FastifyReply) {
  return renderProposal(request, reply, loadSelection(request, request.params.stepId), request.params.proposalId);
}

// A vote refused without JavaScript comes back to the proposal's page it was cast from.
registerRefusalPage(/^\/selection\/\d+\/proposals\/\d+$/, (request, reply, ctx, refusal, status, back) =>
  renderProposal(request, reply, ctx, back.split(/[?#]/)[0]!.split('/').pop(), refusal, status),
);

async function renderProposal(request: FastifyRequest, reply: FastifyReply, ctx: StepContext, rawId: unknown, refusal: ShownRefusal | null = null, status = 200) {
  const db = request.server.db;
  const id = parseId(rawId);
  // Not in this vote, or hidden by moderation: no longer in the vote for anyone (its collect
  // page says what moderation did).
  const proposal = id === null ? undefined : findProposal(db, ctx.step.id, id);
  if (!proposal) throw notFound();
  const selection = findSelection(db, ctx.step.id);
  const settings = voteSettings(ctx.step);
  const ballot = ballotOf(request, ctx, settings, [proposal], false, refusal);
  return render(
    request,
    reply,
    'selection/show',
    {
      title: proposal.title,
      ...ctx,
      settings,
      proposal,
      shown: countsShown(selection.counts_public_at, new Date(), request.user?.role === 'admin'),
      ballot: ballot.ballot,
      vote: ballot.votes[0],
      refusal: ballot.refusal,
      // A winner's realisation (results published): its timeline, progress and news.
      followUp: findFollowUp(db, ctx.step.id, proposal.id),
    },
    { status },
  );
}
