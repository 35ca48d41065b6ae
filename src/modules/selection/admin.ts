// The selection admin page (administrators only, checked by the route list), at
// /selection/:stepId/admin: import proposals from a collect step of the project, take one out of
// the vote while nobody voted for it, the envelopes' budgets (until the vote opens, like the
// step's settings), and the date from which the public sees the counts.
import type { FastifyReply, FastifyRequest } from 'fastify';
import { render } from '../../platform/render.ts';
import { HttpError } from '../../platform/http.ts';
import { setFlash } from '../../platform/flash.ts';
import { parseId, text, type FormErrors } from '../../platform/forms.ts';
import { localToUtc, utcToLocal } from '../../platform/local-time.ts';
import { loadSelection, type ProposalParams, type StepContext, type StepParams } from './guards.ts';
import { voteSettings } from './rules.ts';
import { envelopeBudgets, listDistricts } from './ballot-queries.ts';
import { findCountsDate, hasCityWide, listVoteProposals } from './admin-queries.ts';
import { removeFromVote, saveCountsDate, saveEnvelopes } from './admin-writes.ts';
import { IMPORT_SCOPES, importProposals, listCollectSteps, type ImportScope } from './import.ts';

const BUDGET_MAX = 1_000_000_000;

interface Forms {
  envelopes?: { values: Record<string, string>; errors: FormErrors };
  counts?: { values: Record<string, string>; errors: FormErrors };
  import?: { errors: FormErrors };
  refusal?: string;
}

/** The envelopes an administrator sets: each district, and the city-wide one when configured. */
function envelopesOf(request: FastifyRequest, ctx: StepContext) {
  const s = voteSettings(ctx.step);
  if (s.envelopes === 'none') return [];
  const districts: { id: number | null; name: string | null }[] = listDistricts(request.server.db, ctx.step.project_id);
  return s.envelopes === 'districts_and_city' ? [...districts, { id: null, name: null }] : districts;
}

function adminPage(request: FastifyRequest, reply: FastifyReply, ctx: StepContext, forms: Forms = {}, status = 200) {
  const db = request.server.db;
  const tz = request.server.config.timeZone;
  const query = request.query as Record<string, string | undefined>;
  const page = Math.max(Number.parseInt(query.page ?? '0', 10) || 0, 0);
  const settings = voteSettings(ctx.step);
  const budgets = envelopeBudgets(db, ctx.step.id);
  const envelopes = envelopesOf(request, ctx);
  const storedBudgets = Object.fromEntries(envelopes.map((e) => [`budget_${e.id ?? 'city'}`, budgets.has(e.id ?? 0) ? String(budgets.get(e.id ?? 0)) : '']));
  const imported = query.added !== undefined ? { added: Number(query.added) || 0, skipped: Number(query.skipped) || 0 } : null;
  return render(
    request,
    reply,
    'selection/admin',
    {
      title: request.t('selection.admin.title', { title: ctx.step.title }),
      ...ctx,
      settings,
      collectSteps: listCollectSteps(db, ctx.step.project_id),
      proposals: listVoteProposals(db, ctx.step.id, page),
      page,
      imported,
      cityWideUnvotable: settings.envelopes === 'districts' && hasCityWide(db, ctx.step.id),
      envelopes,
      envelopesForm: forms.envelopes ?? { values: storedBudgets, errors: {} },
      countsForm: forms.counts ?? { values: { counts_public_at: utcToLocal(findCountsDate(db, ctx.step.id), tz) }, errors: {} },
      importErrors: forms.import?.errors ?? {},
      refusal: forms.refusal ?? null,
      timeZone: tz,
    },
    { status, cache: false },
  );
}

export async function adminHome(request: FastifyRequest<{ Params: StepParams }>, reply: FastifyReply) {
  return adminPage(request, reply, loadSelection(request, request.params.stepId));
}

