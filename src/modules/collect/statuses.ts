// The step's statuses (administrators, checked by the route list), at
// /collect/:stepId/admin/statuses: a name and a colour each (the categories' contrast check), in
// the administrator's order; a deleted status leaves its proposals without one. Decision makers
// set them on proposals from the analysis page (analysis-posts.ts).
import type { FastifyReply, FastifyRequest } from 'fastify';
import { render } from '../../platform/render.ts';
import { HttpError, notFound } from '../../platform/http.ts';
import { setFlash } from '../../platform/flash.ts';
import { parseId, text, checkText, hasErrors, type FormErrors } from '../../platform/forms.ts';
import { HEX_COLOUR, contrastRatio } from '../../platform/colour.ts';
import type { Db } from '../../db/open.ts';
import { write } from '../../db/write.ts';
import { loadCollect, type StepContext, type StepParams } from './guards.ts';
import { listStatuses } from './queries.ts';
import { NAME_MAX, swatchColourOk } from './rules.ts';

type Values = { name: string; colour: string };
type StatusParams = StepParams & { statusId: string };

// ---- Writes ----

export function createStatus(db: Db, stepId: number, s: Values): number {
  return write(db, (tx) => {
    const last = tx.first(db.selectFrom('collect_statuses').select((eb) => eb.fn.max('position').as('p')).where('step_id', '=', stepId));
    return tx.run(db.insertInto('collect_statuses').values({ step_id: stepId, name: s.name, colour: s.colour, position: Number(last?.p ?? 0) + 1 })).lastInsertRowid;
  });
}

export function updateStatus(db: Db, stepId: number, id: number, s: Values): void {
  write(db, (tx) => tx.run(db.updateTable('collect_statuses').set({ name: s.name, colour: s.colour }).where('id', '=', id).where('step_id', '=', stepId)));
}

/** Proposals with it keep existing without a status (the foreign key sets it to null). */
export function deleteStatus(db: Db, stepId: number, id: number): void {
  write(db, (tx) => tx.run(db.deleteFrom('collect_statuses').where('id', '=', id).where('step_id', '=', stepId)));
}

/** Swaps the status with its neighbour; positions renumbered 1..n so equal ones cannot block a move. */
export function moveStatus(db: Db, stepId: number, id: number, direction: 'up' | 'down'): void {
  write(db, (tx) => {
    const all = tx.all(db.selectFrom('collect_statuses').select(['id']).where('step_id', '=', stepId).orderBy('position').orderBy('id'));
    const i = all.findIndex((s) => s.id === id);
    const j = direction === 'up' ? i - 1 : i + 1;
    if (i < 0 || j < 0 || j >= all.length) return;
    [all[i], all[j]] = [all[j]!, all[i]!];
    all.forEach((s, k) => tx.run(db.updateTable('collect_statuses').set({ position: k + 1 }).where('id', '=', s.id)));
  });
}

// ---- Pages and posts ----

function readStatus(body: unknown): { values: Values; errors: FormErrors } {
  const values = { name: text(body, 'name'), colour: text(body, 'colour').toLowerCase() };
  const errors: FormErrors = {};
  checkText(errors, 'name', values.name, { required: true, max: NAME_MAX });
  if (!HEX_COLOUR.test(values.colour)) errors.colour = { key: 'collect.admin.errors.colour_invalid' };
  else if (!swatchColourOk(values.colour)) errors.colour = { key: 'collect.admin.errors.colour_contrast', params: { ratio: contrastRatio(values.colour, '#ffffff').toFixed(1) } };
  return { values, errors };
}

function statusesPage(request: FastifyRequest, reply: FastifyReply, ctx: StepContext, form: { values: Values; errors: FormErrors } = { values: { name: '', colour: '#166534' }, errors: {} }, status = 200) {
  return render(request, reply, 'collect/statuses', { title: request.t('collect.statuses.title'), ...ctx, statuses: listStatuses(request.server.db, ctx.step.id), form, limits: { name: NAME_MAX } }, { status, cache: false });
}

export async function showStatuses(request: FastifyRequest<{ Params: StepParams }>, reply: FastifyReply) {
  return statusesPage(request, reply, loadCollect(request, request.params.stepId));
}

export async function postNewStatus(request: FastifyRequest<{ Params: StepParams }>, reply: FastifyReply) {
  const ctx = loadCollect(request, request.params.stepId);
  const form = readStatus(request.body);
  if (hasErrors(form.errors)) return statusesPage(request, reply, ctx, form, 422);
  createStatus(request.server.db, ctx.step.id, form.values);
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
  const form = readStatus(request.body);
  if (hasErrors(form.errors)) return editPage(request, reply, ctx, status.id, form, 422);
  updateStatus(request.server.db, ctx.step.id, status.id, form.values);
  setFlash(reply, 'collect.flash.status_saved');
  return reply.redirect(`/collect/${ctx.step.id}/admin/statuses`, 303);
}

export async function removeStatus(request: FastifyRequest<{ Params: StatusParams }>, reply: FastifyReply) {
  const { ctx, status } = loadStatus(request);
  deleteStatus(request.server.db, ctx.step.id, status.id);
  setFlash(reply, 'collect.flash.status_deleted');
  return reply.redirect(`/collect/${ctx.step.id}/admin/statuses`, 303);
}

export async function shiftStatus(request: FastifyRequest<{ Params: StatusParams }>, reply: FastifyReply) {
  const { ctx, status } = loadStatus(request);
  const direction = text(request.body, 'direction');
  if (direction !== 'up' && direction !== 'down') throw new HttpError(400, 'forms.invalid_choice');
  moveStatus(request.server.db, ctx.step.id, status.id, direction);
  return reply.redirect(`/collect/${ctx.step.id}/admin/statuses`, 303);
}
