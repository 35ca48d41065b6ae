// Every write of the questionnaire, each one synchronous transaction: the builder's questions
// (added, changed, moved, deleted, imported), drafts, and the submission, which writes the
// response, its free-text answers and every counter it moves (for everyone and for the
// respondent's district) together, so results never need to read the responses.
import { sql } from 'kysely';
import crypto from 'node:crypto';
import type { Statement } from 'better-sqlite3';
import type { Db } from '../../db/open.ts';
import { write, writeSoon, type Tx } from '../../db/write.ts';
import { recordParticipation, type Step } from '../../platform/participation.ts';
import { isUniqueViolation } from '../../platform/users.ts';
import type { Definition } from '../../platform/questions/definition.ts';
import { questionColumns } from '../../platform/questions/storage.ts';
import type { Answers, Question } from '../../platform/questions/types.ts';
import { ruleErrors } from '../../platform/questions/logic.ts';
import { forgetQuestions, listQuestions, type Respondent, type ResponseRow } from './queries.ts';
import { responseSlots, segmentOf, TEXT_TYPES } from './rules.ts';
import { bumpResults } from './results-cache.ts';

type StepRef = Pick<Step, 'id' | 'project_id'>;

function ensureQuestionnaire(db: Db, tx: Tx, stepId: number): void {
  tx.run(db.insertInto('questionnaire_steps').values({ step_id: stepId }).onConflict((oc) => oc.doNothing()));
}

function countQuestions(db: Db, tx: Tx, stepId: number): void {
  ensureQuestionnaire(db, tx, stepId);
  const n = tx.first(db.selectFrom('questionnaire_questions').select((eb) => eb.fn.countAll<number>().as('n')).where('step_id', '=', stepId))!.n;
  tx.run(db.updateTable('questionnaire_steps').set({ questions_count: n }).where('step_id', '=', stepId));
}

/** Adds a question at the end; gives its id. */
export function addQuestion(db: Db, stepId: number, d: Definition): number {
  const id = write(db, (tx) => {
    const last = tx.first(db.selectFrom('questionnaire_questions').select((eb) => eb.fn.max('position').as('p')).where('step_id', '=', stepId));
    const id = tx.run(db.insertInto('questionnaire_questions').values({ step_id: stepId, position: Number(last?.p ?? 0) + 1, ...questionColumns(d) })).lastInsertRowid;
    countQuestions(db, tx, stepId);
    return id;
  });
  forgetQuestions(db, stepId);
  return id;
}

export function updateQuestion(db: Db, stepId: number, id: number, d: Definition): void {
  write(db, (tx) => tx.run(db.updateTable('questionnaire_questions').set(questionColumns(d)).where('id', '=', id).where('step_id', '=', stepId)));
  forgetQuestions(db, stepId);
}

/** Deletes a question, its counters and texts, and the rules of other questions that read it. */
export function deleteQuestion(db: Db, stepId: number, id: number): void {
  const others = listQuestions(db, stepId).filter((q) => q.id !== id);
  write(db, (tx) => {
    tx.run(db.deleteFrom('questionnaire_counts').where('step_id', '=', stepId).where('question_id', '=', id));
    tx.run(db.deleteFrom('questionnaire_questions').where('id', '=', id).where('step_id', '=', stepId));
    for (const q of others) {
      const showIf = q.showIf.filter((c) => c.question !== id);
      const jump = q.jump && (q.jump.when.question === id || q.jump.to === id) ? null : q.jump;
      if (showIf.length !== q.showIf.length || jump !== q.jump) tx.run(db.updateTable('questionnaire_questions').set({ show_if: JSON.stringify(showIf), jump: jump ? JSON.stringify(jump) : null }).where('id', '=', q.id));
    }
    countQuestions(db, tx, stepId);
  });
  forgetQuestions(db, stepId);
}

/**
 * Swaps a question with its neighbour above (-1) or below (+1). 'end' at either end; 'rules' when
 * the move would put a condition before the question it reads, or a jump after its section.
 */
export function moveQuestion(db: Db, stepId: number, id: number, direction: -1 | 1): 'moved' | 'end' | 'rules' {
  const questions = listQuestions(db, stepId);
  const i = questions.findIndex((q) => q.id === id);
  const j = i + direction;
  if (i < 0 || j < 0 || j >= questions.length) return 'end';
  // Positions are rewritten 1..n so that two questions never share one.
  const order = [...questions];
  [order[i], order[j]] = [order[j]!, order[i]!];
  const moved = order.map((q, k) => ({ ...q, position: k + 1 }));
  if (moved.some((q) => ruleErrors(moved, q) !== null)) return 'rules';
  write(db, (tx) => moved.forEach((q) => tx.run(db.updateTable('questionnaire_questions').set({ position: q.position }).where('id', '=', q.id))));
  forgetQuestions(db, stepId);
  return 'moved';
}

