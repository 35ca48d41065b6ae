// A campaign's own page and its sending (administrators only, checked by the route list): the
// email as it will read with the count of its recipients, a test to oneself, the send at a
// chosen pace, and the progress of a send (its figures also served alone for htmx polling).
import type { FastifyReply, FastifyRequest } from 'fastify';
import { render } from '../../platform/render.ts';
import { setFlash } from '../../platform/flash.ts';
import { hasErrors, type FormErrors } from '../../platform/forms.ts';
import { getSite } from '../../platform/site.ts';
import { campaignProgress, countRecipients, findCampaign, type Campaign } from './queries.ts';
import { sendCampaign, sendTest, listOf, AlreadySent, NoRecipients } from './writes.ts';
import { composeMail, expectedEnd, readPerMinute, PER_MINUTE_DEFAULT, PER_MINUTE_MAX } from './rules.ts';
import { loadCampaign, type IdParams } from './guards.ts';

/** The email in the reader's language, with a stand-in for each recipient's own link. */
function preview(request: FastifyRequest, campaign: Campaign) {
  const url = `${request.server.config.baseUrl}/unsubscribe/…/${listOf(campaign.audience)}`;
  return composeMail(request.t, { subject: campaign.subject, body: campaign.body, audience: campaign.audience, site: getSite(request.server.db).name, project: campaign.project_title, unsubscribeUrl: url });
}

function showPage(request: FastifyRequest, reply: FastifyReply, campaign: Campaign, errors: FormErrors = {}, perMinute = String(PER_MINUTE_DEFAULT), status = 200) {
  const count = campaign.sent_at ? campaign.recipients_count : countRecipients(request.server.db, campaign.audience, campaign.project_id);
  const pace = Number(perMinute) || PER_MINUTE_DEFAULT;
  return render(
    request,
    reply,
    'campaigns/show',
    {
      title: campaign.subject,
      campaign,
      mail: preview(request, campaign),
      from: request.server.config.mailFrom,
      count,
      // A project campaign whose project was deleted has no audience until it is edited.
      missingProject: campaign.audience === 'project' && campaign.project_id === null,
      errors,
      values: { per_minute: perMinute },
      perMinuteMax: PER_MINUTE_MAX,
      end: expectedEnd(new Date(), count, pace).toISOString(),
    },
    { status },
  );
}

/**
 * A campaign already sent, asked to change or to go again: its page, which says so, with 409
 * (the platform's error pages know no 409, and this page shows what was sent instead).
 */
export function alreadySentPage(request: FastifyRequest, reply: FastifyReply, campaign: Campaign) {
  return showPage(request, reply, { ...campaign, sent_at: campaign.sent_at ?? new Date().toISOString() }, { sent: { key: 'campaigns.errors.already_sent' } }, undefined, 409);
}

export async function showCampaign(request: FastifyRequest<IdParams>, reply: FastifyReply) {
  return showPage(request, reply, loadCampaign(request));
}

export async function testCampaign(request: FastifyRequest<IdParams>, reply: FastifyReply) {
  const campaign = loadCampaign(request);
  sendTest(request.server, campaign, request.user!);
  setFlash(reply, 'campaigns.flash.test_sent');
  return reply.redirect(`/admin/campaigns/${campaign.id}`, 303);
}

export async function sendNow(request: FastifyRequest<IdParams>, reply: FastifyReply) {
  const campaign = loadCampaign(request);
  if (campaign.sent_at) return alreadySentPage(request, reply, campaign);
  const { value, perMinute, errors } = readPerMinute(request.body);
  if (hasErrors(errors)) return showPage(request, reply, campaign, errors, value, 422);
  try {
    sendCampaign(request.server, campaign, request.user!.id, perMinute);
  } catch (err) {
    if (err instanceof AlreadySent) return alreadySentPage(request, reply, findCampaign(request.server.db, campaign.id) ?? campaign);
    if (err instanceof NoRecipients) return showPage(request, reply, campaign, { send: { key: 'campaigns.errors.no_recipients' } }, value, 422);
    throw err;
  }
  setFlash(reply, 'campaigns.flash.sending');
  return reply.redirect(`/admin/campaigns/${campaign.id}/progress`, 303);
}

export async function showProgress(request: FastifyRequest<IdParams>, reply: FastifyReply) {
  const campaign = loadCampaign(request);
  if (!campaign.sent_at) return reply.redirect(`/admin/campaigns/${campaign.id}`, 303);
  const progress = campaignProgress(request.server.db, campaign);
  const end = expectedEnd(new Date(campaign.sent_at), campaign.recipients_count, campaign.per_minute || PER_MINUTE_DEFAULT).toISOString();
  // Not cached: the figures move with every batch the outbox sends.
  return render(request, reply, 'campaigns/progress', { title: campaign.subject, campaign, progress, end }, { fragment: 'campaigns/_progress', cache: false });
}
