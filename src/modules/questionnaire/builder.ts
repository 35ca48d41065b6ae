// The builder (administrators only, checked by the route list): the list of questions with
// move up / down buttons (no JavaScript needed), a form per question (its type's settings and
// its rules: show if, jump to a section), and deletion. Once people have answered, a question's
// type and choices are kept as they are: the counters of the results are keyed by them.
import type { FastifyReply, FastifyRequest } from 'fastify';
import { render } from '../../platform/render.ts';
import { HttpError } from '../../platform/http.ts';
import { setFlash } from '../../platform/flash.ts';
import { hasErrors, text, type FormErrors } from '../../platform/forms.ts';
import { checkDefinition, conditionValueIn, conditionValueOut, fromForm, toForm, type Definition } from '../../platform/questions/definition.ts';
import { ruleErrors } from '../../platform/questions/logic.ts';
import { CONDITION_OPS, FILE_KINDS, QUESTION_TYPES, opLabelKey, typeLabelKey, type FormValues, type Question, type QuestionType } from '../../platform/questions/types.ts';
import { loadQuestion, loadQuestionnaire, type QuestionParams, type StepContext, type StepParams } from './guards.ts';
import { findQuestionnaire, listQuestions } from './queries.ts';
import { addQuestion, deleteQuestion, moveQuestion, updateQuestion } from './writes.ts';
import { QUESTIONS_MAX } from './rules.ts';

type Form = { values: FormValues; errors: FormErrors };

function questionPage(request: FastifyRequest, reply: FastifyReply, ctx: StepContext, editing: Question | null, form: Form, status = 200) {
  const questions = listQuestions(request.server.db, ctx.step.id);
  const position = editing ? editing.position : (questions.at(-1)?.position ?? 0) + 1;
  const type = (editing?.type ?? form.values.type) as QuestionType;
  return render(
    request,
    reply,
    'questionnaire/question-form',
    {
      title: request.t(editing ? 'questionnaire.builder.edit_title' : 'questionnaire.builder.new_title', { type: request.t(typeLabelKey(type)) }),
      ...ctx,
      base: `/questionnaire/${ctx.step.id}`,
      editing,
      type,
      ...form,
      // Conditions read earlier questions; jumps lead to later sections.
      earlier: questions.filter((q) => q.type !== 'section' && q.position < position),
      selfAndEarlier: questions.filter((q) => q.type !== 'section' && q.position <= position && q.id !== editing?.id).concat(editing && editing.type !== 'section' ? [editing] : []),
      sections: questions.filter((q) => q.type === 'section' && q.position > position),
      ops: CONDITION_OPS.map((op) => ({ op, label: request.t(opLabelKey(op)) })),
      fileKinds: FILE_KINDS,
    },
    { status },
  );
}

const formOf = (q: Question, all: Question[]): FormValues => {
  const v = toForm(q);
  const ref = (id: string | string[] | undefined) => all.find((o) => String(o.id) === id);
  if (q.showIf[0]) v.show_if_value = conditionValueOut(ref(v.show_if_question), q.showIf[0].value);
  if (q.jump) v.jump_value = conditionValueOut(ref(v.jump_question), q.jump.when.value);
  return v;
};

export async function newQuestion(request: FastifyRequest<{ Params: StepParams; Querystring: { type?: string } }>, reply: FastifyReply) {
  const ctx = loadQuestionnaire(request, request.params.stepId);
  const type = QUESTION_TYPES.find((x) => x === request.query.type);
  if (!type) throw new HttpError(400, 'errors.400.text');
  return questionPage(request, reply, ctx, null, { values: { type, ...(type === 'scale' ? { min: '0', max: '10' } : {}) }, errors: {} });
}

export async function editQuestion(request: FastifyRequest<{ Params: QuestionParams }>, reply: FastifyReply) {
  const ctx = loadQuestionnaire(request, request.params.stepId);
  const q = loadQuestion(request, ctx, request.params.questionId);
  return questionPage(request, reply, ctx, q, { values: formOf(q, listQuestions(request.server.db, ctx.step.id)), errors: {} });
}

