// The ballot's posts: add a vote, take it back, move it (ranked), choose the district, validate.
// Each runs the gate and every rule inside its one transaction (ballot-writes.ts). With htmx the
// answer is the proposal's widget and the ballot's summary (out of band); without JavaScript a
// redirect back to the page the form was on, or that page again with the refusal (422/409).
import type { FastifyReply, FastifyRequest } from 'fastify';
import { render } from '../../platform/render.ts';
import { HttpError, safeNext } from '../../platform/http.ts';
import { setFlash } from '../../platform/flash.ts';
import { parseId, raw, text } from '../../platform/forms.ts';
import { assertCanParticipate } from '../../platform/gate.ts';
import { readSync } from '../../db/write.ts';
import { loadSelection, type ProposalParams, type StepContext, type StepParams } from './guards.ts';
import { voteSettings } from './rules.ts';
import { findBallot } from './ballot-queries.ts';
import { addVote, chooseDistrict, findTarget, moveVote, removeVote, validateBallot, VoteRefused, type BallotResult, type BallotWriteOptions } from './ballot-writes.ts';
import { voteWidget, type Refusal } from './vote-rules.ts';
import { refusalPageFor } from './vote-refusals.ts';
import { showBallot } from './ballot-page.ts';

type Run = (o: BallotWriteOptions) => Promise<BallotResult>;

const badRequest = () => new HttpError(400, 'selection.votes.refused.bad_request');

/**
 * Runs the write with the gate inside its transaction, then answers: the widget and summary
 * (htmx, when a proposal is concerned), else a redirect back with a flash; a refusal re-renders.
 */
async function answer(request: FastifyRequest, reply: FastifyReply, ctx: StepContext, proposalId: number | null, flash: string, run: Run) {
  const back = safeNext(raw(request.body, 'back'), `/selection/${ctx.step.id}/ballot`).split('#')[0]!;
  const gate = () => void assertCanParticipate(request, ctx, 'vote');
  let refusal: Refusal | null = null;
  try {
    await run({ gate });
  } catch (error) {
    if (!(error instanceof VoteRefused)) throw error;
    refusal = error.refusal;
  }
  if (request.wantsFragment && proposalId !== null) return fragment(request, reply, ctx, proposalId, refusal);
  if (refusal) {
    const page = refusalPageFor(ctx.step.id, back);
    const shown = { key: refusal.key, params: refusal.params, proposalId };
    return page ? page(request, reply, ctx, shown, refusal.status) : showBallot(request, reply, ctx, { refusal: shown, status: refusal.status });
  }
  setFlash(reply, flash);
  return reply.redirect(proposalId !== null && !back.endsWith('/ballot') ? `${back}#selection-vote-${proposalId}` : back, 303);
}

/** The proposal's widget (with the refusal, if any) and the ballot's summary out of band. */
async function fragment(request: FastifyRequest, reply: FastifyReply, ctx: StepContext, proposalId: number, refusal: Refusal | null) {
  const db = request.server.db;
  const settings = voteSettings(ctx.step);
  const ballot = findBallot(db, ctx.step, request.user!.id, settings);
  const target = findTarget(db, readSync(db), ctx.step.id, proposalId);
  const url = safeNext(raw(request.body, 'back'), `/selection/${ctx.step.id}`);
  let vote = target ? voteWidget(ballot, settings, { ...target, step_id: ctx.step.id }, ctx.state) : null;
  if (vote && refusal) vote = { ...vote, reason: { key: refusal.key, params: refusal.params }, refused: true };
  return render(request, reply, 'selection/_vote-answer', { settings, ballot, vote, refusal, url }, { status: refusal?.status ?? 200 });
}

/** The proposal named in the form, checked by the rules inside the transaction (missing: 404 there). */
export async function postVote(request: FastifyRequest<{ Params: StepParams }>, reply: FastifyReply) {
  const ctx = loadSelection(request, request.params.stepId);
  const proposalId = parseId(text(request.body, 'proposal'));
  if (proposalId === null) throw badRequest();
  return answer(request, reply, ctx, proposalId, 'selection.votes.flash.added', (o) => addVote(request.server.db, ctx.step, request.user?.id ?? 0, proposalId, o));
}

export async function deleteVote(request: FastifyRequest<{ Params: ProposalParams }>, reply: FastifyReply) {
  const ctx = loadSelection(request, request.params.stepId);
  const proposalId = parseId(request.params.proposalId);
  if (proposalId === null) throw badRequest();
  return answer(request, reply, ctx, proposalId, 'selection.votes.flash.removed', (o) => removeVote(request.server.db, ctx.step, request.user?.id ?? 0, proposalId, o));
}

/** Ranked ballots: one place up or down; the ballot page's buttons, without JavaScript. */
export async function postMove(request: FastifyRequest<{ Params: ProposalParams }>, reply: FastifyReply) {
  const ctx = loadSelection(request, request.params.stepId);
  const proposalId = parseId(request.params.proposalId);
  const direction = text(request.body, 'direction');
  if (proposalId === null || (direction !== 'up' && direction !== 'down')) throw badRequest();
  return answer(request, reply, ctx, null, 'selection.votes.flash.moved', (o) => moveVote(request.server.db, ctx.step, request.user?.id ?? 0, proposalId, direction, o));
}

export async function postDistrict(request: FastifyRequest<{ Params: StepParams }>, reply: FastifyReply) {
  const ctx = loadSelection(request, request.params.stepId);
  const districtId = parseId(text(request.body, 'district'));
  return answer(request, reply, ctx, null, 'selection.votes.flash.district', (o) => chooseDistrict(request.server.db, ctx.step, request.user?.id ?? 0, districtId, o));
}

export async function postValidate(request: FastifyRequest<{ Params: StepParams }>, reply: FastifyReply) {
  const ctx = loadSelection(request, request.params.stepId);
  return answer(request, reply, ctx, null, 'selection.votes.flash.validated', (o) => validateBallot(request.server.db, ctx.step, request.user?.id ?? 0, o));
}
