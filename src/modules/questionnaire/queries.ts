// Reads of the questionnaire: its questions (parsed once per change and kept per step), its
// counters, a person's draft and submitted response, the results' counters of one segment (one
// range of the primary key), and a page of one question's free-text answers.
import { sql } from 'kysely';
import type { Db } from '../../db/open.ts';
import { readSync } from '../../db/write.ts';
import { compiledQuery } from '../../db/compiled.ts';
import type { Answers, Question } from '../../platform/questions/types.ts';
import { questionFromRow, type StoredQuestion } from '../../platform/questions/storage.ts';
import type { ResponseStatus } from './schema.ts';
import { TEXTS_PAGE } from './rules.ts';
import { bumpResults } from './results-cache.ts';

// Parsed questions per database and step: a long questionnaire is 140 JSON settings to read on
// every page. Every write to the questions goes through writes.ts, which forgets the step.
const cache = new WeakMap<object, Map<number, Question[]>>();
export function forgetQuestions(db: Db, stepId: number): void {
  cache.get(db.sqlite)?.delete(stepId);
  bumpResults(db, stepId);
}

const questionsQuery = compiledQuery<{ stepId: number }, StoredQuestion>((db, p) =>
  db.selectFrom('questionnaire_questions').selectAll().where('step_id', '=', p.stepId).orderBy('position').orderBy('id'),
);

/** The step's questions in order (sections included). */
export function listQuestions(db: Db, stepId: number): Question[] {
  let perDb = cache.get(db.sqlite);
  if (!perDb) cache.set(db.sqlite, (perDb = new Map()));
  let questions = perDb.get(stepId);
  if (!questions) {
    questions = readSync(db).all(questionsQuery(db, '', { stepId })).map(questionFromRow);
    if (perDb.size > 200) perDb.clear();
    perDb.set(stepId, questions);
  }
  return questions;
}

export interface QuestionnaireRow {
  responses_count: number;
}
const stepQuery = compiledQuery<{ stepId: number }, QuestionnaireRow>((db, p) => db.selectFrom('questionnaire_steps').select(['responses_count']).where('step_id', '=', p.stepId));
export const findQuestionnaire = (db: Db, stepId: number): QuestionnaireRow => readSync(db).first(stepQuery(db, '', { stepId })) ?? { responses_count: 0 };

export interface ResponseRow {
  id: number;
  status: ResponseStatus;
  answers: string;
  page: number;
  replaces: number | null;
  submitted_at: string | null;
}
const RESPONSE_COLUMNS = ['id', 'status', 'answers', 'page', 'replaces', 'submitted_at'] as const;
// A person's latest response of a status: one walk of index questionnaire_responses_person
// (exported for the test of its plan).
export const byUserQuery = compiledQuery<{ stepId: number; userId: number }, ResponseRow>((db, p, status) =>
  db.selectFrom('questionnaire_responses').select(RESPONSE_COLUMNS).where('step_id', '=', p.stepId).where('user_id', '=', p.userId).where('status', '=', sql.lit(status as ResponseStatus)).orderBy('id', 'desc').limit(sql.lit(1)),
);
const byTokenQuery = compiledQuery<{ stepId: number; token: string }, ResponseRow>((db, p) =>
  db.selectFrom('questionnaire_responses').select(RESPONSE_COLUMNS).where('step_id', '=', p.stepId).where('token', '=', p.token).where('user_id', 'is', null),
);

/** Who answers: an account, or an anonymous person known by the token of their draft (if any). */
export type Respondent = { userId: number; token: null } | { userId: null; token: string | null };

/** The respondent's draft, if any. */
export function findDraft(db: Db, stepId: number, who: Respondent): ResponseRow | undefined {
  if (who.userId !== null) return readSync(db).first(byUserQuery(db, 'draft', { stepId, userId: who.userId }));
  if (!who.token) return undefined;
  const row = readSync(db).first(byTokenQuery(db, '', { stepId, token: who.token }));
  return row?.status === 'draft' ? row : undefined;
}

/** The person's latest submitted response (an account's; anonymous ones are never found again). */
export const findSubmitted = (db: Db, stepId: number, userId: number): ResponseRow | undefined => readSync(db).first(byUserQuery(db, 'submitted', { stepId, userId }));

/** Whether an anonymous token was already used for a submission. */
export const tokenSubmitted = (db: Db, stepId: number, token: string): boolean => readSync(db).first(byTokenQuery(db, '', { stepId, token }))?.status === 'submitted';

export const parseAnswers = (row: Pick<ResponseRow, 'answers'> | undefined): Answers => (row ? JSON.parse(row.answers) : {});

const countsQuery = compiledQuery<{ stepId: number; segment: string }, { question_id: number; slot: string; n: number }>((db, p) =>
  db.selectFrom('questionnaire_counts').select(['question_id', 'slot', 'n']).where('step_id', '=', p.stepId).where('segment', '=', p.segment),
);

/** Every counter of one segment of the step, by question: slot → count. */
export function loadCounts(db: Db, stepId: number, segment: string): Map<number, Map<string, number>> {
  const out = new Map<number, Map<string, number>>();
  for (const r of readSync(db).all(countsQuery(db, '', { stepId, segment }))) {
    let m = out.get(r.question_id);
    if (!m) out.set(r.question_id, (m = new Map()));
    m.set(r.slot, r.n);
  }
  return out;
}

const segmentQuery = compiledQuery<{ stepId: number; segment: string }, { n: number }>((db, p) =>
  db.selectFrom('questionnaire_counts').select('n').where('step_id', '=', p.stepId).where('segment', '=', p.segment).where('question_id', '=', 0).where('slot', '=', 'responses'),
);
/** How many responses count in one segment. */
export const segmentRespondents = (db: Db, stepId: number, segment: string): number => readSync(db).first(segmentQuery(db, '', { stepId, segment }))?.n ?? 0;

/** The districts respondents gave, to filter the results by (the segments that exist). */
export function listSegments(db: Db, stepId: number): { segment: string; name: string }[] {
  return readSync(db).all(
    db
      .selectFrom('questionnaire_counts as c')
      .innerJoin('districts as d', (j) => j.on(sql`'d' || d.id`, '=', sql.ref('c.segment')))
      .select(['c.segment', 'd.name'])
      .where('c.step_id', '=', stepId)
      .where('c.question_id', '=', 0)
      .orderBy('d.name'),
  );
}

const textsQuery = compiledQuery<{ questionId: number; segment: string; search: string; before: number }, { response_id: number; body: string }>((db, p, shape) => {
  let q = db.selectFrom('questionnaire_texts').select(['response_id', 'body']).where('question_id', '=', p.questionId).where('response_id', '<', p.before);
  if (shape.includes('segment')) q = q.where('segment', '=', p.segment);
  if (shape.includes('search')) q = q.where(sql<boolean>`instr(lower(body), ${p.search}) > 0`);
  return q.orderBy('response_id', 'desc').limit(sql.lit(TEXTS_PAGE + 1));
});

/** A page of a question's free-text answers, newest first, before a response id (keyset). */
export function listTexts(db: Db, o: { questionId: number; segment: string; search: string; before: number }): { texts: { response_id: number; body: string }[]; next: number | null } {
  const shape = [o.segment ? 'segment' : '', o.search ? 'search' : ''].join('-');
  const rows = readSync(db).all(textsQuery(db, shape, { ...o, search: o.search.toLocaleLowerCase('fr') }));
  const texts = rows.slice(0, TEXTS_PAGE);
  return { texts, next: rows.length > TEXTS_PAGE ? texts[texts.length - 1]!.response_id : null };
}
