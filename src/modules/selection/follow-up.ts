// The follow-up of a winner, edited by administrators (checked by the route list) at
// /selection/:stepId/proposals/:proposalId/follow-up: its progress, its realisation timeline
// (milestones added, marked done, moved up or down, removed) and its news posted. Only winners of
// published results have one: any other proposal is a 404 here. A milestone's edit page is in
// follow-up-milestone.ts; a news post's edit and removal pages in follow-up-update.ts.
import type { FastifyReply, FastifyRequest } from 'fastify';
import { render } from '../../platform/render.ts';
import { HttpError, notFound } from '../../platform/http.ts';
import { setFlash } from '../../platform/flash.ts';
import { hasErrors, parseId, text, type FormErrors } from '../../platform/forms.ts';
import { loadWinner, type ItemParams, type ProposalParams, type StepContext } from './guards.ts';
import { findFollowUp } from './follow-up-queries.ts';
import { parseMilestone, parseProgress, parseUpdate, BODY_MAX, TITLE_MAX } from './follow-up-rules.ts';
import { addMilestone, deleteMilestone, moveMilestone, postUpdate, saveProgress, setMilestoneDone } from './follow-up-writes.ts';

type Form = { values: Record<string, string>; errors: FormErrors };
interface Forms {
  progress?: Form;
  milestone?: Form;
  update?: Form;
}

function page(request: FastifyRequest, reply: FastifyReply, ctx: StepContext, w: ReturnType<typeof loadWinner>['winner'], forms: Forms = {}, status = 200) {
  const followUp = findFollowUp(request.server.db, ctx.step.id, w.proposal_id)!;
  return render(
    request,
    reply,
    'selection/follow-up',
    {
      title: request.t('selection.follow_up.admin.title', { title: w.title ?? '' }),
      ...ctx,
      proposal: w,
      followUp,
      base: `/selection/${ctx.step.id}/proposals/${w.proposal_id}/follow-up`,
      progress: forms.progress ?? { values: { progress: String(followUp.progress) }, errors: {} },
      milestone: forms.milestone ?? { values: {}, errors: {} },
      update: forms.update ?? { values: {}, errors: {} },
      limits: { title: TITLE_MAX, body: BODY_MAX },
    },
    { status },
  );
}

const back = (reply: FastifyReply, ctx: StepContext, proposalId: number, flash: string) => {
  setFlash(reply, flash);
  return reply.redirect(`/selection/${ctx.step.id}/proposals/${proposalId}/follow-up`, 303);
};

export async function showFollowUpAdmin(request: FastifyRequest<{ Params: ProposalParams }>, reply: FastifyReply) {
  const { ctx, winner } = loadWinner(request);
  return page(request, reply, ctx, winner);
}

export async function postProgress(request: FastifyRequest<{ Params: ProposalParams }>, reply: FastifyReply) {
  const { ctx, winner } = loadWinner(request);
  const { values, errors, progress } = parseProgress(request.body);
  if (hasErrors(errors)) return page(request, reply, ctx, winner, { progress: { values, errors } }, 422);
  saveProgress(request.server.db, ctx.step.id, winner.proposal_id, progress);
  return back(reply, ctx, winner.proposal_id, 'selection.follow_up.flash.progress_saved');
}

export async function postMilestone(request: FastifyRequest<{ Params: ProposalParams }>, reply: FastifyReply) {
  const { ctx, winner } = loadWinner(request);
  const { values, errors, input } = parseMilestone(request.body);
  if (hasErrors(errors)) return page(request, reply, ctx, winner, { milestone: { values, errors } }, 422);
  addMilestone(request.server.db, ctx.step.id, winner.proposal_id, input);
  return back(reply, ctx, winner.proposal_id, 'selection.follow_up.flash.milestone_added');
}

/** done=1 or done=0: the wanted state. */
export async function postMilestoneDone(request: FastifyRequest<{ Params: ItemParams }>, reply: FastifyReply) {
  const { ctx, winner } = loadWinner(request);
  const id = parseId(request.params.itemId);
  const done = text(request.body, 'done');
  if (done !== '1' && done !== '0') throw new HttpError(400, 'selection.follow_up.error.bad_done');
  if (id === null || !setMilestoneDone(request.server.db, winner, ctx.step.id, id, done === '1', request.user!.id)) throw notFound();
  return back(reply, ctx, winner.proposal_id, done === '1' ? 'selection.follow_up.flash.milestone_done' : 'selection.follow_up.flash.milestone_undone');
}

export async function postMilestoneDelete(request: FastifyRequest<{ Params: ItemParams }>, reply: FastifyReply) {
  const { ctx, winner } = loadWinner(request);
  const id = parseId(request.params.itemId);
  if (id === null || !deleteMilestone(request.server.db, ctx.step.id, winner.proposal_id, id)) throw notFound();
  return back(reply, ctx, winner.proposal_id, 'selection.follow_up.flash.milestone_deleted');
}

/** direction=up or direction=down: one place towards the start or the end of the timeline. */
export async function postMilestoneMove(request: FastifyRequest<{ Params: ItemParams }>, reply: FastifyReply) {
  const { ctx, winner } = loadWinner(request);
  const id = parseId(request.params.itemId);
  const direction = text(request.body, 'direction');
  if (direction !== 'up' && direction !== 'down') throw new HttpError(400, 'selection.follow_up.error.bad_direction');
  if (id === null || !moveMilestone(request.server.db, ctx.step.id, winner.proposal_id, id, direction)) throw notFound();
  return back(reply, ctx, winner.proposal_id, 'selection.follow_up.flash.milestone_moved');
}

export async function postFollowUpdate(request: FastifyRequest<{ Params: ProposalParams }>, reply: FastifyReply) {
  const { ctx, winner } = loadWinner(request);
  const { values, errors } = parseUpdate(request.body);
  if (hasErrors(errors)) return page(request, reply, ctx, winner, { update: { values, errors } }, 422);
  postUpdate(request.server.db, winner, ctx.step.id, { title: values.update_title, body: values.body }, request.user!.id);
  return back(reply, ctx, winner.proposal_id, 'selection.follow_up.flash.update_posted');
}
