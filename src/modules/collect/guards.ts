// The loaders of the collect step's routes: the step of the URL (through the platform's gate: of
// type 'collect', in a project this person may see, else 404), a proposal or a draft looked up
// within it (a forged id from another step gives a 404), and what the proposal form offers.
import type { FastifyRequest } from 'fastify';
import { HttpError, notFound } from '../../platform/http.ts';
import { parseId } from '../../platform/forms.ts';
import { assertCanParticipate, loadVisibleStep, participation, type StepContext } from '../../platform/gate.ts';
import type { Missing } from '../../platform/participation.ts';
import type { SessionUser } from '../../platform/sessions.ts';
import { visibilityOf } from '../../platform/contributions.ts';
import { findCollect, findProposal, listCategories, listDistricts, listQuestions, type Label } from './queries.ts';
import { findDraft } from './draft-queries.ts';
import { stepSettings } from './rules.ts';
import type { Offer } from './proposal-input.ts';

export type { StepContext };
export type StepParams = { stepId: string };
export type ProposalParams = { stepId: string; proposalId: string };
export type DraftParams = { stepId: string; draftId: string };

/** The collect step of the URL, visible to this person, or a 404. */
export const loadCollect = (request: FastifyRequest, rawId: unknown): StepContext => loadVisibleStep(request, rawId, 'collect');

/** Whether this person may submit proposals, and what they still lack. */
export function participationOf(request: FastifyRequest, ctx: StepContext): { canContribute: boolean; missing: Missing[] } {
  const { can, missing } = participation(request, ctx, ['contribute']);
  return { canContribute: can.contribute, missing };
}

export interface FormOffer extends Offer {
  categories: Label[];
  districts: { id: number; name: string }[];
}

/** What the proposal form shows on this step: its fields, categories, districts and questions. */
export function offerOf(request: FastifyRequest, ctx: StepContext): FormOffer {
  const db = request.server.db;
  const categories = listCategories(db, ctx.step.id);
  const districts = listDistricts(db, ctx.project.id);
  return { form: findCollect(db, ctx.step.id).form, categories, districts, categoryIds: categories.map((c) => c.id), districtIds: districts.map((d) => d.id), questions: listQuestions(db, ctx.step.id) };
}

function findIn(request: FastifyRequest, ctx: StepContext, rawId: unknown) {
  const id = parseId(rawId);
  return id === null ? undefined : findProposal(request.server.db, ctx.step.id, id);
}

/**
 * A proposal's own page, whatever moderation did (platform visibilityOf): 'show' or the
 * public's 'hidden' (the reason, no text); a 404 for what does not exist for this person.
 */
export function loadProposalPage(request: FastifyRequest, ctx: StepContext, rawId: unknown) {
  const proposal = findIn(request, ctx, rawId);
  const visibility = proposal ? visibilityOf(proposal, request.user) : 'none';
  if (!proposal || visibility === 'none') throw notFound();
  return { proposal, visibility };
}

/**
 * For the author's edit or deletion: the step is open and they may contribute, the proposal is
 * theirs, published and not merged into another (else 404 / 403), and the step's settings allow `what`.
 */
export function loadOwnProposal(request: FastifyRequest<{ Params: ProposalParams }>, what: 'edit' | 'delete') {
  const ctx = loadCollect(request, request.params.stepId);
  const user = assertCanParticipate(request, ctx, 'contribute');
  const proposal = findIn(request, ctx, request.params.proposalId);
  if (!proposal || proposal.status !== 'published') throw notFound();
  if (proposal.author_id !== user.id) throw new HttpError(403, 'collect.proposal.refused.not_author');
  // Merged into another: what it said now lives there.
  if (proposal.merged_into !== null) throw new HttpError(403, 'collect.proposal.refused.merged');
  const s = stepSettings(ctx.step);
  if (what === 'edit' ? !s.allowEdit : !s.allowDelete) throw new HttpError(403, `collect.proposal.refused.no_${what}`);
  return { ctx, user, proposal };
}

/** A draft is its author's alone: anyone else gets a 404, as if it did not exist. */
export function loadOwnDraft(request: FastifyRequest, ctx: StepContext, user: SessionUser, rawId: unknown) {
  const id = parseId(rawId);
  const draft = id === null ? undefined : findDraft(request.server.db, ctx.step.id, id);
  if (!draft || draft.author_id !== user.id) throw notFound();
  return draft;
}