/** Imports from a collect step of the same project (any other id is refused). */
export async function postImport(request: FastifyRequest<{ Params: StepParams }>, reply: FastifyReply) {
  const ctx = loadSelection(request, request.params.stepId);
  const db = request.server.db;
  const source = parseId(text(request.body, 'collect_step'));
  const scope = text(request.body, 'scope') || 'retained';
  const errors: FormErrors = {};
  if (source === null || !listCollectSteps(db, ctx.step.project_id).some((s) => s.id === source)) errors.collect_step = { key: 'selection.admin.import.error.step' };
  if (!(IMPORT_SCOPES as readonly string[]).includes(scope)) errors.scope = { key: 'selection.admin.import.error.scope' };
  if (Object.keys(errors).length) return adminPage(request, reply, ctx, { import: { errors } }, 422);
  const { added, skipped } = importProposals(db, ctx.step.id, source!, scope as ImportScope);
  return reply.redirect(`/selection/${ctx.step.id}/admin?added=${added}&skipped=${skipped}#selection-admin-import`, 303);
}

export async function postRemove(request: FastifyRequest<{ Params: ProposalParams }>, reply: FastifyReply) {
  const ctx = loadSelection(request, request.params.stepId);
  const proposalId = parseId(request.params.proposalId);
  const outcome = proposalId === null ? 'missing' : removeFromVote(request.server.db, ctx.step.id, proposalId);
  if (outcome === 'missing') throw new HttpError(404, 'errors.404.text');
  if (outcome === 'voted') return adminPage(request, reply, ctx, { refusal: 'selection.admin.proposals.refused_voted' }, 409);
  setFlash(reply, 'selection.admin.flash.removed');
  return reply.redirect(`/selection/${ctx.step.id}/admin#selection-admin-proposals`, 303);
}

/** Budgets per envelope, whole euros; a blank one takes the step's budget. Fixed once the vote opened. */
export async function postEnvelopes(request: FastifyRequest<{ Params: StepParams }>, reply: FastifyReply) {
  const ctx = loadSelection(request, request.params.stepId);
  if (ctx.state !== 'upcoming') return adminPage(request, reply, ctx, { refusal: 'selection.admin.envelopes.refused_open' }, 409);
  const values: Record<string, string> = {};
  const errors: FormErrors = {};
  const budgets = envelopesOf(request, ctx).map((e) => {
    const name = `budget_${e.id ?? 'city'}`;
    const value = text(request.body, name);
    values[name] = value;
    if (value === '') return { districtId: e.id, budget: null };
    const n = Number(value);
    if (!/^\d+$/.test(value) || n > BUDGET_MAX) errors[name] = { key: 'selection.admin.envelopes.error', params: { max: BUDGET_MAX } };
    return { districtId: e.id, budget: n };
  });
  if (Object.keys(errors).length) return adminPage(request, reply, ctx, { envelopes: { values, errors } }, 422);
  saveEnvelopes(request.server.db, ctx.step.id, budgets);
  setFlash(reply, 'selection.admin.flash.envelopes');
  return reply.redirect(`/selection/${ctx.step.id}/admin#selection-admin-envelopes`, 303);
}

/** The date from which the public sees the counts (the instance's time zone); blank: always. */
export async function postCountsDate(request: FastifyRequest<{ Params: StepParams }>, reply: FastifyReply) {
  const ctx = loadSelection(request, request.params.stepId);
  const value = text(request.body, 'counts_public_at');
  const at = value === '' ? null : localToUtc(value, request.server.config.timeZone);
  // A value that is no date is not echoed: a datetime-local input may only hold a valid one.
  if (value !== '' && at === null) return adminPage(request, reply, ctx, { counts: { values: { counts_public_at: '' }, errors: { counts_public_at: { key: 'selection.admin.counts.error' } } } }, 422);
  saveCountsDate(request.server.db, ctx.step.id, at);
  setFlash(reply, 'selection.admin.flash.counts');
  return reply.redirect(`/selection/${ctx.step.id}/admin#selection-admin-counts`, 303);
}
