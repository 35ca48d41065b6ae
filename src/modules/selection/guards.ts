// The loaders of the selection step's routes: the step of the URL (through the platform's gate:
// of type 'selection', in a project this person may see, else 404).
import type { FastifyRequest } from 'fastify';
import { loadVisibleStep, type StepContext } from '../../platform/gate.ts';

export type { StepContext };
export type StepParams = { stepId: string };
export type ProposalParams = { stepId: string; proposalId: string };

/** The selection step of the URL, visible to this person, or a 404. */
export const loadSelection = (request: FastifyRequest, rawId: unknown): StepContext => loadVisibleStep(request, rawId, 'selection');
