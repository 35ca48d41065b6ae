// The step's statuses (administrators, checked by the route list), at
// /collect/:stepId/admin/statuses: a name and a colour each (the categories' contrast check), in
// the administrator's order; a deleted status leaves its proposals without one. Decision makers
// set them on proposals from the analysis page (analysis-posts.ts).
import type { FastifyReply, FastifyRequest } from 'fastify';
import { render } from '../../platform/render.ts';
import { HttpError, notFound } from '../../platform/http.ts';
import { setFlash } from '../../platform/flash.ts';
import { parseId, text, hasErrors, type FormErrors } from '../../platform/forms.ts';
import { loadCollect, type StepContext, type StepParams } from './guards.ts';
import { listStatuses } from './queries.ts';
import { NAME_MAX } from './rules.ts';
import { readLabel } from './admin.ts';
import { createLabel, deleteLabel, moveLabel, updateLabel } from './admin-writes.ts';

type Values = { name: string; colour: string };
type StatusParams = StepParams & { statusId: string };

function statusesPage(request: FastifyRequest, reply: FastifyReply, ctx: StepContext, form: { values: Values; errors: FormErrors } = { values: { name: '', colour: '#166534' }, errors: {} }, status = 200) {
  return render(request, reply, 'collect/statuses', { title: request.t('collect.statuses.title'), ...ctx, statuses: listStatuses(request.server.db, ctx.step.id), form, limits: { name: NAME_MAX } }, { status, cache: false });
}

export async function showStatuses(request: FastifyRequest<{ Params: StepParams }>, reply: FastifyReply) {
  return statusesPage(request, reply, loadCollect(request, request.params.stepId));
}

export async function postNewStatus(request: FastifyRequest<{ Params: StepParams }>, reply: FastifyReply) {
  const ctx = loadCollect(request, request.params.stepId);
  const form = readLabel(request.body);
  if (hasErrors(form.errors)) return statusesPage(request, reply, ctx, form, 422);
  createLabel(request.server.db, 'collect_statuses', ctx.step.id, form.values);
  setFlash(reply, 'collect.flash.status_saved');
  return reply.redirect(`/collect/${ctx.step.id}/admin/statuses`, 303);
}

function loadStatus(request: FastifyRequest<{ Params: StatusParams }>) {
  const ctx = loadCollect(request, request.params.stepId);
  const id = parseId(request.params.statusId);
  const status = listStatuses(request.server.db, ctx.step.id).find((s) => s.id === id);
  if (!status) throw notFound();
  return { ctx, status };
}

function editPage(request: FastifyRequest, reply: FastifyReply, ctx: StepContext, id: number, form: { values: Values; errors: FormErrors }, status = 200) {
  return render(request, reply, 'collect/statuses-edit', { title: request.t('collect.statuses.edit_title'), ...ctx, statusId: id, ...form, limits: { name: NAME_MAX } }, { status, cache: false });
}

export async function editStatus(request: FastifyRequest<{ Params: StatusParams }>, reply: FastifyReply) {
  const { ctx, status } = loadStatus(request);
  return editPage(request, reply, ctx, status.id, { values: { name: status.name, colour: status.colour }, errors: {} });
}

export async function saveStatus(request: FastifyRequest<{ Params: StatusParams }>, reply: FastifyReply) {
  const { ctx, status } = loadStatus(request);
  const form = readLabel(request.body);
  if (hasErrors(form.errors)) return editPage(request, reply, ctx, status.id, form, 422);
  updateLabel(request.server.db, 'collect_statuses', ctx.step.id, status.id, form.values);
  setFlash(reply, 'collect.flash.status_saved');
  return reply.redirect(`/collect/${ctx.step.id}/admin/statuses`, 303);
}

export async function removeStatus(request: FastifyRequest<{ Params: StatusParams }>, reply: FastifyReply) {
  const { ctx, status } = loadStatus(request);
  deleteLabel(request.server.db, 'collect_statuses', ctx.step.id, status.id);
  setFlash(reply, 'collect.flash.status_deleted');
  return reply.redirect(`/collect/${ctx.step.id}/admin/statuses`, 303);
}

export async function shiftStatus(request: FastifyRequest<{ Params: StatusParams }>, reply: FastifyReply) {
  const { ctx, status } = loadStatus(request);
  const direction = text(request.body, 'direction');
  if (direction !== 'up' && direction !== 'down') throw new HttpError(400, 'forms.invalid_choice');
  moveLabel(request.server.db, 'collect_statuses', ctx.step.id, status.id, direction);
  return reply.redirect(`/collect/${ctx.step.id}/admin/statuses`, 303);
}
