// Votes on a section or an item: agree, mitigated, disagree, or withdraw. Without JavaScript the
// answer is a redirect back to the page at the widget; with htmx it is the widget itself.
import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify';
import { render } from '../../platform/render.ts';
import { HttpError, safeNext } from '../../platform/http.ts';
import { setFlash } from '../../platform/flash.ts';
import { text } from '../../platform/forms.ts';
import { loadStep, assertCanParticipate } from './guards.ts';
import { loadSection } from './section-routes.ts';
import { loadItem, assertPublished } from './item-routes.ts';
import { castItemVote, castSectionVote, type VoteResult } from './vote-queries.ts';
import { parseVoteChoice, tally } from './rules.ts';
import { participationLimits } from '../../platform/rate-limits.ts';

/** What `_vote.eta` needs. */
export interface VoteWidget {
  id: string;
  action: string;
  back: string;
  label: string;
  tally: ReturnType<typeof tally>;
  mine: string | null;
  canVote: boolean;
}

function answer(request: FastifyRequest, reply: FastifyReply, widget: VoteWidget, result: VoteResult) {
  if (request.wantsFragment) return render(request, reply, 'consultation/_vote', { vote: widget });
  setFlash(reply, result.mine ? 'consultation.flash.voted' : 'consultation.flash.vote_withdrawn');
  const back = safeNext(text(request.body, 'back'));
  return reply.redirect(`${back === '/' ? widget.action.replace(/\/vote$/, '') : back.split('#')[0]}#${widget.id}`, 303);
}

function choiceOf(request: FastifyRequest) {
  const choice = parseVoteChoice(text(request.body, 'value'));
  if (!choice) throw new HttpError(400, 'consultation.errors.bad_vote');
  return choice;
}

export const voteRoutes: FastifyPluginAsync = async (app) => {
  app.post<{ Params: { stepId: string; sectionId: string } }>('/:stepId/sections/:sectionId/vote', { config: participationLimits.vote }, async (request, reply) => {
    const ctx = loadStep(request, request.params.stepId);
    const section = loadSection(request, ctx, request.params.sectionId);
    const user = assertCanParticipate(request, ctx);
    if (!section.allow_votes) throw new HttpError(403, 'consultation.errors.votes_not_allowed');
    const result = castSectionVote(app.db, ctx.step, section.id, user.id, choiceOf(request));
    const action = `/consultation/${ctx.step.id}/sections/${section.id}/vote`;
    const widget = { id: `vote-section-${section.id}`, action, back: safeNext(text(request.body, 'back')), label: section.title, tally: tally(result.agree, result.mitigated, result.disagree), mine: result.mine, canVote: true };
    return answer(request, reply, widget, result);
  });

  app.post<{ Params: { stepId: string; itemId: string } }>('/:stepId/items/:itemId/vote', { config: participationLimits.vote }, async (request, reply) => {
    const ctx = loadStep(request, request.params.stepId);
    const item = loadItem(request, ctx, request.params.itemId);
    const user = assertCanParticipate(request, ctx);
    if (!item.allow_votes) throw new HttpError(403, 'consultation.errors.votes_not_allowed');
    assertPublished(item);
    const result = castItemVote(app.db, ctx.step, item.id, user.id, choiceOf(request));
    const action = `/consultation/${ctx.step.id}/items/${item.id}/vote`;
    const widget = { id: `vote-item-${item.id}`, action, back: safeNext(text(request.body, 'back')), label: item.title ?? '', tally: tally(result.agree, result.mitigated, result.disagree), mine: result.mine, canVote: true };
    return answer(request, reply, widget, result);
  });
};
