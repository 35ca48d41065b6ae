// POST /debate/:stepId/vote: for, against, or withdraw. With htmx the answer is the vote widget
// itself (swapped in place, the pressed button keeps the focus); without JavaScript, a redirect
// back to the widget on the page.
import type { FastifyReply, FastifyRequest } from 'fastify';
import { render } from '../../platform/render.ts';
import { HttpError } from '../../platform/http.ts';
import { setFlash } from '../../platform/flash.ts';
import { text } from '../../platform/forms.ts';
import { assertCanParticipate } from '../../platform/gate.ts';
import { loadDebate, type StepParams } from './guards.ts';
import { castVote } from './writes.ts';
import { parseVoteChoice, voteWidget } from './rules.ts';

export async function voteOnDebate(request: FastifyRequest<{ Params: StepParams }>, reply: FastifyReply) {
  const ctx = loadDebate(request, request.params.stepId);
  const user = assertCanParticipate(request, ctx, 'vote');
  const choice = parseVoteChoice(text(request.body, 'value'));
  if (!choice) throw new HttpError(400, 'debate.vote.bad_choice');
  const result = await castVote(request.server.db, ctx.step, user.id, choice);
  if (request.wantsFragment) {
    const vote = voteWidget(ctx.step.id, { question: ctx.step.title, votesFor: result.votesFor, votesAgainst: result.votesAgainst, mine: result.mine, canVote: true });
    return render(request, reply, 'debate/_vote', { vote });
  }
  setFlash(reply, result.mine ? 'debate.flash.voted' : 'debate.flash.vote_withdrawn');
  return reply.redirect(`/debate/${ctx.step.id}#debate-vote`, 303);
}
