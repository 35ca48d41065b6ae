// The proposal form, new, as a draft or for an edit: what it shows (the step's fields,
// categories, districts, questions, help texts, similar proposals), and what a post of it does
// (submit, save as a draft, or look for similar proposals without JavaScript), with the 422
// answer keeping the values and errors beside the fields.
import type { FastifyReply, FastifyRequest } from 'fastify';
import { render } from '../../platform/render.ts';
import { HttpError } from '../../platform/http.ts';
import { setFlash } from '../../platform/flash.ts';
import { assertHuman, checkLinks } from '../../platform/anti-spam.ts';
import { hasErrors, text, type FormErrors } from '../../platform/forms.ts';
import type { SessionUser } from '../../platform/sessions.ts';
import type { FormValues } from '../../platform/questions/types.ts';
import { offerOf, type FormOffer, type StepContext } from './guards.ts';
import { formValues, parseProposal } from './proposal-input.ts';
import { listSimilar } from './queries.ts';
import { createProposal, saveDraft, updateProposal } from './writes.ts';
import { findProposalMedia, type ProposalMedia } from './media-queries.ts';
import { hasNewFiles, readMedia, storeMedia } from './media-input.ts';
import { sweepRemovedFiles } from './media-files.ts';
import { checkInsideDistrict } from './map-district.ts';
import { mapOf, pickerCentre } from './map.ts';
import { ADDRESS_MAX, BODY_MAX, SUMMARY_MAX, TITLE_MAX, matchAny } from './rules.ts';

export type FormKind = { kind: 'new' } | { kind: 'draft'; draftId: number } | { kind: 'edit'; proposalId: number; reference: number };

interface FormState {
  values: FormValues;
  errors: FormErrors;
  similar?: { id: number; reference: number; title: string }[] | null;
  /** The proposal's files (an edit), and whether files just sent were not kept (a 422). */
  media?: ProposalMedia | null;
  filesLost?: boolean;
}

const actionOf = (stepId: number, f: FormKind) =>
  f.kind === 'new' ? `/collect/${stepId}/proposals` : f.kind === 'draft' ? `/collect/${stepId}/drafts/${f.draftId}` : `/collect/${stepId}/proposals/${f.proposalId}/edit`;

/** Similar published proposals for a title (none for a title of short words only). */
export function similarTo(request: FastifyRequest, stepId: number, title: string, exclude = 0) {
  const match = matchAny(title);
  return match ? listSimilar(request.server.db, stepId, match).filter((s) => s.id !== exclude) : [];
}

export function renderForm(request: FastifyRequest, reply: FastifyReply, ctx: StepContext, offer: FormOffer, f: FormKind, state: FormState, status = 200) {
  const title = f.kind === 'edit' ? request.t('collect.edit.title', { reference: f.reference }) : request.t(f.kind === 'draft' ? 'collect.draft.title' : 'collect.new.title');
  return render(
    request,
    reply,
    'collect/new',
    {
      title,
      ...ctx,
      formKind: f,
      action: actionOf(ctx.step.id, f),
      offer,
      grades: [],
      ...state,
      similar: state.similar ?? null,
      media: state.media ?? null,
      map: mapOf(request),
      mapCentre: offer.form.fields.address.mode === 'off' ? '' : pickerCentre(request.server.db, offer.districtIds),
      filesLost: state.filesLost ?? false,
      multipart: offer.form.fields.image.mode !== 'off' || offer.form.fields.attachments.mode !== 'off',
      limits: { title: TITLE_MAX, summary: SUMMARY_MAX, body: BODY_MAX, address: ADDRESS_MAX },
    },
    { status },
  );
}

/** A post of the form: `intent` says submit, draft (not for an edit) or check (similar proposals). */
export async function handleForm(request: FastifyRequest, reply: FastifyReply, ctx: StepContext, user: SessionUser, f: FormKind) {
  assertHuman(request);
  const offer = offerOf(request, ctx);
  const values = formValues(request.body, offer.questions);
  const intent = text(request.body, 'intent') || 'submit';
  if (!['submit', 'draft', 'check'].includes(intent) || (intent === 'draft' && f.kind === 'edit')) throw new HttpError(400, 'collect.proposal.errors.intent');
  const exclude = f.kind === 'edit' ? f.proposalId : 0;
  if (intent === 'check') return renderForm(request, reply, ctx, offer, f, { values, errors: {}, similar: similarTo(request, ctx.step.id, text(values, 'title'), exclude) });
  const parsed = parseProposal(values, offer, intent === 'draft');
  if (parsed.forged) throw new HttpError(400, 'forms.invalid_choice');
  checkLinks(request, parsed.errors, 'body', parsed.input.body);
  checkLinks(request, parsed.errors, 'summary', parsed.input.summary);
  const db = request.server.db;
  // Files and place are read at submission only: a draft keeps text (the form says so).
  const existing = f.kind === 'edit' ? findProposalMedia(db, f.proposalId) : undefined;
  const media = intent === 'submit' ? await readMedia(request, offer.form, values, parsed.errors, existing) : null;
  if (intent === 'submit') checkInsideDistrict(db, offer.form, parsed.input, parsed.errors);
  if (hasErrors(parsed.errors)) return renderForm(request, reply, ctx, offer, f, { values, errors: parsed.errors, media: existing, filesLost: hasNewFiles(request) }, 422);
  const base = `/collect/${ctx.step.id}`;
  if (intent === 'draft') {
    const id = saveDraft(db, ctx.step.id, user.id, f.kind === 'draft' ? f.draftId : null, parsed.input.title, values);
    setFlash(reply, 'collect.flash.draft_saved');
    return reply.redirect(`${base}/drafts/${id}`, 303);
  }
  const dataDir = request.server.config.dataDir;
  const files = media ? await storeMedia(dataDir, media) : null;
  let created: ReturnType<typeof createProposal> | null = null;
  try {
    if (f.kind === 'edit') updateProposal(db, f.proposalId, parsed.input, undefined, files ? { change: files.change, authorId: user.id } : undefined);
    else created = createProposal(db, ctx.step, user.id, parsed.input, { draftId: f.kind === 'draft' ? f.draftId : undefined, media: files?.change });
  } catch (err) {
    await files?.discard();
    throw err;
  }
  await sweepRemovedFiles(db, dataDir); // a replaced image or removed attachment
  if (f.kind === 'edit' || !created) {
    setFlash(reply, 'collect.flash.updated');
    return reply.redirect(`${base}/proposals/${exclude}`, 303);
  }
  setFlash(reply, created.status === 'pending' ? 'collect.flash.pending' : 'collect.flash.created');
  return reply.redirect(`${base}/proposals/${created.id}`, 303);
}
