// A contribution seen by moderation (GET /moderation/items/:id): its text, its reports with
// their reasons, what moderation did to it, and the actions it allows; then each action's POST
// (hide, restore, trash, approve, dismiss reports) and the edit that takes personal data out.
// A refused form comes back with 422 and its errors; an action that no longer applies gives the
// page again as it now stands, with 409 and why.
import type { FastifyReply, FastifyRequest } from 'fastify';
import { render } from '../../platform/render.ts';
import { setFlash } from '../../platform/flash.ts';
import { text, raw, checkText, hasErrors, type FormErrors } from '../../platform/forms.ts';
import { describe, loadContribution, type IdParams } from './guards.ts';
import { listLogOf, listReportsOf, trashedByModeration, type Contribution } from './queries.ts';
import { editContribution, moderate } from './writes.ts';
import { availableActions, motiveRequired, BODY_MAX, MOTIVE_MAX, TITLE_MAX, type StatusAction } from './rules.ts';
import { queueUrl } from './queue.ts';

interface Forms {
  /** The action whose form was refused, its values and errors. */
  action?: StatusAction | 'edit' | 'suspend';
  values?: Record<string, string>;
  errors?: FormErrors;
  /** Why nothing was done (an action that no longer applies): a catalogue key. */
  notice?: string;
}

export function itemPage(request: FastifyRequest, reply: FastifyReply, c: Contribution, forms: Forms = {}, status = 200) {
  const db = request.server.db;
  const { permalink, kindKey } = describe(request, c);
  const trashed = trashedByModeration(db, c.id);
  const admin = request.user?.role === 'admin';
  return render(
    request,
    reply,
    'moderation/item',
    {
      title: request.t('moderation.item.title', { id: c.id }),
      c,
      permalink,
      kindKey,
      reports: listReportsOf(db, c.id),
      log: listLogOf(db, c.id),
      actions: availableActions(c.status, { openReports: c.open_reports, trashedByModeration: trashed }),
      // Suspending is the administrators' (admin users page): they get a link to the account.
      authorAdminUrl: admin && !c.author_deleted_at && c.author_email ? `/admin/users?${new URLSearchParams({ q: c.author_email })}#user-${c.author_id}` : null,
      showOriginals: admin,
      // Administrators suspend or reactivate the author here (never themselves).
      canSuspend: admin && c.author_id !== request.user?.id && !c.author_deleted_at,
      formAction: forms.action ?? null,
      notice: forms.notice ?? null,
      values: forms.values ?? {},
      errors: forms.errors ?? {},
      edit: forms.action === 'edit' ? (forms.values ?? {}) : { title: c.title ?? '', body: c.body_md },
      limits: { motive: MOTIVE_MAX, title: TITLE_MAX, body: BODY_MAX },
    },
    { status },
  );
}

/** 409: the item's page as it now stands, with why nothing was done. */
export function notApplicable(request: FastifyRequest, reply: FastifyReply, id: number, notice = 'moderation.errors.not_applicable') {
  return itemPage(request, reply, loadContribution(request, String(id)), { notice }, 409);
}

export async function showItem(request: FastifyRequest<{ Params: IdParams }>, reply: FastifyReply) {
  return itemPage(request, reply, loadContribution(request, request.params.id));
}

/** The POST of one status action: its motive checked, then one write, then back to the queue. */
function actionHandler(action: StatusAction) {
  return async function act(request: FastifyRequest<{ Params: IdParams }>, reply: FastifyReply) {
    const user = request.user!;
    const c = loadContribution(request, request.params.id);
    // Each action's form has its own motive field (its name and id name the action).
    const field = `${action}_motive`;
    const motive = text(request.body, field);
    const errors: FormErrors = {};
    checkText(errors, field, motive, { required: motiveRequired(action), max: MOTIVE_MAX });
    if (errors[field]?.key === 'forms.required') errors[field] = { key: 'moderation.errors.motive_required' };
    if (hasErrors(errors)) return itemPage(request, reply, c, { action, values: { [field]: motive }, errors }, 422);
    const done = moderate(request.server, c, action, user.id, motive, trashedByModeration(request.server.db, c.id));
    // Someone else acted first: the page again, as it now stands, saying so.
    if (!done) return notApplicable(request, reply, c.id);
    setFlash(reply, `moderation.flash.${action}`);
    return reply.redirect(queueUrl(done.from === 'pending' ? 'pending' : 'reported'), 303);
  };
}

export const hideItem = actionHandler('hide');
export const restoreItem = actionHandler('restore');
export const trashItem = actionHandler('trash');
export const approveItem = actionHandler('approve');
export const dismissReports = actionHandler('dismiss');

/** Takes personal data out of the title and text; the original stays in the log. */
export async function editItem(request: FastifyRequest<{ Params: IdParams }>, reply: FastifyReply) {
  const user = request.user!;
  const c = loadContribution(request, request.params.id);
  if (c.status === 'trashed') return notApplicable(request, reply, c.id);
  const values = { title: text(request.body, 'title'), body: raw(request.body, 'body').replace(/\r\n/g, '\n').trim() };
  const errors: FormErrors = {};
  // A title or a text the contribution had may be shortened, never removed.
  if (c.title !== null) checkText(errors, 'title', values.title, { required: true, max: TITLE_MAX });
  checkText(errors, 'body', values.body, { required: c.body_md !== '', max: BODY_MAX });
  const title = c.title === null ? null : values.title;
  if (!hasErrors(errors) && title === c.title && values.body === c.body_md) errors.body = { key: 'moderation.edit.errors.unchanged' };
  if (hasErrors(errors)) return itemPage(request, reply, c, { action: 'edit', values, errors }, 422);
  editContribution(request.server, c, user.id, { title, body: values.body });
  setFlash(reply, 'moderation.flash.edit');
  return reply.redirect(`/moderation/items/${c.id}`, 303);
}
