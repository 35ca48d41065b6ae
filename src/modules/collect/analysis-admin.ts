// The step's decision makers (administrators, checked by the route list), at
// /collect/:stepId/admin/deciders: any account, picked by its e-mail address; they then see every
// proposal's analysis, name analysts, set statuses and decide.
import type { FastifyReply, FastifyRequest } from 'fastify';
import { render } from '../../platform/render.ts';
import { notFound } from '../../platform/http.ts';
import { setFlash } from '../../platform/flash.ts';
import { hasErrors, parseId, text, type FormErrors } from '../../platform/forms.ts';
import { loadCollect, type StepContext, type StepParams } from './guards.ts';
import { listDeciders } from './analysis-queries.ts';
import { addDecider, removeDecider } from './analysis-writes.ts';
import { accountByEmail } from './analysis-posts.ts';

function decidersPage(request: FastifyRequest, reply: FastifyReply, ctx: StepContext, form: { values: Record<string, string>; errors: FormErrors } = { values: {}, errors: {} }, status = 200) {
  return render(request, reply, 'collect/analysis-deciders', { title: request.t('collect.deciders.title'), ...ctx, deciders: listDeciders(request.server.db, ctx.step.id), form }, { status, cache: false });
}

export async function showDeciders(request: FastifyRequest<{ Params: StepParams }>, reply: FastifyReply) {
  return decidersPage(request, reply, loadCollect(request, request.params.stepId));
}

export async function postDecider(request: FastifyRequest<{ Params: StepParams }>, reply: FastifyReply) {
  const ctx = loadCollect(request, request.params.stepId);
  const values = { email: text(request.body, 'email') };
  const errors: FormErrors = {};
  const userId = accountByEmail(request.server.db, errors, 'email', values.email);
  if (userId === null || hasErrors(errors)) return decidersPage(request, reply, ctx, { values, errors }, 422);
  addDecider(request.server.db, ctx.step.id, userId);
  setFlash(reply, 'collect.flash.decider_added');
  return reply.redirect(`/collect/${ctx.step.id}/admin/deciders`, 303);
}

export async function deleteDecider(request: FastifyRequest<{ Params: StepParams & { userId: string } }>, reply: FastifyReply) {
  const ctx = loadCollect(request, request.params.stepId);
  const userId = parseId(request.params.userId);
  if (userId === null) throw notFound();
  removeDecider(request.server.db, ctx.step.id, userId);
  setFlash(reply, 'collect.flash.decider_removed');
  return reply.redirect(`/collect/${ctx.step.id}/admin/deciders`, 303);
}
