// Reads of the votation: the step's row (turnout, seal, results), its questions as the ballot
// file describes them, whether a voter is marked, a roll entry by its code, one ballot by its
// receipt, and the ballots in id order by chunks (the published file). Hot ones compiled once.
import { sql } from 'kysely';
import type { Db } from '../../db/open.ts';
import { readSync } from '../../db/write.ts';
import { compiledQuery } from '../../db/compiled.ts';
import type { Answer, FileQuestion, Results } from './ballot-file.ts';
import type { Method } from './schema.ts';

export interface VotationRow {
  voters_count: number;
  sealed_at: string | null;
  ballots_sha256: string | null;
  ballots_count: number | null;
  results_json: string | null;
}
const EMPTY: VotationRow = { voters_count: 0, sealed_at: null, ballots_sha256: null, ballots_count: null, results_json: null };

const votationQuery = compiledQuery<{ stepId: number }, VotationRow>((db, p) =>
  db.selectFrom('votation_steps').select(['voters_count', 'sealed_at', 'ballots_sha256', 'ballots_count', 'results_json']).where('step_id', '=', p.stepId),
);
/** Turnout and seal; zeros before the first write made the row. */
export const findVotation = (db: Db, stepId: number): VotationRow => readSync(db).first(votationQuery(db, '', { stepId })) ?? EMPTY;
export const resultsOf = (row: VotationRow): Results | null => (row.results_json ? (JSON.parse(row.results_json) as Results) : null);

export interface QuestionRow {
  id: number;
  position: number;
  title: string;
  method: Method;
  max_choices: number | null;
  blank_allowed: number;
  options_json: string;
  grades_json: string | null;
}
const questionsQuery = compiledQuery<{ stepId: number }, QuestionRow>((db, p) =>
  db.selectFrom('votation_questions').select(['id', 'position', 'title', 'method', 'max_choices', 'blank_allowed', 'options_json', 'grades_json']).where('step_id', '=', p.stepId).orderBy('position').orderBy('id'),
);
export const toFileQuestion = (r: QuestionRow): FileQuestion => ({
  id: r.id,
  title: r.title,
  method: r.method,
  max: r.max_choices,
  blank: r.blank_allowed === 1,
  options: JSON.parse(r.options_json) as string[],
  grades: r.grades_json ? (JSON.parse(r.grades_json) as string[]) : null,
});
/** The step's questions in ballot order. */
export const listQuestions = (db: Db, stepId: number): FileQuestion[] => readSync(db).all(questionsQuery(db, '', { stepId })).map(toFileQuestion);

const userVotedQuery = compiledQuery<{ stepId: number; userId: number }, { one: number }>((db, p) =>
  db.selectFrom('votation_voters').select((eb) => eb.lit(1).as('one')).where('step_id', '=', p.stepId).where('user_id', '=', p.userId),
);
export const hasUserVoted = (db: Db, stepId: number, userId: number) => readSync(db).first(userVotedQuery(db, '', { stepId, userId })) !== undefined;

export interface RollVoter { id: number; voted: number }
const byCodeQuery = compiledQuery<{ stepId: number; hash: Uint8Array }, RollVoter>((db, p) =>
  db
    .selectFrom('votation_roll as r')
    .leftJoin('votation_voters as v', (j) => j.onRef('v.roll_id', '=', 'r.id').on('v.step_id', '=', p.stepId))
    .select(['r.id', (eb) => eb.case().when('v.roll_id', 'is not', null).then(1).else(0).end().as('voted')])
    .where('r.step_id', '=', p.stepId)
    .where('r.code_hash', '=', p.hash),
);
/** The roll entry holding this code (its hash), and whether it has voted. */
export const findRollVoter = (db: Db, stepId: number, hash: Uint8Array): RollVoter | undefined => readSync(db).first(byCodeQuery(db, '', { stepId, hash: Buffer.from(hash) as unknown as Uint8Array }));

const ballotQuery = compiledQuery<{ stepId: number; id: string }, { answers: string }>((db, p) =>
  db.selectFrom('votation_ballots').select('answers').where('step_id', '=', p.stepId).where('id', '=', p.id),
);
export function findBallot(db: Db, stepId: number, id: string): Answer[] | null {
  const row = readSync(db).first(ballotQuery(db, '', { stepId, id }));
  return row ? (JSON.parse(row.answers) as Answer[]) : null;
}

export const CHUNK = 2000;
/**
 * The ballots in ascending id order, read in chunks (keyset pagination): no read transaction
 * stays open across a whole export, so the WAL can be checkpointed meanwhile.
 */
export function* iterateBallots(db: Db, stepId: number): Generator<{ id: string; answers: string }> {
  let after = '';
  for (;;) {
    const rows = readSync(db).all(chunkQuery(db, '', { stepId, after }));
    yield* rows;
    if (rows.length < CHUNK) return;
    after = rows[rows.length - 1]!.id;
  }
}
const chunkQuery = compiledQuery<{ stepId: number; after: string }, { id: string; answers: string }>((db, p) =>
  db.selectFrom('votation_ballots').select(['id', 'answers']).where('step_id', '=', p.stepId).where('id', '>', p.after).orderBy('id').limit(sql.lit(CHUNK)),
);

/**
 * Every ballot of the step in id order, in one statement with rows as [id, answers] arrays: for
 * the seal, which runs inside its own write transaction (nothing to checkpoint meanwhile) and
 * reads 200,000 ballots about twice as fast so as with keyset chunks of row objects.
 */
export function* allBallots(db: Db, stepId: number): Generator<[string, string]> {
  const q = db.selectFrom('votation_ballots').select(['id', 'answers']).where('step_id', '=', stepId).orderBy('id').compile();
  yield* db.sqlite.prepare(q.sql).raw(true).iterate(...(q.parameters as unknown[])) as Iterable<[string, string]>;
}

export interface RollStats { entries: number; withCode: number; withEmail: number; voted: number }
/** The admin page's figures about the roll (the admin page alone reads them). */
export function rollStats(db: Db, stepId: number): RollStats {
  const r = readSync(db);
  const roll = r.first(
    db
      .selectFrom('votation_roll')
      .select((eb) => [eb.fn.countAll<number>().as('entries'), eb.fn.count<number>('code_hash').as('withCode'), eb.fn.count<number>('email').as('withEmail')])
      .where('step_id', '=', stepId),
  )!;
  const voted = r.first(db.selectFrom('votation_voters').select((eb) => eb.fn.countAll<number>().as('n')).where('step_id', '=', stepId).where('roll_id', 'is not', null))!.n;
  return { ...roll, voted };
}
