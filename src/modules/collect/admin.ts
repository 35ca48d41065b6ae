// The collect step's admin page (administrators only, checked by the route list), at
// /collect/:stepId/admin: the proposal form's fields (shown, optional or required, with help
// texts, and the maximum cost), the categories (name and colour, contrast checked) and the
// custom questions (admin-questions.ts).
import type { FastifyReply, FastifyRequest } from 'fastify';
import { render } from '../../platform/render.ts';
import { HttpError, notFound } from '../../platform/http.ts';
import { setFlash } from '../../platform/flash.ts';
import { parseId, text, checkText, hasErrors, type FormErrors } from '../../platform/forms.ts';
import { HEX_COLOUR, contrastRatio } from '../../platform/colour.ts';
import type { FormValues } from '../../platform/questions/types.ts';
import { loadCollect, type StepContext, type StepParams } from './guards.ts';
import { ATTACHMENTS_HARD_MAX, FILE_MB_HARD_MAX, mediaValues, readMediaConfig } from './media-rules.ts';
import { findCollect, listCategories, listQuestions } from './queries.ts';
import { createLabel, deleteLabel, saveFormConfig, updateLabel } from './admin-writes.ts';
import { COST_LIMIT, FIELDS, HELP_MAX, MODES, NAME_MAX, QUESTION_KINDS, parseCost, parseMode, swatchColourOk, type FormConfig } from './rules.ts';

type Values = Record<string, string>;
export interface AdminForms {
  form?: { values: Values; errors: FormErrors };
  category?: { values: Values; errors: FormErrors };
  question?: { values: Record<string, string | string[]>; errors: FormErrors };
}
type CategoryParams = StepParams & { categoryId: string };

function formValuesOf(form: FormConfig): Values {
  const v: Values = { cost_max: form.costMax === null ? '' : String(form.costMax), ...mediaValues(form) };
  for (const f of FIELDS) Object.assign(v, { [`mode_${f}`]: form.fields[f].mode, [`help_${f}`]: form.fields[f].help });
  return v;
}

export function adminPage(request: FastifyRequest, reply: FastifyReply, ctx: StepContext, forms: AdminForms = {}, status = 200) {
  const db = request.server.db;
  return render(
    request,
    reply,
    'collect/admin',
    {
      title: request.t('collect.admin.title', { title: ctx.step.title }),
      ...ctx,
      fields: FIELDS,
      modes: MODES,
      form: forms.form ?? { values: formValuesOf(findCollect(db, ctx.step.id).form), errors: {} },
      categories: listCategories(db, ctx.step.id),
      category: forms.category ?? { values: { colour: '#1d4ed8' }, errors: {} },
      questions: listQuestions(db, ctx.step.id),
      question: forms.question ?? { values: { type: 'short_text' }, errors: {} },
      kinds: QUESTION_KINDS,
      limits: { help: HELP_MAX, name: NAME_MAX, filesCount: ATTACHMENTS_HARD_MAX, fileMb: FILE_MB_HARD_MAX },
    },
    { status },
  );
}

export async function adminHome(request: FastifyRequest<{ Params: StepParams }>, reply: FastifyReply) {
  return adminPage(request, reply, loadCollect(request, request.params.stepId));
}

