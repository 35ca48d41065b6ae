// Administration of a consultation (administrators only, checked by the route list): its
// contribution types and the tree of sections of its text, at /consultation/:stepId/admin.
import type { FastifyReply, FastifyRequest } from 'fastify';
import { render } from '../../platform/render.ts';
import { notFound } from '../../platform/http.ts';
import { setFlash } from '../../platform/flash.ts';
import { text, checked, checkText, hasErrors, type FormErrors, parseId } from '../../platform/forms.ts';
import { HEX_COLOUR, contrastRatio } from '../../platform/colour.ts';
import { loadStep, loadSection, type StepContext } from './guards.ts';
import { listSections, listTypes } from './queries.ts';
import { findType, createType, updateType, deleteType, createSection, updateSection, deleteSection, moveSection, findSectionTypeIds, type SectionInput } from './admin-queries.ts';
import { buildTree, flattenTree, subtreeIds, parseSort, swatchColourOk, SORTS, TYPE_NAME_MAX, SECTION_TITLE_MAX, SECTION_BODY_MAX } from './rules.ts';

type StepParams = { stepId: string };
type TypeParams = StepParams & { typeId: string };
type SectionParams = StepParams & { sectionId: string };
type Values = Record<string, unknown>;

function checkType(body: unknown) {
  const values = { name: text(body, 'name'), colour: text(body, 'colour') };
  const errors: FormErrors = {};
  checkText(errors, 'name', values.name, { required: true, max: TYPE_NAME_MAX });
  if (!HEX_COLOUR.test(values.colour)) errors.colour = { key: 'consultation.admin.errors.colour_invalid' };
  else if (!swatchColourOk(values.colour)) errors.colour = { key: 'consultation.admin.errors.colour_contrast', params: { ratio: contrastRatio(values.colour, '#ffffff').toFixed(1) } };
  return { values, errors };
}

function adminPage(request: FastifyRequest, reply: FastifyReply, ctx: StepContext, typeForm: { values: Values; errors: FormErrors }, status = 200) {
  const db = request.server.db;
  return render(
    request,
    reply,
    'consultation/admin',
    { title: request.t('consultation.admin.title', { title: ctx.step.title }), ...ctx, types: listTypes(db, ctx.step.id), rows: flattenTree(buildTree(listSections(db, ctx.step.id))), ...typeForm },
    { status },
  );
}

function sectionForm(request: FastifyRequest, reply: FastifyReply, ctx: StepContext, sectionId: number | null, form: { values: Values; errors: FormErrors }, status = 200) {
  const db = request.server.db;
  const sections = listSections(db, ctx.step.id);
  // A section cannot move under itself or its descendants.
  const excluded = new Set(sectionId === null ? [] : subtreeIds(sections, sectionId));
  const parents = flattenTree(buildTree(sections)).filter((n) => !excluded.has(n.section.id));
  const key = sectionId === null ? 'consultation.admin.sections.new_title' : 'consultation.admin.sections.edit_title';
  return render(request, reply, 'consultation/admin-section', { title: request.t(key, { title: String(form.values.title ?? '') }), ...ctx, sectionId, parents, types: listTypes(db, ctx.step.id), sorts: SORTS, ...form, titleMax: SECTION_TITLE_MAX, bodyMax: SECTION_BODY_MAX }, { status });
}

function readSection(request: FastifyRequest, ctx: StepContext, sectionId: number | null) {
  const db = request.server.db;
  const body = request.body as Record<string, unknown> | undefined;
  const rawTypes = body?.type_ids;
  const typeIdsRaw = (Array.isArray(rawTypes) ? rawTypes : rawTypes === undefined ? [] : [rawTypes]).map(String);
  const values = {
    parent_id: text(body, 'parent_id'),
    title: text(body, 'title'),
    body_md: text(body, 'body_md'),
    allow_amendments: checked(body, 'allow_amendments'),
    allow_arguments: checked(body, 'allow_arguments'),
    allow_sources: checked(body, 'allow_sources'),
    allow_votes: checked(body, 'allow_votes'),
    default_sort: text(body, 'default_sort'),
    type_ids: typeIdsRaw,
  };
  const errors: FormErrors = {};
  checkText(errors, 'title', values.title, { required: true, max: SECTION_TITLE_MAX });
  checkText(errors, 'body_md', values.body_md, { max: SECTION_BODY_MAX });
  const sections = listSections(db, ctx.step.id);
  let parentId: number | null = null;
  if (values.parent_id !== '') {
    parentId = parseId(values.parent_id);
    const excluded = sectionId === null ? [] : subtreeIds(sections, sectionId);
    if (parentId === null || !sections.some((s) => s.id === parentId) || excluded.includes(parentId)) errors.parent_id = { key: 'consultation.admin.errors.parent_invalid' };
  }
  if (!(SORTS as readonly string[]).includes(values.default_sort)) errors.default_sort = { key: 'forms.invalid_choice' };
  const known = new Set(listTypes(db, ctx.step.id).map((t) => t.id));
  const typeIds = typeIdsRaw.map(parseId);
  if (typeIds.some((id) => id === null || !known.has(id))) errors.type_ids = { key: 'consultation.admin.errors.type_invalid' };
  const input: SectionInput = {
    parentId,
    title: values.title,
    body: values.body_md,
    allowAmendments: values.allow_amendments,
    allowArguments: values.allow_arguments,
    allowSources: values.allow_sources,
    allowVotes: values.allow_votes,
    defaultSort: parseSort(values.default_sort, 'newest'),
    typeIds: [...new Set(typeIds.filter((id): id is number => id !== null))],
  };
  return { values, errors, input };
}

