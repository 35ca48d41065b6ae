// The permalink of an opinion or an amendment, and what its author may do while the step is
// open: edit it (its votes are reset once the author confirms) or delete it.
import type { FastifyReply, FastifyRequest } from 'fastify';
import { render } from '../../platform/render.ts';
import { notFound } from '../../platform/http.ts';
import { visibilityOf } from '../../platform/contributions.ts';
import { setFlash } from '../../platform/flash.ts';
import { assertHuman, checkLinks } from '../../platform/anti-spam.ts';
import { text, checked, checkText, hasErrors, type FormErrors } from '../../platform/forms.ts';
import { loadStep, loadItem, loadOwnItem, participationOf, type StepContext } from './guards.ts';
import { listOutline } from './queries.ts';
import { findItem, findItemVotes, updateItem, trashItem, ResetNotConfirmed, type Item } from './item-queries.ts';
import { loadItemExtras } from './extras-queries.ts';
import { ancestry, commentsOn, voteWidget, TITLE_MAX, BODY_MAX, SECTION_BODY_MAX } from './rules.ts';

export type ItemParams = { stepId: string; itemId: string };

interface EditForm {
  values: Record<string, string>;
  errors: FormErrors;
}

function renderEdit(request: FastifyRequest, reply: FastifyReply, ctx: StepContext, item: Item, form: EditForm, status = 200) {
  return render(request, reply, 'consultation/item-edit', { title: request.t('consultation.edit.title'), ...ctx, item, ...form, titleMax: TITLE_MAX, bodyMax: BODY_MAX, textMax: SECTION_BODY_MAX }, { status });
}

export async function showItem(request: FastifyRequest<{ Params: ItemParams }>, reply: FastifyReply) {
  const db = request.server.db;
  const ctx = loadStep(request, request.params.stepId);
  const item = loadItem(request, ctx, request.params.itemId);
  // What moderation did decides what this person sees (platform visibilityOf): the text, or
  // "hidden by moderation" and the reason, or nothing (404). Votes, debate and comments are for
  // published items only.
  const visibility = visibilityOf(item, request.user);
  if (visibility === 'none') throw notFound();
  const published = item.status === 'published' && item.published === 1;
  const textShown = visibility === 'show';
  const p = participationOf(request, ctx);
  const title = (textShown ? item.title : null) ?? request.t(`consultation.item.kind.${item.kind}`);
  const mine = findItemVotes(db, request.user?.id, [item.id])[item.id] ?? null;
  return render(request, reply, 'consultation/item', {
    title,
    ...ctx,
    ...p,
    trail: ancestry(listOutline(db, ctx.step.id), item.section_id),
    item,
    published,
    textShown,
    vote: published && item.allow_votes ? voteWidget(ctx.step.id, { kind: 'item', id: item.id }, { label: title, counts: item, mine, canVote: p.canVote, back: request.url }) : null,
    isAuthor: published && p.canContribute && request.user?.id === item.author_id,
    extras: published ? await loadItemExtras(db, item, request.user) : null,
    commentsOn: commentsOn(ctx.step),
  });
}

export async function editItemForm(request: FastifyRequest<{ Params: ItemParams }>, reply: FastifyReply) {
  const { ctx, item } = loadOwnItem(request, request.params.stepId, request.params.itemId);
  return renderEdit(request, reply, ctx, item, { values: { title: item.title ?? '', body: item.body_md, proposed_text: item.proposed_text ?? '' }, errors: {} });
}

export async function saveItem(request: FastifyRequest<{ Params: ItemParams }>, reply: FastifyReply) {
  const db = request.server.db;
  const { ctx, item } = loadOwnItem(request, request.params.stepId, request.params.itemId);
  assertHuman(request);
  const body = request.body;
  const values = { title: text(body, 'title'), body: text(body, 'body'), proposed_text: text(body, 'proposed_text') };
  const errors: FormErrors = {};
  checkText(errors, 'title', values.title, { required: true, max: TITLE_MAX });
  checkText(errors, 'body', values.body, { required: true, max: BODY_MAX });
  if (item.kind === 'amendment') checkText(errors, 'proposed_text', values.proposed_text, { required: true, max: SECTION_BODY_MAX });
  checkLinks(request, errors, 'body', values.body);
  const confirmReset = checked(body, 'confirm_reset');
  if (item.votes_total > 0 && !confirmReset) errors.confirm_reset = { key: 'consultation.edit.confirm_required' };
  if (hasErrors(errors)) return renderEdit(request, reply, ctx, item, { values, errors }, 422);
  try {
    updateItem(db, ctx.step, item, { title: values.title, body: values.body, typeId: null, proposedText: item.kind === 'amendment' ? values.proposed_text : null, confirmReset });
  } catch (err) {
    // Votes arrived while the author was editing: ask again, with the new count.
    if (!(err instanceof ResetNotConfirmed)) throw err;
    const fresh = findItem(db, ctx.step.id, item.id)!;
    return renderEdit(request, reply, ctx, fresh, { values, errors: { confirm_reset: { key: 'consultation.edit.confirm_required' } } }, 422);
  }
  setFlash(reply, 'consultation.flash.updated');
  return reply.redirect(`/consultation/${ctx.step.id}/items/${item.id}`, 303);
}

export async function deleteItem(request: FastifyRequest<{ Params: ItemParams }>, reply: FastifyReply) {
  const { ctx, item } = loadOwnItem(request, request.params.stepId, request.params.itemId);
  trashItem(request.server.db, ctx.step, item);
  setFlash(reply, 'consultation.flash.deleted');
  const kind = item.kind === 'amendment' ? '?kind=amendment' : '';
  return reply.redirect(`/consultation/${ctx.step.id}/sections/${item.section_id}${kind}`, 303);
}
