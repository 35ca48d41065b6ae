// Sources (title, web address, category) added to an opinion or amendment.
import type { FastifyReply, FastifyRequest } from 'fastify';
import { setFlash } from '../../platform/flash.ts';
import { assertCanParticipate } from '../../platform/gate.ts';
import { assertHuman, countLinks } from '../../platform/anti-spam.ts';
import { text, checkText, hasErrors, type FormErrors } from '../../platform/forms.ts';
import { loadStep, loadDebateTarget } from './guards.ts';
import { createSource, SOURCE_CATEGORIES, type SourceCategory } from './extras-queries.ts';
import { debateForm } from './arguments.ts';
import { TITLE_MAX, URL_MAX, isWebAddress } from './rules.ts';
import type { ItemParams } from './items.ts';
import { createdFlash } from './moderation.ts';

export async function postSource(request: FastifyRequest<{ Params: ItemParams }>, reply: FastifyReply) {
  const ctx = loadStep(request, request.params.stepId);
  const user = assertCanParticipate(request, ctx, 'contribute');
  const item = loadDebateTarget(request, ctx, request.params.itemId, 'allow_sources');
  assertHuman(request);
  const values = { title: text(request.body, 'title'), url: text(request.body, 'url'), category: text(request.body, 'category') };
  const errors: FormErrors = {};
  checkText(errors, 'title', values.title, { required: true, max: TITLE_MAX });
  // A source is one link: its title holds none.
  if (!errors.title && countLinks(values.title) > 0) errors.title = { key: 'consultation.source.title_link' };
  checkText(errors, 'url', values.url, { required: true, max: URL_MAX });
  if (!errors.url && !isWebAddress(values.url)) errors.url = { key: 'consultation.source.url_invalid' };
  if (!(SOURCE_CATEGORIES as readonly string[]).includes(values.category)) errors.category = { key: 'forms.invalid_choice' };
  if (hasErrors(errors)) return debateForm(request, reply, ctx, item, 'source', values, errors);
  const id = createSource(request.server.db, ctx.step, item.id, user.id, { title: values.title, url: values.url, category: values.category as SourceCategory });
  setFlash(reply, createdFlash(request.server.db, id, 'consultation.source.flash.created'));
  return reply.redirect(`/consultation/${ctx.step.id}/items/${item.id}#source-${id}`, 303);
}
