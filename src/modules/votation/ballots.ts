// The voter's posts: an access code (roll), then the ballot; after the close, the lookup of a
// ballot by its receipt. A ballot answers with its receipt, shown once (never stored with the
// voter, never logged); a refused one re-renders the page with 422 and what was sent.
import type { FastifyReply, FastifyRequest } from 'fastify';
import { render } from '../../platform/render.ts';
import { HttpError } from '../../platform/http.ts';
import { text } from '../../platform/forms.ts';
import type { FailureLimit } from '../../platform/rate-limits.ts';
import { CodeRefused, loadVotation, loadVoter, settingsOf, votationOf, type StepContext, type StepParams } from './guards.ts';
import { findBallot, listQuestions } from './queries.ts';
import { renderVotation } from './page.ts';
import { normalizeReceipt, parseBallotForm, formatReceipt } from './rules.ts';
import { BallotRefused, castBallot } from './writes.ts';

type Req = FastifyRequest<{ Params: StepParams }>;

async function voterOr422(request: Req, reply: FastifyReply, ctx: StepContext, codeLimit: FailureLimit) {
  try {
    return await loadVoter(request, ctx, codeLimit);
  } catch (err) {
    if (!(err instanceof CodeRefused)) throw err;
    await renderVotation(request, reply, ctx, { code: { values: { code: text(request.body, 'code') }, errors: { code: { key: 'votation.code.error' } } } }, 422);
    return null;
  }
}

/** POST /votation/:stepId/code: a valid code opens the ballot (the code rides along in it). */
export const postCode = (codeLimit: FailureLimit) => async (request: Req, reply: FastifyReply) => {
  const ctx = loadVotation(request, request.params.stepId);
  if (settingsOf(ctx).electorate !== 'roll') throw new HttpError(404, 'errors.404.text');
  const v = await voterOr422(request, reply, ctx, codeLimit);
  if (!v) return reply;
  if (v.voted && !settingsOf(ctx).allowChanges) {
    return renderVotation(request, reply, ctx, { code: { values: {}, errors: { code: { key: 'votation.ballot.refused.already_voted' } } } }, 422);
  }
  return renderVotation(request, reply, ctx, { ballot: { code: v.code, replacing: v.voted, values: {}, errors: {} } });
};

/** POST /votation/:stepId/ballot: marks the voter and puts the ballot in the box, or replaces it. */
export const postBallot = (codeLimit: FailureLimit) => async (request: Req, reply: FastifyReply) => {
  const ctx = loadVotation(request, request.params.stepId);
  const v = await voterOr422(request, reply, ctx, codeLimit);
  if (!v) return reply;
  const questions = listQuestions(request.server.db, ctx.step.id);
  const form = parseBallotForm(questions, request.body);
  if (form.bad) throw new HttpError(400, 'errors.400.text');
  const replacing = v.voted;
  if (replacing && !settingsOf(ctx).allowChanges) throw new HttpError(422, 'votation.ballot.refused.already_voted');
  const receipt = replacing ? normalizeReceipt(text(request.body, 'receipt')) : null;
  if (replacing && !receipt) form.errors.receipt = { key: 'votation.ballot.error.receipt' };
  if (Object.keys(form.errors).length > 0 || questions.length === 0) {
    return renderVotation(request, reply, ctx, { ballot: { code: v.code, replacing, values: { ...form.values, receipt: text(request.body, 'receipt') }, errors: form.errors } }, 422);
  }
  let id: string;
  try {
    id = await castBallot(request.server.db, ctx.step, v.voter, form.answers, receipt);
  } catch (err) {
    if (!(err instanceof BallotRefused)) throw err;
    if (err.key === 'participation.closed') throw new HttpError(403, err.key);
    return renderVotation(request, reply, ctx, { ballot: { code: v.code, replacing, values: form.values, errors: { receipt: { key: err.key } } } }, 422);
  }
  reply.header('cache-control', 'no-store');
  return render(request, reply, 'votation/receipt', { title: request.t('votation.receipt.title'), ...ctx, receipt: formatReceipt(id), replaced: replacing, base: `/votation/${ctx.step.id}` });
};

/** POST /votation/:stepId/lookup: after the close, the ballot a receipt names (POST: no receipt in logs). */
export async function lookupBallot(request: Req, reply: FastifyReply) {
  const ctx = loadVotation(request, request.params.stepId);
  if (ctx.state !== 'closed') throw new HttpError(403, 'votation.lookup.refused.open');
  votationOf(request, ctx);
  const typed = text(request.body, 'receipt');
  const id = normalizeReceipt(typed);
  const answers = id ? findBallot(request.server.db, ctx.step.id, id) : null;
  if (!id || !answers) return renderVotation(request, reply, ctx, { lookup: { values: { receipt: typed }, errors: { receipt: { key: 'votation.lookup.error' } } } }, 422);
  reply.header('cache-control', 'no-store');
  return render(request, reply, 'votation/ballot', { title: request.t('votation.lookup.title'), ...ctx, receipt: formatReceipt(id), answers, questions: listQuestions(request.server.db, ctx.step.id), base: `/votation/${ctx.step.id}` });
}
