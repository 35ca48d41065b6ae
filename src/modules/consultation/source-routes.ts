// Sources (title, web address, category) added to an opinion or amendment.
import type { FastifyPluginAsync } from 'fastify';
import { setFlash } from '../../platform/flash.ts';
import { text, checkText, hasErrors, type FormErrors } from '../../platform/forms.ts';
import { assertCanParticipate, loadStep } from './guards.ts';
import { TITLE_MAX } from './rules.ts';
import { createSource, SOURCE_CATEGORIES, type SourceCategory } from './extras-queries.ts';
import { debateForm, debateTarget } from './argument-routes.ts';
import { participationLimits } from '../../platform/rate-limits.ts';

export const URL_MAX = 2000;

/** Only complete http(s) addresses: no javascript:, data:, relative or protocol-relative links. */
export function isWebAddress(value: string): boolean {
  if (!/^https?:\/\/[^\s]+$/i.test(value)) return false;
  try {
    const url = new URL(value);
    return (url.protocol === 'http:' || url.protocol === 'https:') && url.hostname !== '';
  } catch {
    return false;
  }
}

export const sourceRoutes: FastifyPluginAsync = async (app) => {
  app.post<{ Params: { stepId: string; itemId: string } }>('/:stepId/items/:itemId/sources', { config: participationLimits.contribute }, async (request, reply) => {
    const ctx = loadStep(request, request.params.stepId);
    const user = assertCanParticipate(request, ctx);
    const item = debateTarget(request, ctx, request.params.itemId, 'allow_sources', 'consultation.source.refused.not_allowed');
    const values = { title: text(request.body, 'title'), url: text(request.body, 'url'), category: text(request.body, 'category') };
    const errors: FormErrors = {};
    checkText(errors, 'title', values.title, { required: true, max: TITLE_MAX });
    checkText(errors, 'url', values.url, { required: true, max: URL_MAX });
    if (!errors.url && !isWebAddress(values.url)) errors.url = { key: 'consultation.source.url_invalid' };
    if (!(SOURCE_CATEGORIES as readonly string[]).includes(values.category)) errors.category = { key: 'forms.invalid_choice' };
    if (hasErrors(errors)) return debateForm(request, reply, ctx, item, 'source', values, errors);
    const id = createSource(app.db, ctx.step, item.id, user.id, { title: values.title, url: values.url, category: values.category as SourceCategory });
    setFlash(reply, 'consultation.source.flash.created');
    return reply.redirect(`/consultation/${ctx.step.id}/items/${item.id}#source-${id}`, 303);
  });
};
