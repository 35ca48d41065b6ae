// The participation gate, the same for every participatory module: the step named in the URL,
// of the module's type, whose project this person may see (else 404, so a hidden project is not
// revealed); for a participating action, the step is open and the person meets what it asks
// for that action (else 403, or the refused page that lets them complete it in place). The
// platform's error handler renders that page (errors.ts).
import type { FastifyRequest } from 'fastify';
import { readSync } from '../db/write.ts';
import { compiledQuery } from '../db/compiled.ts';
import { HttpError, notFound } from './http.ts';
import { parseId } from './forms.ts';
import type { SessionUser } from './sessions.ts';
import { canSeeProject, missingRequirements, stepRequirements, stepState, type Missing, type Project, type Step, type StepState } from './participation.ts';

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
    super(403, 'participation.refused.text');
  }
}

// Every step page and participating action reads these two rows: compiled once (db/compiled.ts).
const stepQuery = compiledQuery<{ id: number; type: string | undefined }, Step>((db, p, shape) =>
  db.selectFrom('steps').selectAll().where('id', '=', p.id).$if(shape === 'typed', (q) => q.where('type', '=', p.type!)),
);
const projectQuery = compiledQuery<{ id: number }, Project>((db, p) => db.selectFrom('projects').selectAll().where('id', '=', p.id));

/**
 * The step named in a URL (of this type, when given) whose project this person may see, with
 * its state; else a 404. Every step page and every participating action starts here.
 */
export function loadVisibleStep(request: FastifyRequest, rawId: unknown, type?: string): StepContext {
  const db = request.server.db;
  const id = parseId(rawId);
  const step = id === null ? undefined : readSync(db).first(stepQuery(db, type === undefined ? 'any' : 'typed', { id, type }));
  const project = step && readSync(db).first(projectQuery(db, '', { id: step.project_id }));
  if (!step || !project || !canSeeProject(db, request.user, project)) throw notFound();
  return { step, project, state: stepState(step) };
}

/** For a participating `action`: the step is open and the person meets its requirements. */
export function assertCanParticipate(request: FastifyRequest, ctx: StepContext, action: string): SessionUser {
  if (ctx.state !== 'open') throw new HttpError(403, 'participation.closed');
  const missing = missingRequirements(request.server.db, request.user, ctx.step, action);
  if (missing.length > 0 || !request.user) throw new MissingRequirementsError(missing.length ? missing : ['account'], ctx.step);
  return request.user;
}

/** The one call of a handler that needs nothing else looked up first. */
export function openStep(request: FastifyRequest, rawStepId: unknown, type: string, action: string): StepContext & { user: SessionUser } {
  const ctx = loadVisibleStep(request, rawStepId, type);
  return { ...ctx, user: assertCanParticipate(request, ctx, action) };
}

/**
 * Which of these actions a page offers forms for (the server checks again on the post), and
 * what the person still lacks for any of them; the person's standing is read once.
 */
export function participation<A extends string>(request: FastifyRequest, ctx: StepContext, actions: readonly A[]): { can: Record<A, boolean>; missing: Missing[] } {
  const can = Object.fromEntries(actions.map((a) => [a, false])) as Record<A, boolean>;
  if (ctx.state !== 'open') return { can, missing: [] };
  const missing = missingRequirements(request.server.db, request.user, ctx.step);
  const asked = actions.map((a) => new Set<Missing>(['account', 'confirmed_email', ...stepRequirements(ctx.step, a)]));
  actions.forEach((a, i) => (can[a] = !missing.some((m) => asked[i]!.has(m))));
  return { can, missing: missing.filter((m) => asked.some((set) => set.has(m))) };
}
