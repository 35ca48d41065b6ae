// The loaders of the analysis routes: the collect step of the URL (through the gate: a 404 for
// what this person may not see), the person's role on its analysis (deny unless allowed: 401
// without an account, 403 without a role) and a proposal of that step (else 404) they may read.
import type { FastifyRequest } from 'fastify';
import { HttpError, forbidden, notFound } from '../../platform/http.ts';
import { parseId } from '../../platform/forms.ts';
import type { SessionUser } from '../../platform/sessions.ts';
import type { DecidedContribution } from '../../platform/notifications.ts';
import { loadCollect, type StepContext } from './guards.ts';
import { findProposal, type Proposal } from './queries.ts';
import { findRole, isAssigned } from './analysis-queries.ts';
import { mayOpenAnalysis, mayReadProposalAnalysis, type AnalysisRole } from './analysis-rules.ts';

export type AnalysisParams = { stepId: string; proposalId: string };

export interface AnalysisContext {
  ctx: StepContext;
  user: SessionUser;
  role: AnalysisRole;
}

/** The step's analysis, for a decision maker (or administrator) or an analyst of the step. */
export function loadAnalysis(request: FastifyRequest, rawStepId: unknown): AnalysisContext {
  const ctx = loadCollect(request, rawStepId);
  const user = request.user;
  if (!user) throw new HttpError(401, 'errors.401.text');
  const role = findRole(request.server.db, user, ctx.step.id);
  if (!mayOpenAnalysis(role)) throw forbidden();
  return { ctx, user, role };
}

export interface ProposalAnalysisContext extends AnalysisContext {
  proposal: Proposal;
  /** This person is one of the proposal's analysts. */
  assigned: boolean;
  decided: DecidedContribution;
}

/** One proposal of the step (not trashed), for its deciders and its own analysts. */
export function loadProposalAnalysis(request: FastifyRequest<{ Params: AnalysisParams }>): ProposalAnalysisContext {
  const a = loadAnalysis(request, request.params.stepId);
  const id = parseId(request.params.proposalId);
  const proposal = id === null ? undefined : findProposal(request.server.db, a.ctx.step.id, id);
  if (!proposal || proposal.status === 'trashed') throw notFound();
  const assigned = isAssigned(request.server.db, proposal.id, a.user.id);
  if (!mayReadProposalAnalysis(a.role, assigned)) throw forbidden();
  return { ...a, proposal, assigned, decided: { id: proposal.id, authorId: proposal.author_id, step: a.ctx.step } };
}

/** For the decision makers' writes (status, decision, analysts). */
export function loadDeciderProposal(request: FastifyRequest<{ Params: AnalysisParams }>): ProposalAnalysisContext {
  const a = loadProposalAnalysis(request);
  if (!a.role.decides) throw forbidden();
  return a;
}
