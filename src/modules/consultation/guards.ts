// The server-side checks every consultation route makes, in the order of the contract: the step
// exists and is a consultation (ids of sections and items are then looked up within it), the
// project is visible, and for a participating action the step is open and its requirements met.
// Exported for the other route files of this module (amendments, arguments, sources).
import type { FastifyRequest } from 'fastify';
import { HttpError, notFound } from '../../platform/http.ts';
import { canSeeProject, missingRequirements, stepState, type Missing, type Project, type Step, type StepState } from '../../platform/participation.ts';
import { findConsultationStep } from './queries.ts';
import { parseId } from './rules.ts';
import type { SessionUser } from '../../platform/sessions.ts';

export interface StepContext {
  step: Step;
  project: Project;
  state: StepState;
}

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
export function loadStep(request: FastifyRequest, rawId: unknown): StepContext {
  const id = parseId(rawId);
  const found = id === null ? null : findConsultationStep(request.server.db, id);
  if (!found || !canSeeProject(request.server.db, request.user, found.project)) throw notFound();
  return { ...found, state: stepState(found.step) };
}

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
