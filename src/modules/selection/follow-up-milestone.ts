// A milestone's own edit page (administrators, checked by the route list): its title and dates,
// at /selection/:stepId/proposals/:proposalId/follow-up/milestones/:itemId, refused with 422 and
// the values sent when they are wrong.
import type { FastifyReply, FastifyRequest } from 'fastify';
import { render } from '../../platform/render.ts';
import { notFound } from '../../platform/http.ts';
import { setFlash } from '../../platform/flash.ts';
import { hasErrors, parseId, type FormErrors } from '../../platform/forms.ts';
import { loadWinner, type ItemParams } from './guards.ts';
import { findFollowUp } from './follow-up-queries.ts';
import { parseMilestone, TITLE_MAX } from './follow-up-rules.ts';
import { updateMilestone } from './follow-up-writes.ts';

/** The step, its winner and the milestone of the URL, or a 404. */
function loadMilestone(request: FastifyRequest<{ Params: ItemParams }>) {
  const w = loadWinner(request);
  const id = parseId(request.params.itemId);
  const milestone = id === null ? undefined : findFollowUp(request.server.db, w.ctx.step.id, w.winner.proposal_id)?.milestones.find((m) => m.id === id);
  if (!milestone) throw notFound();
  return { ...w, milestone };
}

function page(request: FastifyRequest, reply: FastifyReply, m: ReturnType<typeof loadMilestone>, form: { values: Record<string, string>; errors: FormErrors }, status = 200) {
  return render(
    request,
    reply,
    'selection/follow-up-milestone',
    { title: request.t('selection.follow_up.admin.edit_milestone_title', { title: m.milestone.title }), ...m.ctx, base: m.base, milestone: m.milestone, form, limits: { title: TITLE_MAX } },
    { status },
  );
}

export async function showMilestoneEdit(request: FastifyRequest<{ Params: ItemParams }>, reply: FastifyReply) {
  const m = loadMilestone(request);
  return page(request, reply, m, { values: { milestone_title: m.milestone.title, starts_on: m.milestone.starts_on ?? '', ends_on: m.milestone.ends_on ?? '' }, errors: {} });
}

export async function postMilestoneEdit(request: FastifyRequest<{ Params: ItemParams }>, reply: FastifyReply) {
  const m = loadMilestone(request);
  const { values, errors, input } = parseMilestone(request.body);
  if (hasErrors(errors)) return page(request, reply, m, { values, errors }, 422);
  updateMilestone(request.server.db, m.ctx.step.id, m.winner.proposal_id, m.milestone.id, input);
  setFlash(reply, 'selection.follow_up.flash.milestone_saved');
  return reply.redirect(m.base, 303);
}
