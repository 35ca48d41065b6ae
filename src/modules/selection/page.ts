// The selection step's page: its presentation, then (as the module grows) the proposals in the
// vote, with what is left of the person's ballot.
import type { FastifyReply, FastifyRequest } from 'fastify';
import { render } from '../../platform/render.ts';
import { loadSelection, type StepParams } from './guards.ts';

export async function showSelection(request: FastifyRequest<{ Params: StepParams }>, reply: FastifyReply) {
  const ctx = loadSelection(request, request.params.stepId);
  return render(request, reply, 'selection/index', { title: ctx.step.title, ...ctx });
}
