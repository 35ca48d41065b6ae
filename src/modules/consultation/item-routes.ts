// The permalink of an opinion or an amendment, and what its author may do while the step is
// open: edit it (its votes are reset once the author confirms) or delete it.
import type { FastifyPluginAsync, FastifyRequest } from 'fastify';
import { render } from '../../platform/render.ts';
import { HttpError, notFound } from '../../platform/http.ts';
import { setFlash } from '../../platform/flash.ts';
import { text, checked, checkText, hasErrors, type FormErrors, parseId } from '../../platform/forms.ts';
import { loadStep, assertCanParticipate, participation, type StepContext } from './guards.ts';
import { listSections } from './queries.ts';
import { findItem, findItemVotes, updateItem, trashItem, ResetNotConfirmed, type Item } from './item-queries.ts';
import { ancestry, tally, TITLE_MAX, BODY_MAX, SECTION_BODY_MAX } from './rules.ts';
import { loadItemExtras } from './extras-queries.ts';

type ItemParams = { stepId: string; itemId: string };

/** An item of THIS step named in the URL, or a 404. Unpublished items are the caller's call. */
export function loadItem(request: FastifyRequest, ctx: StepContext, rawId: unknown): Item {
  const id = parseId(rawId);
  const item = id === null ? undefined : findItem(request.server.db, ctx.step.id, id);
  if (!item) throw notFound();
  return item;
}

/** Hidden, pending or trashed items are not shown nor acted on. */
export function assertPublished(item: Item): void {
  if (item.status !== 'published' || item.published !== 1) throw notFound();
}

/** The item's author, while the step is open and they still meet its requirements. */
function loadOwnItem(request: FastifyRequest<{ Params: ItemParams }>) {
  const ctx = loadStep(request, request.params.stepId);
  const item = loadItem(request, ctx, request.params.itemId);
  const user = assertCanParticipate(request, ctx);
  assertPublished(item);
  if (item.author_id !== user.id) throw new HttpError(403, 'consultation.errors.not_author');
  return { ctx, item, user };
}

interface EditForm {
  values: Record<string, string>;
  errors: FormErrors;
}

function renderEdit(request: FastifyRequest, reply: Parameters<typeof render>[1], ctx: StepContext, item: Item, form: EditForm, status = 200) {
  return render(request, reply, 'consultation/item-edit', { title: request.t('consultation.edit.title'), ...ctx, item, ...form, titleMax: TITLE_MAX, bodyMax: BODY_MAX, textMax: SECTION_BODY_MAX }, { status });
}

export const itemRoutes: FastifyPluginAsync = async (app) => {
  app.get<{ Params: ItemParams }>('/:stepId/items/:itemId', { config: { pageCache: true } }, async (request, reply) => {
    const ctx = loadStep(request, request.params.stepId);
    const item = loadItem(request, ctx, request.params.itemId);
    assertPublished(item);
    const p = participation(request, ctx);
    return render(request, reply, 'consultation/item', {
      title: item.title ?? request.t(`consultation.item.kind.${item.kind}`),
      ...ctx,
      ...p,
      trail: ancestry(listSections(app.db, ctx.step.id), item.section_id),
      item,
      mine: findItemVotes(app.db, request.user?.id, [item.id])[item.id] ?? null,
      tally,
      isAuthor: p.canParticipate && request.user?.id === item.author_id,
      back: request.url,
      extras: await loadItemExtras(app.db, item, request.user),
    });
  });

  app.get<{ Params: ItemParams }>('/:stepId/items/:itemId/edit', async (request, reply) => {
    const { ctx, item } = loadOwnItem(request);
    return renderEdit(request, reply, ctx, item, { values: { title: item.title ?? '', body: item.body_md, proposed_text: item.proposed_text ?? '' }, errors: {} });
  });

  app.post<{ Params: ItemParams }>('/:stepId/items/:itemId/edit', async (request, reply) => {
    const { ctx, item } = loadOwnItem(request);
    const body = request.body;
    const values = { title: text(body, 'title'), body: text(body, 'body'), proposed_text: text(body, 'proposed_text') };
    const errors: FormErrors = {};
    checkText(errors, 'title', values.title, { required: true, max: TITLE_MAX });
    checkText(errors, 'body', values.body, { required: true, max: BODY_MAX });
    if (item.kind === 'amendment') checkText(errors, 'proposed_text', values.proposed_text, { required: true, max: SECTION_BODY_MAX });
    const confirmReset = checked(body, 'confirm_reset');
    if (item.votes_total > 0 && !confirmReset) errors.confirm_reset = { key: 'consultation.edit.confirm_required' };
    if (hasErrors(errors)) return renderEdit(request, reply, ctx, item, { values, errors }, 422);
    try {
      updateItem(app.db, ctx.step, item, { title: values.title, body: values.body, typeId: null, proposedText: item.kind === 'amendment' ? values.proposed_text : null, confirmReset });
    } catch (err) {
      // Votes arrived while the author was editing: ask again, with the new count.
      if (!(err instanceof ResetNotConfirmed)) throw err;
      const fresh = findItem(app.db, ctx.step.id, item.id)!;
      return renderEdit(request, reply, ctx, fresh, { values, errors: { confirm_reset: { key: 'consultation.edit.confirm_required' } } }, 422);
    }
    setFlash(reply, 'consultation.flash.updated');
    return reply.redirect(`/consultation/${ctx.step.id}/items/${item.id}`, 303);
  });

  app.post<{ Params: ItemParams }>('/:stepId/items/:itemId/delete', async (request, reply) => {
    const { ctx, item } = loadOwnItem(request);
    trashItem(app.db, ctx.step, item);
    setFlash(reply, 'consultation.flash.deleted');
    const kind = item.kind === 'amendment' ? '?kind=amendment' : '';
    return reply.redirect(`/consultation/${ctx.step.id}/sections/${item.section_id}${kind}`, 303);
  });
};
