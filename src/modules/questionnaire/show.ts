// The questionnaire's own page: its presentation, how long it is, and for this person the way
// in (start, resume their draft, or change their response while the step allows it), the
// results when they are public, and for administrators the builder.
import type { FastifyReply, FastifyRequest } from 'fastify';
import { render } from '../../platform/render.ts';
import { HttpError } from '../../platform/http.ts';
import { assertCanParticipate } from '../../platform/gate.ts';
import { splitPages } from '../../platform/questions/logic.ts';
import { answeringOf, loadQuestionnaire, settingsOf, tokenCookie, type StepParams } from './guards.ts';
import { findDraft, findQuestionnaire, findSubmitted, listQuestions, type Respondent } from './queries.ts';
import { saveDraft } from './writes.ts';

export async function showQuestionnaire(request: FastifyRequest<{ Params: StepParams }>, reply: FastifyReply) {
  const ctx = loadQuestionnaire(request, request.params.stepId);
  const settings = settingsOf(ctx);
  const db = request.server.db;
  const questions = listQuestions(db, ctx.step.id);
  const { canAnswer, missing } = answeringOf(request, ctx, settings);
  const who: Respondent | null = request.user ? { userId: request.user.id, token: null } : settings.anonymous ? { userId: null, token: request.cookies[tokenCookie(ctx.step.id)] ?? null } : null;
  const draft = who ? findDraft(db, ctx.step.id, who) : undefined;
  const submitted = request.user ? findSubmitted(db, ctx.step.id, request.user.id) : undefined;
  const base = `/questionnaire/${ctx.step.id}`;
  return render(
    request,
    reply,
    'questionnaire/show',
    {
      title: ctx.step.title,
      ...ctx,
      base,
      canAnswer: canAnswer && questions.length > 0,
      missing,
      draft,
      submitted,
      // One response per person: answered once, the way in is to change it (where allowed).
      answered: !!submitted && !settings.several_responses,
      canEdit: !!submitted && !settings.several_responses && settings.editable && ctx.state === 'open' && !draft,
      anonymous: settings.anonymous && !request.user,
      questionsCount: questions.filter((q) => q.type !== 'section').length,
      pagesCount: splitPages(questions).length,
      responses: findQuestionnaire(db, ctx.step.id).responses_count,
      resultsPath: settings.public_results || request.user?.role === 'admin' ? `${base}/results` : null,
      adminPath: request.user?.role === 'admin' ? `${base}/admin` : null,
    },
    { cache: false },
  );
}

/** Changes allowed until the close: a draft holding the submitted answers, which replaces them when submitted. */
export async function editResponse(request: FastifyRequest<{ Params: StepParams }>, reply: FastifyReply) {
  const ctx = loadQuestionnaire(request, request.params.stepId);
  const settings = settingsOf(ctx);
  const user = assertCanParticipate(request, ctx, 'answer');
  if (!settings.editable || settings.several_responses) throw new HttpError(403, 'questionnaire.refused.not_editable');
  const db = request.server.db;
  const submitted = findSubmitted(db, ctx.step.id, user.id);
  if (!submitted) throw new HttpError(404, 'errors.404.text');
  const who = { userId: user.id, token: null };
  if (!findDraft(db, ctx.step.id, who)) saveDraft(db, ctx.step.id, who, undefined, JSON.parse(submitted.answers), 0, { single: true, replaces: submitted.id });
  return reply.redirect(`/questionnaire/${ctx.step.id}/answer`, 303);
}
