// The loaders of the questionnaire's routes: the step of the URL through the platform's gate,
// its settings, a question looked up within it (else 404), and who answers: an account through
// the gate (action 'answer'), or, where the step allows it, an anonymous person known by the
// one-time token of their draft, kept in a cookie scoped to the step.
import type { FastifyReply, FastifyRequest } from 'fastify';
import { HttpError, notFound } from '../../platform/http.ts';
import { parseId } from '../../platform/forms.ts';
import { assertCanParticipate, loadVisibleStep, participation, type StepContext } from '../../platform/gate.ts';
import { settingsWithDefaults } from '../../platform/step-settings.ts';
import { readSync } from '../../db/write.ts';
import { listQuestions, type Respondent } from './queries.ts';
import { SETTINGS, type Settings } from './rules.ts';

export type { StepContext };
export type StepParams = { stepId: string };
export type QuestionParams = { stepId: string; questionId: string };

export const loadQuestionnaire = (request: FastifyRequest, rawId: unknown): StepContext => loadVisibleStep(request, rawId, 'questionnaire');
export const settingsOf = (ctx: StepContext): Settings => settingsWithDefaults(SETTINGS, ctx.step.settings) as Settings;

/** A question of this step (a forged id from another step gives a 404). */
export function loadQuestion(request: FastifyRequest, ctx: StepContext, rawId: unknown) {
  const id = parseId(rawId);
  const q = id === null ? undefined : listQuestions(request.server.db, ctx.step.id).find((x) => x.id === id);
  if (!q) throw notFound();
  return q;
}

export const tokenCookie = (stepId: number) => `qn${stepId}`;
const cookiePath = (stepId: number) => `/questionnaire/${stepId}`;

/**
 * Who answers. An account goes through the gate; without one, where anonymous answers are
 * allowed, the step must be open (the gate is for accounts) and the token names the draft.
 */
export function respondentOf(request: FastifyRequest, ctx: StepContext, settings: Settings): Respondent {
  if (request.user || !settings.anonymous) return { userId: assertCanParticipate(request, ctx, 'answer').id, token: null };
  if (ctx.state !== 'open') throw new HttpError(403, 'participation.closed');
  const token = request.cookies[tokenCookie(ctx.step.id)];
  return { userId: null, token: token && /^[\w-]{20,40}$/.test(token) ? token : null };
}

export function setTokenCookie(request: FastifyRequest, reply: FastifyReply, stepId: number, token: string | null): void {
  if (token === null) reply.clearCookie(tokenCookie(stepId), { path: cookiePath(stepId) });
  else reply.setCookie(tokenCookie(stepId), token, { path: cookiePath(stepId), httpOnly: true, sameSite: 'lax', maxAge: 90 * 24 * 3600, secure: request.server.config.secure });
}

/** Whether the page offers to answer, and what the person still lacks (accounts only). */
export function answeringOf(request: FastifyRequest, ctx: StepContext, settings: Settings) {
  if (!request.user && settings.anonymous) return { canAnswer: ctx.state === 'open', missing: [] };
  const { can, missing } = participation(request, ctx, ['answer']);
  return { canAnswer: can.answer, missing };
}

/** The district the respondent gave on their account, for the results' filter. */
export function districtOf(request: FastifyRequest, who: Respondent): number | null {
  if (who.userId === null) return null;
  const db = request.server.db;
  return readSync(db).first(db.selectFrom('users').select('district_id').where('id', '=', who.userId))?.district_id ?? null;
}

/** Results are public when the step says so; administrators always see them. */
export function assertCanSeeResults(request: FastifyRequest, settings: Settings): void {
  if (!settings.public_results && request.user?.role !== 'admin') throw new HttpError(403, 'questionnaire.results.private');
}
