// The server-side checks every consultation route makes, in the order of the contract: the step
// exists and is a consultation (ids of sections and items are then looked up within it), the
// project is visible, and for a participating action the step is open and its requirements met.
// Exported for the other route files of this module (amendments, arguments, sources).
import type { FastifyRequest } from 'fastify';
import { HttpError } from '../../platform/http.ts';
import { loadVisibleStep, missingRequirements, type Missing, type Step, type StepContext } from '../../platform/participation.ts';

export type { StepContext };
import type { SessionUser } from '../../platform/sessions.ts';


/** Refused because the person lacks something the step requires; rendered with the list. */
export class MissingRequirementsError extends HttpError {
  constructor(
    public missing: Missing[],
    public step: Step,
  ) {
    super(403, 'consultation.errors.requirements');
  }
}

/** The consultation step of the URL, visible to this person, or a 404. */
export const loadStep = (request: FastifyRequest, rawId: unknown): StepContext => loadVisibleStep(request, rawId, 'consultation');

/** For a participating action: the step is open and the person meets its requirements. */
export function assertCanParticipate(request: FastifyRequest, ctx: StepContext): SessionUser {
  if (ctx.state !== 'open') throw new HttpError(403, 'consultation.errors.closed');
  const missing = missingRequirements(request.server.db, request.user, ctx.step);
  if (missing.length > 0 || !request.user) throw new MissingRequirementsError(missing.length ? missing : ['account'], ctx.step);
  return request.user;
}

/** Whether the forms and buttons of participation are shown (the server checks again). */
export function participation(request: FastifyRequest, ctx: StepContext): { canParticipate: boolean; missing: Missing[] } {
  if (ctx.state !== 'open') return { canParticipate: false, missing: [] };
  const missing = missingRequirements(request.server.db, request.user, ctx.step);
  return { canParticipate: missing.length === 0, missing };
}
