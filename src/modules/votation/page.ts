// The votation page: the questions, the turnout while open, the ballot (for an account that may
// vote) or the access-code form (electoral roll), and after the close the results, the ballot
// file with its SHA-256 and the receipt lookup. Also the 422 answer of a refused code or ballot.
import type { FastifyReply, FastifyRequest } from 'fastify';
import { render } from '../../platform/render.ts';
import type { FormErrors } from '../../platform/forms.ts';
import { participation } from '../../platform/gate.ts';
import { loadVotation, settingsOf, votationOf, type StepContext, type StepParams } from './guards.ts';
import { hasUserVoted, listQuestions, resultsOf } from './queries.ts';
import { fieldOf, formatReceipt } from './rules.ts';

export interface BallotState {
  /** The access code as typed, carried in the ballot form (roll). */
  code: string | null;
  /** The voter has voted: the form replaces their ballot, given its receipt. */
  replacing: boolean;
  values: Record<string, string | string[]>;
  errors: FormErrors;
}

export interface PageForms {
  ballot?: BallotState;
  code?: { values: Record<string, string>; errors: FormErrors };
  lookup?: { values: Record<string, string>; errors: FormErrors };
}

export async function renderVotation(request: FastifyRequest, reply: FastifyReply, ctx: StepContext, forms: PageForms = {}, status = 200) {
  const db = request.server.db;
  const settings = settingsOf(ctx);
  const row = votationOf(request, ctx);
  const questions = listQuestions(db, ctx.step.id);
  const accounts = settings.electorate === 'accounts';
  const p = accounts ? participation(request, ctx, ['vote']) : { can: { vote: false }, missing: [] };
  const voted = accounts && p.can.vote && request.user ? hasUserVoted(db, ctx.step.id, request.user.id) : false;
  // An account that may vote gets the ballot (to replace theirs when allowed); code holders get it after their code.
  const ballot = forms.ballot ?? (accounts && p.can.vote && (!voted || settings.allowChanges) ? { code: null, replacing: voted, values: {}, errors: {} } : null);
  if (forms.ballot || ballot) reply.header('cache-control', 'no-store');
  return render(
    request,
    reply,
    'votation/show',
    {
      title: ctx.step.title,
      ...ctx,
      missing: p.missing,
      settings,
      votation: row,
      results: ctx.state === 'closed' ? resultsOf(row) : null,
      questions,
      voted,
      ballot,
      codeForm: !accounts && ctx.state === 'open' && !forms.ballot ? (forms.code ?? { values: {}, errors: {} }) : null,
      lookup: forms.lookup ?? { values: {}, errors: {} },
      fieldOf,
      formatReceipt,
      base: `/votation/${ctx.step.id}`,
      adminPath: request.user?.role === 'admin' ? `/votation/${ctx.step.id}/admin` : null,
    },
    { status },
  );
}

export async function showVotation(request: FastifyRequest<{ Params: StepParams }>, reply: FastifyReply) {
  return renderVotation(request, reply, loadVotation(request, request.params.stepId));
}

/** The plain-language page on what the secret ballot protects against, and what it does not. */
export async function showSecrecy(request: FastifyRequest<{ Params: StepParams }>, reply: FastifyReply) {
  const ctx = loadVotation(request, request.params.stepId);
  return render(request, reply, 'votation/secrecy', { title: request.t('votation.secrecy.title'), ...ctx, base: `/votation/${ctx.step.id}` });
}
