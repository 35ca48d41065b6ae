// Reads of the debate: the step's counters and conclusion, its invited opinions, one page of a
// column of arguments (with the reader's marks, no COUNT: one row more than a page), one
// argument, and the reader's vote and sides taken. A debate page runs each once, whatever the
// number of arguments; each is compiled once per shape (db/compiled.ts).
import { sql } from 'kysely';
import type { Db } from '../../db/open.ts';
import { readSync } from '../../db/write.ts';
import { compiledQuery } from '../../db/compiled.ts';
import type { ContributionStatus } from '../../db/schema.ts';
import { editedByModeration } from '../../platform/moderation-log.ts';
import type { Side } from './schema.ts';
import { PAGE_SIZE, type Sort } from './rules.ts';

export interface DebateRow {
  votes_for: number;
  votes_against: number;
  arguments_for: number;
  arguments_against: number;
  conclusion_md: string | null;
  conclusion_at: string | null;
}
const EMPTY: DebateRow = { votes_for: 0, votes_against: 0, arguments_for: 0, arguments_against: 0, conclusion_md: null, conclusion_at: null };

/** The step's counters and conclusion; zeros before the first write made its row. */
export function findDebate(db: Db, stepId: number): DebateRow {
  return readSync(db).first(debateQuery(db, '', { stepId })) ?? EMPTY;
}
const debateQuery = compiledQuery<{ stepId: number }, DebateRow>((db, p) =>
  db.selectFrom('debate_steps').select(['votes_for', 'votes_against', 'arguments_for', 'arguments_against', 'conclusion_md', 'conclusion_at']).where('step_id', '=', p.stepId),
);

export interface Opinion {
  side: Side;
  author_name: string;
  author_role: string;
  body_md: string;
}

/** The invited opinions of the step (none, one or both), for first. */
export function listOpinions(db: Db, stepId: number): Opinion[] {
  return readSync(db).all(opinionsQuery(db, '', { stepId }));
}
const opinionsQuery = compiledQuery<{ stepId: number }, Opinion>((db, p) =>
  db.selectFrom('debate_opinions').select(['side', 'author_name', 'author_role', 'body_md']).where('step_id', '=', p.stepId).orderBy('side', 'desc'),
);

/** One argument as pages show it: the author's name is null once the account is deleted. */
export interface ArgumentView {
  id: number;
  side: Side;
  body_md: string;
  created_at: string;
  author_id: number;
  author_name: string | null;
  useful_count: number;
  marked: boolean;
  own: boolean;
  /** Why moderation hid it (shown instead of the text to the public). */
  moderation_reason: string | null;
  /** A moderator took personal data out of it: pages say so. */
  edited: boolean;
}

interface ArgumentRow {
  id: number;
  side: Side;
  useful_count: number;
  author_id: number;
  body_md: string;
  created_at: string;
  status: ContributionStatus;
  display_name: string | null;
  deleted_at: string | null;
  marked_by: number | null;
  moderation_reason: string | null;
  edited: number;
}

const toView = (r: ArgumentRow, userId: number): ArgumentView => ({
  id: r.id,
  side: r.side,
  body_md: r.body_md,
  created_at: r.created_at,
  author_id: r.author_id,
  author_name: r.deleted_at ? null : r.display_name,
  useful_count: r.useful_count,
  marked: r.marked_by !== null,
  own: r.author_id === userId,
  moderation_reason: r.moderation_reason,
  edited: !!r.edited,
});

type ListValues = { stepId: number; side: Side; userId: number; offset: number };

// The columns of an argument and the reader's mark (user 0, nobody, for anonymous readers).
function argumentsFrom(db: Db, userId: number) {
  return db
    .selectFrom('debate_arguments as a')
    .innerJoin('contributions as c', 'c.id', 'a.contribution_id')
    .innerJoin('users as u', 'u.id', 'a.author_id')
    .leftJoin('debate_useful_marks as m', (j) => j.onRef('m.argument_id', '=', 'a.contribution_id').on('m.user_id', '=', userId))
    .select(['a.contribution_id as id', 'a.side', 'a.useful_count', 'a.author_id', 'c.body_md', 'c.created_at', 'c.status', 'u.display_name', 'u.deleted_at', 'm.user_id as marked_by', 'c.moderation_reason', (eb) => editedByModeration(eb, 'c.id').as('edited')]);
}

// Each sort walks its index of migration 0005; only published arguments are shown.
const columnQuery = compiledQuery<ListValues, ArgumentRow>((db, p, sort) => {
  const q = argumentsFrom(db, p.userId).where('a.step_id', '=', p.stepId).where('a.side', '=', p.side).where('c.status', '=', sql.lit('published'));
  const sorted = (sort as Sort) === 'useful' ? q.orderBy('a.useful_count', 'desc').orderBy('a.contribution_id', 'desc') : q.orderBy('a.contribution_id', 'desc');
  return sorted.limit(sql.lit(PAGE_SIZE + 1)).offset(p.offset);
});

/** One page of one side's published arguments, and whether a next page exists. */
export function listArguments(db: Db, o: { stepId: number; side: Side; sort: Sort; page: number; userId: number }): { arguments: ArgumentView[]; hasNext: boolean } {
  const values = { stepId: o.stepId, side: o.side, userId: o.userId, offset: (o.page - 1) * PAGE_SIZE };
  const rows = readSync(db).all(columnQuery(db, o.sort, values));
  return { arguments: rows.slice(0, PAGE_SIZE).map((r) => toView(r, o.userId)), hasNext: rows.length > PAGE_SIZE };
}

/** An argument of THIS step (a forged id from another step gives nothing), whatever its status. */
export function findArgument(db: Db, stepId: number, argumentId: number, userId = 0): (ArgumentView & { status: ContributionStatus }) | undefined {
  const row = readSync(db).first(argumentQuery(db, '', { stepId, argumentId, userId }));
  return row && { ...toView(row, userId), status: row.status };
}
const argumentQuery = compiledQuery<{ stepId: number; argumentId: number; userId: number }, ArgumentRow>((db, p) =>
  argumentsFrom(db, p.userId).where('a.contribution_id', '=', p.argumentId).where('a.step_id', '=', p.stepId),
);

/** The person's vote on the step, if any. */
export function findVote(db: Db, stepId: number, userId: number): Side | null {
  return readSync(db).first(voteQuery(db, '', { stepId, userId }))?.side ?? null;
}
const voteQuery = compiledQuery<{ stepId: number; userId: number }, { side: Side }>((db, p) =>
  db.selectFrom('debate_votes').select('side').where('step_id', '=', p.stepId).where('user_id', '=', p.userId),
);

/** The person's arguments on the step, in any status (a hidden one still takes its side). */
export function listOwnSides(db: Db, stepId: number, userId: number): OwnSide[] {
  return readSync(db).all(ownSidesQuery(db, '', { stepId, userId }));
}
export type OwnSide = { side: Side; id: number; status: ContributionStatus };
const ownSidesQuery = compiledQuery<{ stepId: number; userId: number }, OwnSide>((db, p) =>
  db
    .selectFrom('debate_arguments as a')
    .innerJoin('contributions as c', 'c.id', 'a.contribution_id')
    .select(['a.side', 'a.contribution_id as id', 'c.status'])
    .where('a.step_id', '=', p.stepId)
    .where('a.author_id', '=', p.userId)
    .orderBy('a.side', 'desc'),
);
