// Similar proposals while someone writes a title: htmx asks this with the typed title and swaps
// the answer under the field (a list only when some are found, so screen readers are not told at
// every key); without JavaScript the form's "check" button posts the whole
// form, which comes back with the same list (proposal-form.ts).
import type { FastifyReply, FastifyRequest } from 'fastify';
import { render } from '../../platform/render.ts';
import { text } from '../../platform/forms.ts';
import { loadCollect, type StepParams } from './guards.ts';
import { similarTo } from './proposal-form.ts';
import { TITLE_MAX } from './rules.ts';

export async function showSimilar(request: FastifyRequest<{ Params: StepParams; Querystring: { title?: string } }>, reply: FastifyReply) {
  const ctx = loadCollect(request, request.params.stepId);
  const title = text(request.query, 'title').slice(0, TITLE_MAX);
  return render(request, reply, 'collect/similar', { title: request.t('collect.similar.title'), ...ctx, stepId: ctx.step.id, typed: title, similar: similarTo(request, ctx.step.id, title), checked: !request.wantsFragment }, { fragment: 'collect/_similar', cache: false });
}