/**
 * Replaces every question by these (an import or a template): conditions and jumps name the
 * file's own ids, rewritten to the new ones. Only while nobody has answered (checked by the caller).
 */
export function replaceQuestions(db: Db, stepId: number, items: { ref: number; def: Definition }[]): void {
  write(db, (tx) => {
    tx.run(db.deleteFrom('questionnaire_questions').where('step_id', '=', stepId));
    const ids = new Map<number, number>();
    items.forEach((it, k) => ids.set(it.ref, tx.run(db.insertInto('questionnaire_questions').values({ step_id: stepId, position: k + 1, ...questionColumns({ ...it.def, showIf: [], jump: null }) })).lastInsertRowid));
    for (const it of items) {
      const map = (ref: number) => ids.get(ref) ?? 0;
      const showIf = it.def.showIf.map((c) => ({ ...c, question: map(c.question) }));
      const jump = it.def.jump ? { when: { ...it.def.jump.when, question: map(it.def.jump.when.question) }, to: it.def.jump.to === 0 ? 0 : map(it.def.jump.to) } : null;
      if (showIf.length || jump) tx.run(db.updateTable('questionnaire_questions').set({ show_if: JSON.stringify(showIf), jump: jump ? JSON.stringify(jump) : null }).where('id', '=', ids.get(it.ref)!));
    }
    countQuestions(db, tx, stepId);
  });
  forgetQuestions(db, stepId);
}

export const newToken = () => crypto.randomBytes(18).toString('base64url');

/**
 * Saves the respondent's draft (made on their first page). An anonymous person gets a token,
 * returned so the caller can set it in a cookie. `replaces`: the submitted response it edits.
 */
export function saveDraft(db: Db, stepId: number, who: Respondent, draft: ResponseRow | undefined, answers: Answers, page: number, o: { single: boolean; replaces?: number | null } = { single: true }, now = new Date().toISOString()): { id: number; token: string | null } {
  return write(db, (tx) => {
    const json = JSON.stringify(answers);
    if (draft) {
      tx.run(db.updateTable('questionnaire_responses').set({ answers: json, page, updated_at: now }).where('id', '=', draft.id).where('status', '=', sql.lit('draft')));
      return { id: draft.id, token: who.token };
    }
    const token = who.userId === null ? newToken() : null;
    // Two first pages of one account at once: the second finds the draft the first one made.
    const made = who.userId === null ? undefined : tx.first(db.selectFrom('questionnaire_responses').select('id').where('step_id', '=', stepId).where('user_id', '=', who.userId).where('status', '=', sql.lit('draft')));
    if (made) {
      tx.run(db.updateTable('questionnaire_responses').set({ answers: json, page, updated_at: now }).where('id', '=', made.id));
      return { id: made.id, token: null };
    }
    const id = tx.run(
      db.insertInto('questionnaire_responses').values({ step_id: stepId, user_id: who.userId, token, status: 'draft', single: o.single ? 1 : 0, answers: json, page, replaces: o.replaces ?? null, created_at: now, updated_at: now }),
    ).lastInsertRowid;
    return { id, token };
  }, { quiet: true });
}

// A counter moves by an UPDATE of its row (one seek, the usual case) and is inserted only the
// first time: an upsert seeks twice. Prepared once per database: a long response moves hundreds.
const counterStatements = new WeakMap<object, { update: Statement<unknown[]>; insert: Statement<unknown[]> }>();
function counterStatementsOf(db: Db) {
  let s = counterStatements.get(db.sqlite);
  if (!s) {
    const update = db.updateTable('questionnaire_counts').set((eb) => ({ n: eb('n', '+', 0) })).where('step_id', '=', 0).where('segment', '=', '').where('question_id', '=', 0).where('slot', '=', '');
    const insert = db.insertInto('questionnaire_counts').values({ step_id: 0, segment: '', question_id: 0, slot: '', n: 0 });
    s = { update: db.sqlite.prepare<unknown[]>(update.compile().sql), insert: db.sqlite.prepare<unknown[]>(insert.compile().sql) };
    counterStatements.set(db.sqlite, s);
  }
  return s;
}

