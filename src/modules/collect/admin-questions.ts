// The proposal form's custom questions (administrators only): short text, long text, single
// choice, multiple choice and number, defined and checked by the platform's form engine
// (questions/definition.ts), edited, deleted and moved up or down with plain forms.
import type { FastifyReply, FastifyRequest } from 'fastify';
import { render } from '../../platform/render.ts';
import { HttpError, notFound } from '../../platform/http.ts';
import { setFlash } from '../../platform/flash.ts';
import { parseId, text, hasErrors, type FormErrors } from '../../platform/forms.ts';
import { checkDefinition, fromForm, toForm, type Definition } from '../../platform/questions/definition.ts';
import type { FormValues } from '../../platform/questions/types.ts';
import { loadCollect, type StepContext, type StepParams } from './guards.ts';
import { listQuestions } from './queries.ts';
import { createQuestion, deleteQuestion, moveQuestion, updateQuestion } from './admin-writes.ts';
import { adminPage } from './admin.ts';
import { QUESTION_KINDS } from './rules.ts';

type QuestionParams = StepParams & { questionId: string };

function readQuestion(body: unknown): { values: FormValues; errors: FormErrors; definition: Definition } {
  const b = (body ?? {}) as Record<string, unknown>;
  const values: FormValues = {};
  for (const [k, v] of Object.entries(b)) if (typeof v === 'string' && k !== '_csrf') values[k] = v;
  const errors: FormErrors = {};
  const definition = checkDefinition(fromForm(values), errors);
  if (!(QUESTION_KINDS as readonly string[]).includes(text(body, 'type'))) errors.type = { key: 'forms.invalid_choice' };
  return { values, errors, definition };
}

export async function postQuestion(request: FastifyRequest<{ Params: StepParams }>, reply: FastifyReply) {
  const ctx = loadCollect(request, request.params.stepId);
  const q = readQuestion(request.body);
  if (hasErrors(q.errors)) return adminPage(request, reply, ctx, { question: q }, 422);
  createQuestion(request.server.db, ctx.step.id, q.definition);
  setFlash(reply, 'collect.flash.question_saved');
  return reply.redirect(`/collect/${ctx.step.id}/admin#questions`, 303);
}

function loadQuestion(request: FastifyRequest<{ Params: QuestionParams }>) {
  const ctx = loadCollect(request, request.params.stepId);
  const id = parseId(request.params.questionId);
  const question = listQuestions(request.server.db, ctx.step.id).find((q) => q.id === id);
  if (!question) throw notFound();
  return { ctx, question };
}

function renderQuestion(request: FastifyRequest, reply: FastifyReply, ctx: StepContext, id: number, form: { values: FormValues; errors: FormErrors }, status = 200) {
  return render(request, reply, 'collect/admin-question', { title: request.t('collect.admin.questions.edit_title'), ...ctx, questionId: id, question: form, kinds: QUESTION_KINDS }, { status });
}

export async function editQuestion(request: FastifyRequest<{ Params: QuestionParams }>, reply: FastifyReply) {
  const { ctx, question } = loadQuestion(request);
  return renderQuestion(request, reply, ctx, question.id, { values: toForm(question), errors: {} });
}

export async function saveQuestion(request: FastifyRequest<{ Params: QuestionParams }>, reply: FastifyReply) {
  const { ctx, question } = loadQuestion(request);
  const q = readQuestion(request.body);
  if (hasErrors(q.errors)) return renderQuestion(request, reply, ctx, question.id, q, 422);
  updateQuestion(request.server.db, ctx.step.id, question.id, q.definition);
  setFlash(reply, 'collect.flash.question_saved');
  return reply.redirect(`/collect/${ctx.step.id}/admin#questions`, 303);
}

export async function removeQuestion(request: FastifyRequest<{ Params: QuestionParams }>, reply: FastifyReply) {
  const { ctx, question } = loadQuestion(request);
  deleteQuestion(request.server.db, ctx.step.id, question.id);
  setFlash(reply, 'collect.flash.question_deleted');
  return reply.redirect(`/collect/${ctx.step.id}/admin#questions`, 303);
}

export async function shiftQuestion(request: FastifyRequest<{ Params: QuestionParams }>, reply: FastifyReply) {
  const { ctx, question } = loadQuestion(request);
  const direction = text(request.body, 'direction');
  if (direction !== 'up' && direction !== 'down') throw new HttpError(400, 'forms.invalid_choice');
  moveQuestion(request.server.db, ctx.step.id, question.id, direction);
  return reply.redirect(`/collect/${ctx.step.id}/admin#question-${question.id}`, 303);
}
