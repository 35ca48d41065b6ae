// The loaders of the debate's routes: the step of the URL (through the platform's gate: of type
// 'debate', in a project this person may see, else 404) and an argument looked up within it (a
// forged id from another step, or an argument not published, gives a 404).
import type { FastifyRequest } from 'fastify';
import { notFound } from '../../platform/http.ts';
import { parseId } from '../../platform/forms.ts';
import { loadVisibleStep, participation, type StepContext } from '../../platform/gate.ts';
import type { Missing } from '../../platform/participation.ts';
import { visibilityOf } from '../../platform/contributions.ts';
import { findArgument } from './queries.ts';

export type { StepContext };
export type StepParams = { stepId: string };
export type ArgumentParams = { stepId: string; argumentId: string };

/** The debate step of the URL, visible to this person, or a 404. */
export const loadDebate = (request: FastifyRequest, rawId: unknown): StepContext => loadVisibleStep(request, rawId, 'debate');

/** A published argument of this step, with the reader's mark, or a 404. */
export function loadArgument(request: FastifyRequest, ctx: StepContext, rawId: unknown) {
  const argument = findArgumentIn(request, ctx, rawId);
  if (!argument || argument.status !== 'published') throw notFound();
  return argument;
}

function findArgumentIn(request: FastifyRequest, ctx: StepContext, rawId: unknown) {
  const id = parseId(rawId);
  return id === null ? undefined : findArgument(request.server.db, ctx.step.id, id, request.user?.id ?? 0);
}

/**
 * The argument's own page, whatever moderation did (platform visibilityOf): published, or its
 * author's pending or hidden one ('show', marked so); the public's "hidden by moderation" with
 * the reason ('hidden', no text); a 404 for what does not exist for this person.
 */
export function loadArgumentPage(request: FastifyRequest, ctx: StepContext, rawId: unknown) {
  const argument = findArgumentIn(request, ctx, rawId);
  const visibility = argument ? visibilityOf(argument, request.user) : 'none';
  if (!argument || visibility === 'none') throw notFound();
  return { argument, visibility };
}

/** Which forms a page offers this person, and what they still lack for either action. */
export function participationOf(request: FastifyRequest, ctx: StepContext): { canContribute: boolean; canVote: boolean; missing: Missing[] } {
  const { can, missing } = participation(request, ctx, ['contribute', 'vote']);
  return { canContribute: can.contribute, canVote: can.vote, missing };
}