function moveCounters(db: Db, stepId: number, questions: readonly Question[], answers: Answers, segment: string, delta: 1 | -1): void {
  const { update, insert } = counterStatementsOf(db);
  const slots: [number, string][] = [[0, 'responses'], ...responseSlots(questions, answers)];
  for (const seg of segment ? ['', segment] : ['']) {
    for (const [qid, slot] of slots) if (update.run(delta, stepId, seg, qid, slot).changes === 0) insert.run(stepId, seg, qid, slot, delta);
  }
}

function writeTexts(db: Db, tx: Tx, responseId: number, questions: readonly Question[], answers: Answers, segment: string): void {
  for (const q of questions) {
    const a = answers[q.id];
    if (TEXT_TYPES.has(q.type) && typeof a === 'string') tx.run(db.insertInto('questionnaire_texts').values({ response_id: responseId, question_id: q.id, segment, body: a }));
    else if (q.type === 'multiple' && a && typeof a === 'object' && 'other' in a && a.other) tx.run(db.insertInto('questionnaire_texts').values({ response_id: responseId, question_id: q.id, segment, body: a.other }));
  }
}

export type SubmitResult = { ok: true; id: number } | { ok: false; reason: 'already' | 'gone' };

/**
 * Submits the respondent's draft (or, without one, these answers at once): the response, its
 * texts and counters in one durable commit shared with the submissions of the same moment. A
 * draft that edits an earlier response takes its place, its counters moved by the difference.
 * 'already': the step allows one response and the database holds one; 'gone': the draft was
 * submitted meanwhile (a double click, a reused anonymous token).
 */
export function submitResponse(db: Db, step: StepRef, who: Respondent, draftId: number | null, questions: readonly Question[], answers: Answers, o: { single: boolean; districtId: number | null }, after?: (tx: Tx) => unknown, now = new Date().toISOString()): Promise<SubmitResult> {
  const segment = segmentOf(o.districtId);
  return writeSoon(db, (tx): SubmitResult => {
    try {
      const json = JSON.stringify(answers);
      let id: number;
      const draft = draftId === null ? undefined : tx.first(db.selectFrom('questionnaire_responses').select(['id', 'replaces', 'status']).where('id', '=', draftId));
      if (draftId !== null && draft?.status !== 'draft') return { ok: false, reason: 'gone' };
      const old = draft?.replaces ? tx.first(db.selectFrom('questionnaire_responses').select(['id', 'answers', 'segment']).where('id', '=', draft.replaces).where('status', '=', sql.lit('submitted'))) : undefined;
      if (old) {
        moveCounters(db, step.id, questions, JSON.parse(old.answers), old.segment, -1);
        tx.run(db.deleteFrom('questionnaire_texts').where('response_id', '=', old.id));
        tx.run(db.updateTable('questionnaire_responses').set({ answers: json, segment, updated_at: now, submitted_at: now }).where('id', '=', old.id));
        tx.run(db.deleteFrom('questionnaire_responses').where('id', '=', draft!.id));
        id = old.id;
      } else {
        const values = { status: 'submitted' as const, single: o.single ? 1 : 0, answers: json, segment, page: 0, replaces: null, updated_at: now, submitted_at: now };
        if (draft) {
          tx.run(db.updateTable('questionnaire_responses').set(values).where('id', '=', draft.id));
          id = draft.id;
        } else {
          id = tx.run(db.insertInto('questionnaire_responses').values({ step_id: step.id, user_id: who.userId, token: who.userId === null ? newToken() : null, created_at: now, ...values })).lastInsertRowid;
        }
        ensureQuestionnaire(db, tx, step.id);
        tx.run(db.updateTable('questionnaire_steps').set((eb) => ({ responses_count: eb('responses_count', '+', 1) })).where('step_id', '=', step.id));
        if (who.userId !== null) recordParticipation(db, tx, step, who.userId, {});
      }
      writeTexts(db, tx, id, questions, answers, segment);
      moveCounters(db, step.id, questions, answers, segment, 1);
      bumpResults(db, step.id);
      after?.(tx);
      return { ok: true, id };
    } catch (err) {
      if (isUniqueViolation(err)) return { ok: false, reason: 'already' };
      throw err;
    }
  });
}

/** Removes the person's draft (they start again). */
export function discardDraft(db: Db, draftId: number): void {
  write(db, (tx) => tx.run(db.deleteFrom('questionnaire_responses').where('id', '=', draftId).where('status', '=', sql.lit('draft'))), { quiet: true });
}
