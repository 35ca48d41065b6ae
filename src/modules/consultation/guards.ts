// The loaders of the consultation's routes: what a URL points at, looked up within the step it
// names (a forged id from another step gives a 404), and what must hold for the request to go
// on. The step itself and the right to take part come from the platform's gate.
import type { FastifyRequest } from 'fastify';
import { HttpError, notFound } from '../../platform/http.ts';
import { parseId } from '../../platform/forms.ts';
import { assertCanParticipate, loadVisibleStep, participation, type StepContext } from '../../platform/gate.ts';
import type { Missing } from '../../platform/participation.ts';
import type { SessionUser } from '../../platform/sessions.ts';
import { findSection, type Section } from './queries.ts';
import { findItem, type Item } from './item-queries.ts';
import { findArgumentTarget, type ArgumentTarget } from './extras-queries.ts';

export type { StepContext };

/** The consultation step of the URL, visible to this person, or a 404. */
export const loadStep = (request: FastifyRequest, rawId: unknown): StepContext => loadVisibleStep(request, rawId, 'consultation');

/** A section of this step, or a 404. */
export function loadSection(request: FastifyRequest, ctx: StepContext, rawId: unknown): Section {
  const id = parseId(rawId);
  const section = id === null ? undefined : findSection(request.server.db, ctx.step.id, id);
  if (!section) throw notFound();
  return section;
}

/** An item of this step, whatever its status (see assertPublished), or a 404. */
export function loadItem(request: FastifyRequest, ctx: StepContext, rawId: unknown): Item {
  const id = parseId(rawId);
  const item = id === null ? undefined : findItem(request.server.db, ctx.step.id, id);
  if (!item) throw notFound();
  return item;
}

/** Hidden, pending or trashed items are not shown nor acted on. */
export function assertPublished(item: Item): void {
  if (item.status !== 'published' || item.published !== 1) throw notFound();
}

/** The item's author, while the step is open and they still meet what contributing asks. */
export function loadOwnItem(request: FastifyRequest, rawStepId: unknown, rawItemId: unknown): { ctx: StepContext; item: Item; user: SessionUser } {
  const ctx = loadStep(request, rawStepId);
  const item = loadItem(request, ctx, rawItemId);
  const user = assertCanParticipate(request, ctx, 'contribute');
  assertPublished(item);
  if (item.author_id !== user.id) throw new HttpError(403, 'consultation.errors.not_author');
  return { ctx, item, user };
}

/** A section of this step open to amendments, or a refusal. */
export function loadAmendableSection(request: FastifyRequest, ctx: StepContext, rawId: unknown): Section {
  const section = loadSection(request, ctx, rawId);
  if (!section.allow_amendments) throw new HttpError(403, 'consultation.amendment.refused.not_allowed');
  return section;
}

/** A published item of this step whose section allows arguments or sources, or a refusal. */
export function loadDebateTarget(request: FastifyRequest, ctx: StepContext, rawId: unknown, flag: 'allow_arguments' | 'allow_sources'): Item {
  const item = loadItem(request, ctx, rawId);
  assertPublished(item);
  if (!item[flag]) throw new HttpError(403, flag === 'allow_arguments' ? 'consultation.argument.refused.not_allowed' : 'consultation.source.refused.not_allowed');
  return item;
}

/** A published argument of this step on a published item, or a 404. */
export function loadArgument(request: FastifyRequest, ctx: StepContext, rawId: unknown): ArgumentTarget {
  const id = parseId(rawId);
  const arg = id === null ? undefined : findArgumentTarget(request.server.db, ctx.step.id, id);
  if (!arg || arg.status !== 'published' || arg.item_published !== 1 || arg.item_status !== 'published') throw notFound();
  return arg;
}

/** What a page offers this person: the forms of each action, and what they still lack for either. */
export function participationOf(request: FastifyRequest, ctx: StepContext): { canContribute: boolean; canVote: boolean; missing: Missing[] } {
  const { can, missing } = participation(request, ctx, ['contribute', 'vote']);
  return { canContribute: can.contribute, canVote: can.vote, missing };
}