/** The form's definition with its rules checked against the other questions. */
function readDefinition(body: FormValues, all: Question[], position: number, fixedType?: QuestionType): { def: Definition; errors: FormErrors } {
  const errors: FormErrors = {};
  const input = fromForm(fixedType ? { ...body, type: fixedType } : body);
  const def = checkDefinition(input, errors);
  // Condition values are typed as labels (an option, oui / non): stored as what answers hold.
  const convert = (c: { question: number; op: Definition['showIf'][number]['op']; value: string }, field: string) => {
    const ref = all.find((o) => o.id === c.question);
    const value = ref ? conditionValueIn(ref, c.value, c.op) : null;
    if (value === null) errors[field] = { key: 'questionnaire.builder.errors.condition_value' };
    return { ...c, value: value ?? c.value };
  };
  def.showIf = def.showIf.map((c) => convert(c, 'show_if_value'));
  if (def.jump) def.jump = { ...def.jump, when: convert(def.jump.when, 'jump_value') };
  const showIfError = ruleErrors(all, { position, showIf: def.showIf, jump: null });
  if (showIfError) errors.show_if_question = { key: showIfError };
  const jumpError = ruleErrors(all, { position, showIf: [], jump: def.jump });
  if (jumpError) errors.jump_question = { key: jumpError };
  return { def, errors };
}

export async function createQuestion(request: FastifyRequest<{ Params: StepParams }>, reply: FastifyReply) {
  const ctx = loadQuestionnaire(request, request.params.stepId);
  const db = request.server.db;
  const all = listQuestions(db, ctx.step.id);
  const body = (request.body ?? {}) as FormValues;
  if (!QUESTION_TYPES.includes(text(body, 'type') as QuestionType)) throw new HttpError(400, 'errors.400.text');
  if (all.length >= QUESTIONS_MAX) throw new HttpError(422, 'questionnaire.builder.errors.too_many');
  const { def, errors } = readDefinition(body, all, (all.at(-1)?.position ?? 0) + 1);
  if (hasErrors(errors)) return questionPage(request, reply, ctx, null, { values: body, errors }, 422);
  const id = addQuestion(db, ctx.step.id, def);
  setFlash(reply, 'questionnaire.flash.question_added');
  return reply.redirect(`/questionnaire/${ctx.step.id}/admin#question-${id}`, 303);
}

export async function saveQuestion(request: FastifyRequest<{ Params: QuestionParams }>, reply: FastifyReply) {
  const ctx = loadQuestionnaire(request, request.params.stepId);
  const q = loadQuestion(request, ctx, request.params.questionId);
  const db = request.server.db;
  const body = (request.body ?? {}) as FormValues;
  const { def, errors } = readDefinition(body, listQuestions(db, ctx.step.id), q.position, q.type);
  // The form edits the first condition; more (from an imported file) are kept as they are.
  if (def.showIf.length) def.showIf.push(...q.showIf.slice(1));
  // Results are counted by option index: once answered, the choices stay as they are.
  if (findQuestionnaire(db, ctx.step.id).responses_count > 0 && JSON.stringify(def.config) !== JSON.stringify(q.config)) errors.title = { key: 'questionnaire.builder.errors.locked' };
  if (hasErrors(errors)) return questionPage(request, reply, ctx, q, { values: { ...body, type: q.type }, errors }, 422);
  updateQuestion(db, ctx.step.id, q.id, def);
  setFlash(reply, 'questionnaire.flash.question_saved');
  return reply.redirect(`/questionnaire/${ctx.step.id}/admin#question-${q.id}`, 303);
}

export async function removeQuestion(request: FastifyRequest<{ Params: QuestionParams }>, reply: FastifyReply) {
  const ctx = loadQuestionnaire(request, request.params.stepId);
  const q = loadQuestion(request, ctx, request.params.questionId);
  deleteQuestion(request.server.db, ctx.step.id, q.id);
  setFlash(reply, 'questionnaire.flash.question_deleted');
  return reply.redirect(`/questionnaire/${ctx.step.id}/admin#questionnaire-questions`, 303);
}

export async function moveQuestionHandler(request: FastifyRequest<{ Params: QuestionParams }>, reply: FastifyReply) {
  const ctx = loadQuestionnaire(request, request.params.stepId);
  const q = loadQuestion(request, ctx, request.params.questionId);
  const direction = text(request.body, 'direction');
  if (direction !== 'up' && direction !== 'down') throw new HttpError(400, 'errors.400.text');
  if (moveQuestion(request.server.db, ctx.step.id, q.id, direction === 'up' ? -1 : 1) === 'rules') setFlash(reply, 'questionnaire.flash.move_refused');
  // Back to the moved question: its buttons keep their ids, so keyboard users carry on.
  return reply.redirect(`/questionnaire/${ctx.step.id}/admin#move-${direction}-${q.id}`, 303);
}