export async function postForm(request: FastifyRequest<{ Params: StepParams }>, reply: FastifyReply) {
  const ctx = loadCollect(request, request.params.stepId);
  const values: Values = { cost_max: text(request.body, 'cost_max') };
  const errors: FormErrors = {};
  const fields = {} as FormConfig['fields'];
  for (const f of FIELDS) {
    const mode = parseMode(text(request.body, `mode_${f}`));
    if (!mode) throw new HttpError(400, 'forms.invalid_choice');
    const help = text(request.body, `help_${f}`);
    Object.assign(values, { [`mode_${f}`]: mode, [`help_${f}`]: help });
    checkText(errors, `help_${f}`, help, { max: HELP_MAX });
    fields[f] = { mode, help };
  }
  const costMax = values.cost_max ? parseCost(values.cost_max) : null;
  if (values.cost_max && (costMax === null || costMax < 1)) errors.cost_max = { key: 'collect.admin.errors.cost_max', params: { max: COST_LIMIT } };
  const media = readMediaConfig(request.body as FormValues, errors);
  Object.assign(values, media.values);
  if (hasErrors(errors)) return adminPage(request, reply, ctx, { form: { values, errors } }, 422);
  saveFormConfig(request.server.db, ctx.step.id, { fields, costMax, ...media.config });
  setFlash(reply, 'collect.flash.form_saved');
  return reply.redirect(`/collect/${ctx.step.id}/admin`, 303);
}

/** A category's or a status's name and colour from a form: errors beside the fields. */
export function readLabel(body: unknown): { values: { name: string; colour: string }; errors: FormErrors } {
  const values = { name: text(body, 'name'), colour: text(body, 'colour').toLowerCase() };
  const errors: FormErrors = {};
  checkText(errors, 'name', values.name, { required: true, max: NAME_MAX });
  if (!HEX_COLOUR.test(values.colour)) errors.colour = { key: 'collect.admin.errors.colour_invalid' };
  else if (!swatchColourOk(values.colour)) errors.colour = { key: 'collect.admin.errors.colour_contrast', params: { ratio: contrastRatio(values.colour, '#ffffff').toFixed(1) } };
  return { values, errors };
}

export async function postCategory(request: FastifyRequest<{ Params: StepParams }>, reply: FastifyReply) {
  const ctx = loadCollect(request, request.params.stepId);
  const category = readLabel(request.body);
  if (hasErrors(category.errors)) return adminPage(request, reply, ctx, { category }, 422);
  createLabel(request.server.db, 'collect_categories', ctx.step.id, category.values);
  setFlash(reply, 'collect.flash.category_saved');
  return reply.redirect(`/collect/${ctx.step.id}/admin#categories`, 303);
}

function loadCategory(request: FastifyRequest<{ Params: CategoryParams }>) {
  const ctx = loadCollect(request, request.params.stepId);
  const id = parseId(request.params.categoryId);
  const category = listCategories(request.server.db, ctx.step.id).find((c) => c.id === id);
  if (!category) throw notFound();
  return { ctx, category };
}

function renderCategory(request: FastifyRequest, reply: FastifyReply, ctx: StepContext, id: number, form: { values: Values; errors: FormErrors }, status = 200) {
  return render(request, reply, 'collect/admin-category', { title: request.t('collect.admin.categories.edit_title'), ...ctx, categoryId: id, ...form, limits: { name: NAME_MAX } }, { status });
}

export async function editCategory(request: FastifyRequest<{ Params: CategoryParams }>, reply: FastifyReply) {
  const { ctx, category } = loadCategory(request);
  return renderCategory(request, reply, ctx, category.id, { values: { name: category.name, colour: category.colour }, errors: {} });
}

export async function saveCategory(request: FastifyRequest<{ Params: CategoryParams }>, reply: FastifyReply) {
  const { ctx, category } = loadCategory(request);
  const form = readLabel(request.body);
  if (hasErrors(form.errors)) return renderCategory(request, reply, ctx, category.id, form, 422);
  updateLabel(request.server.db, 'collect_categories', ctx.step.id, category.id, form.values);
  setFlash(reply, 'collect.flash.category_saved');
  return reply.redirect(`/collect/${ctx.step.id}/admin#categories`, 303);
}

export async function removeCategory(request: FastifyRequest<{ Params: CategoryParams }>, reply: FastifyReply) {
  const { ctx, category } = loadCategory(request);
  deleteLabel(request.server.db, 'collect_categories', ctx.step.id, category.id);
  setFlash(reply, 'collect.flash.category_deleted');
  return reply.redirect(`/collect/${ctx.step.id}/admin#categories`, 303);
}
