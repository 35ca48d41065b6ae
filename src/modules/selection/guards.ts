// The loaders of the selection step's routes: the step of the URL (through the platform's gate:
// of type 'selection', in a project this person may see, else 404), and a winner of it.
import type { FastifyRequest } from 'fastify';
import { loadVisibleStep, type StepContext } from '../../platform/gate.ts';
import { notFound } from '../../platform/http.ts';
import { parseId } from '../../platform/forms.ts';
import { findWinner } from './follow-up-queries.ts';

export type { StepContext };
export type StepParams = { stepId: string };
export type ProposalParams = { stepId: string; proposalId: string };
/** A milestone or news post of a winner's follow-up. */
export type ItemParams = ProposalParams & { itemId: string };

/** The selection step of the URL, visible to this person, or a 404. */
export const loadSelection = (request: FastifyRequest, rawId: unknown): StepContext => loadVisibleStep(request, rawId, 'selection');

/** The step of the URL and its winner (only winners of published results have a follow-up), or a 404. */
export function loadWinner(request: FastifyRequest<{ Params: ProposalParams }>) {
  const ctx = loadSelection(request, request.params.stepId);
  const proposalId = parseId(request.params.proposalId);
  const winner = proposalId === null ? undefined : findWinner(request.server.db, ctx.step.id, proposalId);
  if (!winner) throw notFound();
  return { ctx, winner, base: `/selection/${ctx.step.id}/proposals/${winner.proposal_id}/follow-up` };
}
