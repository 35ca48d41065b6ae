// Votes on a section or an item: agree, mitigated, disagree, or withdraw. Without JavaScript the
// answer is a redirect back to the page at the widget; with htmx it is the widget itself.
import type { FastifyReply, FastifyRequest } from 'fastify';
import { render } from '../../platform/render.ts';
import { HttpError, safeNext } from '../../platform/http.ts';
import { setFlash } from '../../platform/flash.ts';
import { text } from '../../platform/forms.ts';
import { assertCanParticipate, type StepContext } from '../../platform/gate.ts';
import type { SessionUser } from '../../platform/sessions.ts';
import { loadStep, loadSection, loadItem, assertPublished } from './guards.ts';
import { castVote, type VoteTarget } from './vote-queries.ts';
import { parseVoteChoice, voteWidget } from './rules.ts';
import type { SectionParams } from './sections.ts';
import type { ItemParams } from './items.ts';

/** Casts the vote, then answers with the widget (htmx) or a redirect to it. */
async function vote(request: FastifyRequest, reply: FastifyReply, ctx: StepContext, user: SessionUser, target: VoteTarget, label: string) {
  const choice = parseVoteChoice(text(request.body, 'value'));
  if (!choice) throw new HttpError(400, 'consultation.errors.bad_vote');
  const result = await castVote(request.server.db, ctx.step, target, user.id, choice);
  const back = safeNext(text(request.body, 'back'));
  const counts = { votes_agree: result.agree, votes_mitigated: result.mitigated, votes_disagree: result.disagree };
  const widget = voteWidget(ctx.step.id, target, { label, counts, mine: result.mine, canVote: true, back });
  if (request.wantsFragment) return render(request, reply, 'consultation/_vote', { vote: widget });
  setFlash(reply, result.mine ? 'consultation.flash.voted' : 'consultation.flash.vote_withdrawn');
  return reply.redirect(`${back === '/' ? widget.action.replace(/\/vote$/, '') : back.split('#')[0]}#${widget.id}`, 303);
}

export async function voteOnSection(request: FastifyRequest<{ Params: SectionParams }>, reply: FastifyReply) {
  const ctx = loadStep(request, request.params.stepId);
  const section = loadSection(request, ctx, request.params.sectionId);
  const user = assertCanParticipate(request, ctx, 'vote');
  if (!section.allow_votes) throw new HttpError(403, 'consultation.errors.votes_not_allowed');
  return vote(request, reply, ctx, user, { kind: 'section', id: section.id }, section.title);
}

export async function voteOnItem(request: FastifyRequest<{ Params: ItemParams }>, reply: FastifyReply) {
  const ctx = loadStep(request, request.params.stepId);
  const item = loadItem(request, ctx, request.params.itemId);
  const user = assertCanParticipate(request, ctx, 'vote');
  if (!item.allow_votes) throw new HttpError(403, 'consultation.errors.votes_not_allowed');
  assertPublished(item);
  return vote(request, reply, ctx, user, { kind: 'item', id: item.id }, item.title ?? '');
}
