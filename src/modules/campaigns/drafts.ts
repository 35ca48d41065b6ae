// The campaigns' list and their drafts (administrators only, checked by the route list): a page
// of campaigns, the new and edit forms (subject, plain text, audience), saved while not sent.
import type { FastifyReply, FastifyRequest } from 'fastify';
import { render } from '../../platform/render.ts';
import { setFlash } from '../../platform/flash.ts';
import { hasErrors, type FormErrors } from '../../platform/forms.ts';
import { loadCampaign, type IdParams } from './guards.ts';
import { listProjectChoices, projectExists } from '../../platform/admin-form-lookups.ts';
import { findCampaign, listCampaigns } from './queries.ts';
import { insertDraft, updateDraft, AlreadySent } from './writes.ts';
import { alreadySentPage } from './sending.ts';
import { AUDIENCES, BODY_MAX, SUBJECT_MAX, emptyDraft, parsePage, readDraft, valuesOfDraft, type DraftValues } from './rules.ts';

function formPage(request: FastifyRequest, reply: FastifyReply, id: number | null, values: DraftValues, errors: FormErrors = {}, status = 200) {
  return render(
    request,
    reply,
    id ? 'campaigns/edit' : 'campaigns/new',
    { title: request.t(id ? 'campaigns.edit_title' : 'campaigns.new_title'), id, values, errors, audiences: AUDIENCES, projects: listProjectChoices(request.server.db), limits: { subject: SUBJECT_MAX, body: BODY_MAX } },
    { status },
  );
}

export async function adminCampaigns(request: FastifyRequest<{ Querystring: { page?: string } }>, reply: FastifyReply) {
  const page = parsePage(request.query.page);
  const { campaigns, hasNext } = listCampaigns(request.server.db, page);
  return render(request, reply, 'campaigns/index', { title: request.t('campaigns.admin.title'), campaigns, page, hasNext });
}

export async function newCampaign(request: FastifyRequest, reply: FastifyReply) {
  return formPage(request, reply, null, emptyDraft());
}

function readForm(request: FastifyRequest) {
  const db = request.server.db;
  const form = readDraft(request.body, (id) => projectExists(db, id));
  return { ...form, status: form.badInput ? 400 : 422 };
}

export async function createCampaign(request: FastifyRequest, reply: FastifyReply) {
  const { values, fields, errors, status } = readForm(request);
  if (hasErrors(errors)) return formPage(request, reply, null, values, errors, status);
  const id = insertDraft(request.server.db, fields, request.user!.id);
  setFlash(reply, 'campaigns.flash.created');
  return reply.redirect(`/admin/campaigns/${id}`, 303);
}

export async function editCampaign(request: FastifyRequest<IdParams>, reply: FastifyReply) {
  const campaign = loadCampaign(request);
  // A sent campaign is a record: it is read on its own page, never edited.
  if (campaign.sent_at) return reply.redirect(`/admin/campaigns/${campaign.id}`, 303);
  return formPage(request, reply, campaign.id, valuesOfDraft(campaign));
}

export async function saveCampaign(request: FastifyRequest<IdParams>, reply: FastifyReply) {
  const campaign = loadCampaign(request);
  if (campaign.sent_at) return alreadySentPage(request, reply, campaign);
  const { values, fields, errors, status } = readForm(request);
  if (hasErrors(errors)) return formPage(request, reply, campaign.id, values, errors, status);
  try {
    updateDraft(request.server.db, campaign.id, fields);
  } catch (err) {
    if (err instanceof AlreadySent) return alreadySentPage(request, reply, findCampaign(request.server.db, campaign.id) ?? campaign);
    throw err;
  }
  setFlash(reply, 'campaigns.flash.saved');
  return reply.redirect(`/admin/campaigns/${campaign.id}`, 303);
}
