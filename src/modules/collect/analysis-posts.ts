// The analysis forms' posts: an analyst's opinion (assigned analysts only), and for the step's
// decision makers (and administrators) a proposal's status, its decision with the public reason
// (the official answer) and its analysts, picked by e-mail address (a person newly named gets an
// email). Gate, then input (400 for a value no form sends, 422 with the page and its errors for
// what a person typed), then the write.
import type { FastifyReply, FastifyRequest } from 'fastify';
import { HttpError, forbidden, notFound } from '../../platform/http.ts';
import { setFlash } from '../../platform/flash.ts';
import { checkEmail, checkText, hasErrors, normalizeEmail, parseId, raw, text, type FormErrors } from '../../platform/forms.ts';
import { findUserByEmail } from '../../platform/users.ts';
import type { Db } from '../../db/open.ts';
import { loadDeciderProposal, loadProposalAnalysis, type AnalysisParams } from './analysis-guards.ts';
import { analysisPage } from './analysis.ts';
import { mailNamedAnalyst } from './analysis-emails.ts';
import { assignAnalyst, decide, saveOpinion, setStatus, unassignAnalyst } from './analysis-writes.ts';
import { COMMENT_MAX, REASON_MAX, decisionError, parseDecision, parseOpinion } from './analysis-rules.ts';
import { COST_LIMIT, parseCost } from './rules.ts';

const pageOf = (stepId: number, proposalId: number, anchor = '') => `/collect/${stepId}/analysis/proposals/${proposalId}${anchor}`;

/** A live account by the address typed, or an error beside the field. */
export function accountByEmail(db: Db, errors: FormErrors, field: string, value: string): number | null {
  checkEmail(errors, field, value);
  if (errors[field]) return null;
  const user = findUserByEmail(db, normalizeEmail(value));
  if (!user || user.deleted_at) {
    errors[field] = { key: 'collect.analysis.errors.no_account' };
    return null;
  }
  return user.id;
}

export async function postOpinion(request: FastifyRequest<{ Params: AnalysisParams }>, reply: FastifyReply) {
  const a = loadProposalAnalysis(request);
  if (!a.assigned) throw forbidden();
  const body = request.body;
  const values = { opinion: text(body, 'opinion'), comment: raw(body, 'comment').trim(), revised_cost: text(body, 'revised_cost') };
  const opinion = parseOpinion(values.opinion);
  if (values.opinion !== '' && opinion === null) throw new HttpError(400, 'forms.invalid_choice');
  const errors: FormErrors = {};
  if (opinion === null) errors.opinion = { key: 'collect.analysis.errors.opinion' };
  checkText(errors, 'comment', values.comment, { max: COMMENT_MAX });
  const revisedCost = values.revised_cost === '' ? null : parseCost(values.revised_cost);
  if (values.revised_cost !== '' && revisedCost === null) errors.revised_cost = { key: 'collect.analysis.errors.cost', params: { max: COST_LIMIT } };
  if (hasErrors(errors) || opinion === null) return analysisPage(request, reply, a, { opinion: { values, errors } }, 422);
  if (!saveOpinion(request.server.db, a.proposal.id, a.user.id, { opinion, comment: values.comment, revisedCost })) throw forbidden();
  setFlash(reply, 'collect.flash.opinion_saved');
  return reply.redirect(pageOf(a.ctx.step.id, a.proposal.id, '#opinion'), 303);
}

export async function postDecision(request: FastifyRequest<{ Params: AnalysisParams }>, reply: FastifyReply) {
  const a = loadDeciderProposal(request);
  const values = { decision: text(request.body, 'decision'), reason: raw(request.body, 'reason').trim() };
  const decision = parseDecision(values.decision);
  if (values.decision !== '' && decision === null) throw new HttpError(400, 'forms.invalid_choice');
  const error = decisionError(decision, values.reason);
  if (error || decision === null) {
    const errors: FormErrors = { [decision === null ? 'decision' : 'reason']: { key: error ?? 'collect.analysis.errors.decision', params: { max: REASON_MAX } } };
    return analysisPage(request, reply, a, { decision: { values, errors } }, 422);
  }
  decide(request.server.db, a.decided, a.user.id, decision, values.reason);
  setFlash(reply, 'collect.flash.decided');
  return reply.redirect(pageOf(a.ctx.step.id, a.proposal.id, '#decision'), 303);
}

export async function postProposalStatus(request: FastifyRequest<{ Params: AnalysisParams }>, reply: FastifyReply) {
  const a = loadDeciderProposal(request);
  const value = text(request.body, 'status');
  const statusId = value === '' ? null : parseId(value);
  if (value !== '' && statusId === null) throw new HttpError(400, 'forms.invalid_choice');
  // A status of another step is a value no form sends.
  if (!setStatus(request.server.db, a.decided, statusId, a.user.id)) throw new HttpError(400, 'forms.invalid_choice');
  setFlash(reply, 'collect.flash.status_set');
  return reply.redirect(pageOf(a.ctx.step.id, a.proposal.id, '#status'), 303);
}

export async function postAnalyst(request: FastifyRequest<{ Params: AnalysisParams }>, reply: FastifyReply) {
  const a = loadDeciderProposal(request);
  const values = { email: text(request.body, 'email') };
  const errors: FormErrors = {};
  const userId = accountByEmail(request.server.db, errors, 'email', values.email);
  if (userId === null) return analysisPage(request, reply, a, { analyst: { values, errors } }, 422);
  const p = a.proposal;
  const named = { stepId: a.ctx.step.id, proposalId: p.id, reference: p.reference, title: p.title, projectTitle: a.ctx.project.title, actorId: a.user.id };
  let mailed = false;
  const added = assignAnalyst(request.server.db, a.ctx.step.id, p.id, userId, (tx) => (mailed = mailNamedAnalyst(request.server, tx, userId, named)));
  setFlash(reply, !added ? 'collect.flash.analyst_already' : mailed ? 'collect.flash.analyst_added' : 'collect.flash.analyst_added_no_mail');
  return reply.redirect(pageOf(a.ctx.step.id, a.proposal.id, '#analysts'), 303);
}

export async function removeAnalyst(request: FastifyRequest<{ Params: AnalysisParams & { userId: string } }>, reply: FastifyReply) {
  const a = loadDeciderProposal(request);
  const userId = parseId(request.params.userId);
  if (userId === null) throw notFound();
  unassignAnalyst(request.server.db, a.proposal.id, userId);
  setFlash(reply, 'collect.flash.analyst_removed');
  return reply.redirect(pageOf(a.ctx.step.id, a.proposal.id, '#analysts'), 303);
}
