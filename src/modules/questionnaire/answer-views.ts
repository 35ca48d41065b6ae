// Rendering the answering pages: a page of questions (with its progress, its buttons, and for
// htmx only its questions), and the review page listing every visible answer before submission.
import type { FastifyReply, FastifyRequest } from 'fastify';
import { render } from '../../platform/render.ts';
import type { FormErrors } from '../../platform/forms.ts';
import { answerValues } from '../../platform/questions/answers.ts';
import { answerText, gradeLabels } from '../../platform/questions/format.ts';
import { visibleIds } from '../../platform/questions/logic.ts';
import type { FormValues, Question } from '../../platform/questions/types.ts';
import type { Started } from './answer.ts';
import { nextPage, previousPage, type Flow } from './pages.ts';

export function renderPage(request: FastifyRequest, reply: FastifyReply, s: Started, flow: Flow, n: number, body: FormValues | null, errors: FormErrors, status = 200, questionsOnly = false) {
  const page = flow.pages[n]!;
  const questions = page.questions.filter((q) => flow.shown.has(q.id));
  const values: FormValues = body ?? Object.assign({}, ...questions.map((q) => answerValues(q, s.answers[q.id])));
  for (const q of questions) if (q.type === 'file' && s.answers[q.id]) values[`q${q.id}_kept`] = '1';
  const step = flow.visible.indexOf(n) + 1;
  const base = `/questionnaire/${s.ctx.step.id}`;
  const data = {
    title: request.t('questionnaire.page.title', { title: s.ctx.step.title, page: step, pages: flow.visible.length }),
    ...s.ctx,
    base,
    n,
    section: page.section,
    questions,
    values,
    errors,
    grades: (q: Question) => gradeLabels(q, request.t),
    labels: Object.fromEntries(questions.map((q) => [`q${q.id}`, q.title])),
    progress: { step, pages: flow.visible.length, pct: Math.round((100 * (step - 1)) / flow.visible.length) },
    hasPrevious: previousPage(flow, n) !== null,
    isLast: nextPage(flow, n) === null,
    drafts: s.settings.drafts,
    multipart: questions.some((q) => q.type === 'file'),
  };
  if (questionsOnly) return render(request, reply, 'questionnaire/_questions', data, { cache: false });
  return render(request, reply, 'questionnaire/page', data, { status, cache: false });
}

export function renderReview(request: FastifyRequest, reply: FastifyReply, s: Started, errors: FormErrors = {}, status = 200) {
  const shown = visibleIds(s.questions, s.answers);
  const flow = { pages: [] as { n: number; title: string; answers: { title: string; text: string }[] }[] };
  let current: (typeof flow.pages)[number] | null = null;
  let n = -1;
  for (const q of s.questions) {
    if (q.type === 'section' || n === -1) {
      n += 1;
      current = { n, title: q.type === 'section' ? q.title : '', answers: [] };
      if (shown.has(q.id) || q.type !== 'section') flow.pages.push(current);
      if (q.type === 'section') continue;
    }
    if (shown.has(q.id)) current!.answers.push({ title: q.title, text: answerText(q, s.answers[q.id], request.t) });
  }
  return render(
    request,
    reply,
    'questionnaire/review',
    { title: request.t('questionnaire.review.title', { title: s.ctx.step.title }), ...s.ctx, base: `/questionnaire/${s.ctx.step.id}`, pages: flow.pages.filter((p) => p.answers.length || p.title), errors },
    { status, cache: false },
  );
}
