// The results page (public when the step says so, always for administrators): every question
// from the counters of one segment (everyone, or one district), private questions only for
// administrators; and a question's free-text answers, page by page, searchable.
import type { FastifyReply, FastifyRequest } from 'fastify';
import { render } from '../../platform/render.ts';
import { notFound } from '../../platform/http.ts';
import { parseId } from '../../platform/forms.ts';
import { assertCanSeeResults, loadQuestion, loadQuestionnaire, settingsOf, type QuestionParams, type StepParams } from './guards.ts';
import { findQuestionnaire, listQuestions, listSegments, listTexts, loadCounts, segmentRespondents } from './queries.ts';
import { questionResult } from './results-model.ts';
import { TEXT_TYPES } from './rules.ts';
import { cachedResults } from './results-cache.ts';

type ResultsQuery = { segment?: string };
type TextsQuery = ResultsQuery & { q?: string; before?: string };

const parseSegment = (raw: unknown) => (typeof raw === 'string' && /^d\d{1,9}$/.test(raw) ? raw : '');

export async function showResults(request: FastifyRequest<{ Params: StepParams; Querystring: ResultsQuery }>, reply: FastifyReply) {
  const ctx = loadQuestionnaire(request, request.params.stepId);
  assertCanSeeResults(request, settingsOf(ctx));
  const db = request.server.db;
  const admin = request.user?.role === 'admin';
  const segments = listSegments(db, ctx.step.id);
  const segment = segments.some((s) => s.segment === parseSegment(request.query.segment)) ? parseSegment(request.query.segment) : '';
  const base = `/questionnaire/${ctx.step.id}`;
  // The list is the same for every reader of this language, segment and role until the counters move.
  const list = cachedResults(db, ctx.step.id, `${request.locale}|${segment}|${admin ? 'admin' : 'public'}`, () => {
    const counts = loadCounts(db, ctx.step.id, segment);
    const none = new Map<string, number>();
    const results = listQuestions(db, ctx.step.id)
      .filter((q) => admin || !q.private)
      .map((q) => (q.type === 'section' ? { section: q } : { result: questionResult(q, counts.get(q.id) ?? none, request.t) }));
    return request.server.partial('/questionnaire/_results-list', { t: request.t, fmt: request.fmt, partial: request.server.partial, base, segment, results });
  });
  return render(
    request,
    reply,
    'questionnaire/results',
    {
      title: request.t('questionnaire.results.title', { title: ctx.step.title }),
      ...ctx,
      base,
      list,
      respondents: segment ? segmentRespondents(db, ctx.step.id, segment) : findQuestionnaire(db, ctx.step.id).responses_count,
      segments,
      segment,
    },
    { cache: false },
  );
}

export async function showTexts(request: FastifyRequest<{ Params: QuestionParams; Querystring: TextsQuery }>, reply: FastifyReply) {
  const ctx = loadQuestionnaire(request, request.params.stepId);
  assertCanSeeResults(request, settingsOf(ctx));
  const q = loadQuestion(request, ctx, request.params.questionId);
  const admin = request.user?.role === 'admin';
  if ((q.private && !admin) || !(TEXT_TYPES.has(q.type) || (q.type === 'multiple' && q.config.other))) throw notFound();
  const search = typeof request.query.q === 'string' ? request.query.q.trim().slice(0, 100) : '';
  const segment = parseSegment(request.query.segment);
  const before = parseId(request.query.before) ?? Number.MAX_SAFE_INTEGER;
  const page = listTexts(request.server.db, { questionId: q.id, segment, search, before });
  const base = `/questionnaire/${ctx.step.id}`;
  const params = (o: Record<string, string>) => new URLSearchParams(Object.entries({ q: search, segment, ...o }).filter(([, v]) => v !== '')).toString();
  return render(
    request,
    reply,
    'questionnaire/texts',
    {
      title: request.t('questionnaire.texts.title', { title: q.title }),
      ...ctx,
      base,
      q,
      search,
      segment,
      texts: page.texts,
      nextUrl: page.next === null ? null : `${base}/results/${q.id}?${params({ before: String(page.next) })}`,
      firstUrl: request.query.before ? `${base}/results/${q.id}?${params({})}` : null,
    },
    { cache: false, fragment: 'questionnaire/_texts' },
  );
}
