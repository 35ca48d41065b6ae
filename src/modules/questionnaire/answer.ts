// Answering, page by page: GET a page (from the draft), POST a page (next, previous, save the
// draft, review: validated on the server, 422 with the errors beside the questions), the htmx
// preview that shows dependent questions at once, the review page and the submission.
import type { FastifyReply, FastifyRequest } from 'fastify';
import { HttpError } from '../../platform/http.ts';
import { setFlash } from '../../platform/flash.ts';
import { text } from '../../platform/forms.ts';
import { storeAnswerFile } from '../../platform/questions/files.ts';
import type { Answers, FormValues } from '../../platform/questions/types.ts';
import { loadQuestionnaire, respondentOf, setTokenCookie, settingsOf, type StepParams } from './guards.ts';
import { findDraft, findSubmitted, listQuestions, parseAnswers, tokenSubmitted } from './queries.ts';
import { saveDraft } from './writes.ts';
import { firstIncomplete, flowOf, nextPage, pageIndex, previousPage, readPage } from './pages.ts';
import { renderPage, renderReview } from './answer-views.ts';

type PageQuery = { page?: string };
const GOES = ['next', 'previous', 'save', 'review'] as const;

/** The respondent, their draft and answers, refusing those who already answered once. */
function start(request: FastifyRequest<{ Params: StepParams }>) {
  const ctx = loadQuestionnaire(request, request.params.stepId);
  const settings = settingsOf(ctx);
  const who = respondentOf(request, ctx, settings);
  const db = request.server.db;
  const questions = listQuestions(db, ctx.step.id);
  if (questions.length === 0) throw new HttpError(404, 'questionnaire.refused.empty');
  const draft = findDraft(db, ctx.step.id, who);
  if (!draft && who.userId !== null && !settings.several_responses && findSubmitted(db, ctx.step.id, who.userId)) throw new HttpError(403, 'questionnaire.refused.already');
  if (!draft && who.token && tokenSubmitted(db, ctx.step.id, who.token)) throw new HttpError(403, 'questionnaire.refused.token_used');
  return { ctx, settings, who, db, questions, draft, answers: parseAnswers(draft) };
}

export async function showPage(request: FastifyRequest<{ Params: StepParams; Querystring: PageQuery }>, reply: FastifyReply) {
  const s = start(request);
  const flow = flowOf(s.questions, s.answers);
  const n = pageIndex(flow, request.query.page) ?? pageIndex(flow, String(s.draft?.page ?? '')) ?? flow.visible[0]!;
  return renderPage(request, reply, s, flow, n, null, {});
}

export async function postPage(request: FastifyRequest<{ Params: StepParams }>, reply: FastifyReply) {
  const s = start(request);
  const body = (request.body ?? {}) as FormValues;
  const go = GOES.find((g) => g === text(body, 'go'));
  const before = flowOf(s.questions, s.answers);
  const n = pageIndex(before, text(body, 'page'));
  if (!go || n === null) throw new HttpError(400, 'errors.400.text');
  const page = before.pages[n]!;
  const { answers, errors } = readPage(s.questions, page, s.answers, body, request.upload);
  const blocking = go === 'next' || go === 'review';
  if (blocking && Object.keys(errors).length) return renderPage(request, reply, s, flowOf(s.questions, answers), n, body, errors, 422);
  await keepFile(request, page.questions, answers);
  const flow = flowOf(s.questions, answers);
  // Without JavaScript, a question this page's answers just revealed is shown before moving on.
  const revealed = blocking && page.questions.some((q) => flow.shown.has(q.id) && !before.shown.has(q.id) && answers[q.id] === undefined);
  const target = revealed ? n : go === 'next' ? nextPage(flow, n) : go === 'previous' ? previousPage(flow, n) : n;
  const saved = saveDraft(s.db, s.ctx.step.id, s.who, s.draft, answers, target ?? n, { single: !s.settings.several_responses });
  if (s.who.userId === null && !s.draft) setTokenCookie(request, reply, s.ctx.step.id, saved.token);
  const base = `/questionnaire/${s.ctx.step.id}`;
  if (go === 'save') {
    setFlash(reply, 'questionnaire.flash.draft_saved');
    return reply.redirect(`${base}/answer?page=${n}`, 303);
  }
  if (revealed) return reply.redirect(`${base}/answer?page=${n}#questionnaire-page`, 303);
  if (go === 'review' || target === null) return reply.redirect(`${base}/review`, 303);
  return reply.redirect(`${base}/answer?page=${target}#questionnaire-page`, 303);
}

/** A file answer just checked is written to the private folder, and the answer names it. */
async function keepFile(request: FastifyRequest, onPage: { id: number; type: string }[], answers: Answers): Promise<void> {
  const q = onPage.find((x) => x.type === 'file');
  const a = q && answers[q.id];
  if (a && typeof a === 'object' && 'stored' in a && a.stored === '' && request.upload?.file) answers[q.id] = { ...a, stored: await storeAnswerFile(request.server.config.dataDir, request.upload.file, a.kind) };
}

/** htmx: the page's questions again, with those whose conditions now hold (no errors, nothing saved). */
export async function previewPage(request: FastifyRequest<{ Params: StepParams }>, reply: FastifyReply) {
  const s = start(request);
  const body = (request.body ?? {}) as FormValues;
  const before = flowOf(s.questions, s.answers);
  const n = pageIndex(before, text(body, 'page'));
  if (n === null) throw new HttpError(400, 'errors.400.text');
  const { answers } = readPage(s.questions, before.pages[n]!, s.answers, body);
  const after = flowOf(s.questions, answers);
  const now = before.pages[n]!.questions.filter((q) => after.shown.has(q.id)).map((q) => q.id).join(',');
  // Nothing appears or disappears: no swap, so the errors shown stay beside their questions.
  if (now === text(body, 'shown')) return reply.code(204).send();
  return renderPage(request, reply, { ...s, answers }, after, n, body, {}, 200, true);
}

export async function showReview(request: FastifyRequest<{ Params: StepParams }>, reply: FastifyReply) {
  const s = start(request);
  if (!s.draft) return reply.redirect(`/questionnaire/${s.ctx.step.id}/answer`, 303);
  return renderReview(request, reply, s);
}

export type Started = ReturnType<typeof start>;
export { start };
