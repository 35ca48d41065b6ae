// The loaders of the votation's routes: the step of the URL (through the platform's gate), its
// questions and seal, and who is voting: an account (the gate, action 'vote') or the holder of
// an access code of the electoral roll (the step must be open; code entries are rate-limited).
import type { FastifyRequest } from 'fastify';
import { assertCanParticipate, loadVisibleStep, type StepContext } from '../../platform/gate.ts';
import { HttpError } from '../../platform/http.ts';
import { settingsWithDefaults } from '../../platform/step-settings.ts';
import type { FailureLimit } from '../../platform/rate-limits.ts';
import { text } from '../../platform/forms.ts';
import { findRollVoter, findVotation, hasUserVoted, listQuestions } from './queries.ts';
import { sealVotation, type Voter } from './writes.ts';
import { codeHash, normalizeCode, votationKey } from './codes.ts';
import { SETTINGS } from './rules.ts';
import type { FileHead } from './ballot-file.ts';

export type { StepContext };
export type StepParams = { stepId: string };

export const loadVotation = (request: FastifyRequest, rawId: unknown): StepContext => loadVisibleStep(request, rawId, 'votation');

export function settingsOf(ctx: StepContext) {
  const s = settingsWithDefaults(SETTINGS, ctx.step.settings);
  return { electorate: s.electorate === 'roll' ? ('roll' as const) : ('accounts' as const), allowChanges: s.allow_changes === true };
}

export const headOf = (request: FastifyRequest, ctx: StepContext): FileHead => ({ step: { id: ctx.step.id, title: ctx.step.title }, questions: listQuestions(request.server.db, ctx.step.id) });

/** The step's row, sealed first when the step is closed (once: the hash and results are kept). */
export function votationOf(request: FastifyRequest, ctx: StepContext) {
  const db = request.server.db;
  let row = findVotation(db, ctx.step.id);
  if (ctx.state === 'closed' && !row.sealed_at) {
    sealVotation(db, headOf(request, ctx));
    row = findVotation(db, ctx.step.id);
  }
  return row;
}

/** Who votes with this request, and whether they already did; a wrong code counts as a failure. */
export async function loadVoter(request: FastifyRequest, ctx: StepContext, codeLimit: FailureLimit): Promise<{ voter: Voter; voted: boolean; code: string | null }> {
  const db = request.server.db;
  if (settingsOf(ctx).electorate === 'accounts') {
    const user = assertCanParticipate(request, ctx, 'vote');
    return { voter: { userId: user.id }, voted: hasUserVoted(db, ctx.step.id, user.id), code: null };
  }
  if (ctx.state !== 'open') throw new HttpError(403, 'participation.closed');
  await codeLimit.check(request);
  const code = normalizeCode(text(request.body, 'code'));
  const entry = code === null ? undefined : findRollVoter(db, ctx.step.id, codeHash(votationKey(request.server.config.dataDir), ctx.step.id, code));
  if (!entry) {
    await codeLimit.fail(request);
    throw new CodeRefused();
  }
  return { voter: { rollId: entry.id }, voted: entry.voted === 1, code: text(request.body, 'code') };
}

/** A code that opens no ballot: the page says so (422) without saying whether it exists elsewhere. */
export class CodeRefused extends Error {}