const home = (ctx: StepContext) => `/consultation/${ctx.step.id}/admin`;
const stepOf = (request: FastifyRequest<{ Params: StepParams }>) => loadStep(request, request.params.stepId);

function typeOf(request: FastifyRequest<{ Params: TypeParams }>, ctx: StepContext) {
  const id = parseId(request.params.typeId);
  const type = id === null ? undefined : findType(request.server.db, ctx.step.id, id);
  if (!type) throw notFound();
  return type;
}

export async function adminHome(request: FastifyRequest<{ Params: StepParams }>, reply: FastifyReply) {
  return adminPage(request, reply, stepOf(request), { values: {}, errors: {} });
}

export async function postType(request: FastifyRequest<{ Params: StepParams }>, reply: FastifyReply) {
  const ctx = stepOf(request);
  const { values, errors } = checkType(request.body);
  if (hasErrors(errors)) return adminPage(request, reply, ctx, { values, errors }, 422);
  createType(request.server.db, ctx.step.id, values);
  setFlash(reply, 'consultation.flash.type_created');
  return reply.redirect(home(ctx), 303);
}

export async function editType(request: FastifyRequest<{ Params: TypeParams }>, reply: FastifyReply) {
  const ctx = stepOf(request);
  const type = typeOf(request, ctx);
  return render(request, reply, 'consultation/admin-type', { title: request.t('consultation.admin.types.edit_title', { name: type.name }), ...ctx, type, values: type, errors: {} });
}

export async function saveType(request: FastifyRequest<{ Params: TypeParams }>, reply: FastifyReply) {
  const ctx = stepOf(request);
  const type = typeOf(request, ctx);
  const { values, errors } = checkType(request.body);
  if (hasErrors(errors)) return render(request, reply, 'consultation/admin-type', { title: request.t('consultation.admin.types.edit_title', { name: type.name }), ...ctx, type, values, errors }, { status: 422 });
  updateType(request.server.db, ctx.step.id, type.id, values);
  setFlash(reply, 'consultation.flash.type_updated');
  return reply.redirect(home(ctx), 303);
}

export async function removeType(request: FastifyRequest<{ Params: TypeParams }>, reply: FastifyReply) {
  const ctx = stepOf(request);
  deleteType(request.server.db, ctx.step.id, typeOf(request, ctx).id);
  setFlash(reply, 'consultation.flash.type_deleted');
  return reply.redirect(home(ctx), 303);
}

export async function newSection(request: FastifyRequest<{ Params: StepParams; Querystring: { parent?: string } }>, reply: FastifyReply) {
  const ctx = stepOf(request);
  const values = { parent_id: request.query.parent ?? '', allow_amendments: true, allow_arguments: true, allow_sources: true, allow_votes: true, default_sort: 'newest', type_ids: listTypes(request.server.db, ctx.step.id).map((t) => String(t.id)) };
  return sectionForm(request, reply, ctx, null, { values, errors: {} });
}

export async function postSection(request: FastifyRequest<{ Params: StepParams }>, reply: FastifyReply) {
  const ctx = stepOf(request);
  const { values, errors, input } = readSection(request, ctx, null);
  if (hasErrors(errors)) return sectionForm(request, reply, ctx, null, { values, errors }, 422);
  createSection(request.server.db, ctx.step.id, input);
  setFlash(reply, 'consultation.flash.section_created');
  return reply.redirect(home(ctx), 303);
}

export async function editSection(request: FastifyRequest<{ Params: SectionParams }>, reply: FastifyReply) {
  const ctx = stepOf(request);
  const s = loadSection(request, ctx, request.params.sectionId);
  const values = { ...s, parent_id: s.parent_id === null ? '' : String(s.parent_id), type_ids: findSectionTypeIds(request.server.db, s.id).map(String) };
  return sectionForm(request, reply, ctx, s.id, { values, errors: {} });
}

export async function saveSection(request: FastifyRequest<{ Params: SectionParams }>, reply: FastifyReply) {
  const ctx = stepOf(request);
  const s = loadSection(request, ctx, request.params.sectionId);
  const { values, errors, input } = readSection(request, ctx, s.id);
  if (hasErrors(errors)) return sectionForm(request, reply, ctx, s.id, { values, errors }, 422);
  updateSection(request.server.db, ctx.step.id, s.id, input);
  setFlash(reply, 'consultation.flash.section_updated');
  return reply.redirect(home(ctx), 303);
}

export async function removeSection(request: FastifyRequest<{ Params: SectionParams }>, reply: FastifyReply) {
  const ctx = stepOf(request);
  const result = deleteSection(request.server.db, ctx.step.id, loadSection(request, ctx, request.params.sectionId).id);
  setFlash(reply, result === 'deleted' ? 'consultation.flash.section_deleted' : 'consultation.flash.section_not_empty');
  return reply.redirect(home(ctx), 303);
}

export async function shiftSection(request: FastifyRequest<{ Params: SectionParams }>, reply: FastifyReply) {
  const ctx = stepOf(request);
  const s = loadSection(request, ctx, request.params.sectionId);
  const direction = text(request.body, 'direction');
  if (direction === 'up' || direction === 'down') moveSection(request.server.db, ctx.step.id, s.id, direction);
  setFlash(reply, 'consultation.flash.section_moved');
  return reply.redirect(`${home(ctx)}#section-${s.id}`, 303);
}
