// Drafts: a proposal saved before it is ready, seen and changed by its author only (anyone else
// gets a 404), submitted from its own page (it then becomes a proposal with a reference number)
// or deleted.
import type { FastifyReply, FastifyRequest } from 'fastify';
import { setFlash } from '../../platform/flash.ts';
import { assertCanParticipate } from '../../platform/gate.ts';
import { requireUser } from '../../platform/http.ts';
import { loadCollect, loadOwnDraft, offerOf, type DraftParams } from './guards.ts';
import { handleForm, renderForm } from './proposal-form.ts';
import { deleteDraft } from './writes.ts';

export async function showDraft(request: FastifyRequest<{ Params: DraftParams }>, reply: FastifyReply) {
  const ctx = loadCollect(request, request.params.stepId);
  const user = requireUser(request, reply);
  if (!user) return reply;
  const draft = loadOwnDraft(request, ctx, user, request.params.draftId);
  return renderForm(request, reply, ctx, offerOf(request, ctx), { kind: 'draft', draftId: draft.id }, { values: draft.fields, errors: {} });
}

export async function postDraft(request: FastifyRequest<{ Params: DraftParams }>, reply: FastifyReply) {
  const ctx = loadCollect(request, request.params.stepId);
  const user = assertCanParticipate(request, ctx, 'contribute');
  const draft = loadOwnDraft(request, ctx, user, request.params.draftId);
  return handleForm(request, reply, ctx, user, { kind: 'draft', draftId: draft.id });
}

export async function removeDraft(request: FastifyRequest<{ Params: DraftParams }>, reply: FastifyReply) {
  const ctx = loadCollect(request, request.params.stepId);
  const user = assertCanParticipate(request, ctx, 'contribute');
  const draft = loadOwnDraft(request, ctx, user, request.params.draftId);
  deleteDraft(request.server.db, draft.id, user.id);
  setFlash(reply, 'collect.flash.draft_deleted');
  return reply.redirect(`/collect/${ctx.step.id}`, 303);
}
