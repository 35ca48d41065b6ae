// Proposals: the form to submit one (gate action 'contribute'), its own page (the permalink:
// reference number, fields, public answers to the custom questions, comments, follow, report),
// and its author's edit and deletion while the step is open, unless the administrator forbids them.
import type { FastifyReply, FastifyRequest } from 'fastify';
import { render } from '../../platform/render.ts';
import { setFlash } from '../../platform/flash.ts';
import { assertCanParticipate } from '../../platform/gate.ts';
import { answerText } from '../../platform/questions/format.ts';
import { answerValues } from '../../platform/questions/answers.ts';
import type { FormValues } from '../../platform/questions/types.ts';
import { listQuestions } from './queries.ts';
import { listOwnDrafts } from './draft-queries.ts';
import { loadCollect, loadOwnProposal, loadProposalPage, offerOf, participationOf, type ProposalParams, type StepParams } from './guards.ts';
import { handleForm, renderForm } from './proposal-form.ts';
import { trashProposal } from './writes.ts';
import { officialAnswerOf } from './analysis-queries.ts';
import { stepSettings } from './rules.ts';
import { findProposalMedia } from './media-queries.ts';
import { mapOf } from './map.ts';

export async function newProposal(request: FastifyRequest<{ Params: StepParams }>, reply: FastifyReply) {
  const ctx = loadCollect(request, request.params.stepId);
  assertCanParticipate(request, ctx, 'contribute');
  return renderForm(request, reply, ctx, offerOf(request, ctx), { kind: 'new' }, { values: {}, errors: {} });
}

export async function postProposal(request: FastifyRequest<{ Params: StepParams }>, reply: FastifyReply) {
  const ctx = loadCollect(request, request.params.stepId);
  const user = assertCanParticipate(request, ctx, 'contribute');
  return handleForm(request, reply, ctx, user, { kind: 'new' });
}

export async function showProposal(request: FastifyRequest<{ Params: ProposalParams }>, reply: FastifyReply) {
  const db = request.server.db;
  const ctx = loadCollect(request, request.params.stepId);
  const { proposal, visibility } = loadProposalPage(request, ctx, request.params.proposalId);
  const answer = officialAnswerOf(db, proposal.id);
  // A merged proposal is read where it was merged into: no comments, follows or changes here.
  const published = proposal.status === 'published' && !answer.mergedInto;
  const textShown = visibility === 'show';
  const own = request.user?.id === proposal.author_id;
  const official = request.user?.role === 'admin' || request.user?.role === 'moderator';
  // Private questions' answers are for the author and officials only.
  const answers = textShown
    ? listQuestions(db, ctx.step.id).flatMap((q) => (q.type === 'section' || (q.private && !own && !official) || proposal.answers[q.id] === undefined ? [] : [{ q, text: answerText(q, proposal.answers[q.id], request.t) }]))
    : [];
  const p = participationOf(request, ctx);
  const s = stepSettings(ctx.step);
  const mayChange = published && own && p.canContribute;
  return render(request, reply, 'collect/show', {
    title: textShown ? proposal.title : request.t('collect.proposal.reference', { reference: proposal.reference }),
    ...ctx,
    ...p,
    proposal,
    answers,
    published,
    textShown,
    canEdit: mayChange && s.allowEdit,
    canDelete: mayChange && s.allowDelete,
    commentsOn: s.comments && published,
    media: textShown ? findProposalMedia(db, proposal.id) : null,
    map: mapOf(request),
    official: answer,
  });
}

export async function editProposalForm(request: FastifyRequest<{ Params: ProposalParams }>, reply: FastifyReply) {
  const { ctx, proposal } = loadOwnProposal(request, 'edit');
  const offer = offerOf(request, ctx);
  const values: FormValues = {
    title: proposal.title,
    summary: proposal.summary,
    body: proposal.body_md,
    category: proposal.category_id ? String(proposal.category_id) : '',
    district: proposal.district_id ? String(proposal.district_id) : '',
    address: proposal.address,
    cost: proposal.cost === null ? '' : String(proposal.cost),
  };
  for (const q of offer.questions) Object.assign(values, answerValues(q, proposal.answers[q.id]));
  const media = findProposalMedia(request.server.db, proposal.id);
  Object.assign(values, { lat: media.lat === null ? '' : String(media.lat), lng: media.lng === null ? '' : String(media.lng), image_alt: media.image?.alt ?? '' });
  return renderForm(request, reply, ctx, offer, { kind: 'edit', proposalId: proposal.id, reference: proposal.reference }, { values, errors: {}, media });
}

export async function saveProposal(request: FastifyRequest<{ Params: ProposalParams }>, reply: FastifyReply) {
  const { ctx, user, proposal } = loadOwnProposal(request, 'edit');
  return handleForm(request, reply, ctx, user, { kind: 'edit', proposalId: proposal.id, reference: proposal.reference });
}

export async function deleteProposal(request: FastifyRequest<{ Params: ProposalParams }>, reply: FastifyReply) {
  const { ctx, user, proposal } = loadOwnProposal(request, 'delete');
  trashProposal(request.server.db, ctx.step, proposal.id, user.id);
  setFlash(reply, 'collect.flash.deleted');
  return reply.redirect(`/collect/${ctx.step.id}`, 303);
}

/** The person's drafts on the step (the list page shows them to their author only). */
export function ownDrafts(request: FastifyRequest, stepId: number) {
  return request.user ? listOwnDrafts(request.server.db, stepId, request.user.id) : [];
}
