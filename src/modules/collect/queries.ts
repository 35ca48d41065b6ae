// Reads of the collect step: its settings row, categories, statuses, custom questions and the
// project's districts; one page of proposals (filters, sorts, full-text search; one row more
// than a page, no COUNT), one proposal, and similar proposals (drafts: draft-queries.ts). Hot
// reads are compiled once per shape (db/compiled.ts).
import { sql } from 'kysely';
import type { Db } from '../../db/open.ts';
import { readSync } from '../../db/write.ts';
import { compiledQuery } from '../../db/compiled.ts';
import { rotatedPage } from '../../db/rotated-page.ts';
import type { ContributionStatus } from '../../db/schema.ts';
import { editedByModeration } from '../../platform/moderation-log.ts';
import type { Answers, Question } from '../../platform/questions/types.ts';
import { questionFromRow, type StoredQuestion } from '../../platform/questions/storage.ts';
import { formConfig, PAGE_SIZE, SIMILAR_MAX, type FormConfig, type Sort } from './rules.ts';

export interface Label {
  id: number;
  name: string;
  colour: string;
  position: number;
}

/** The step's form configuration and public count; defaults before the first write. */
export function findCollect(db: Db, stepId: number): { form: FormConfig; proposalsCount: number } {
  const row = readSync(db).first(collectQuery(db, '', { stepId }));
  return { form: formConfig(row?.form), proposalsCount: row?.proposals_count ?? 0 };
}
const collectQuery = compiledQuery<{ stepId: number }, { form: string; proposals_count: number }>((db, p) =>
  db.selectFrom('collect_steps').select(['form', 'proposals_count']).where('step_id', '=', p.stepId),
);

export function listCategories(db: Db, stepId: number): Label[] {
  return readSync(db).all(categoriesQuery(db, '', { stepId }));
}
const categoriesQuery = compiledQuery<{ stepId: number }, Label>((db, p) =>
  db.selectFrom('collect_categories').select(['id', 'name', 'colour', 'position']).where('step_id', '=', p.stepId).orderBy('position').orderBy('id'),
);

export function listStatuses(db: Db, stepId: number): Label[] {
  return readSync(db).all(statusesQuery(db, '', { stepId }));
}
const statusesQuery = compiledQuery<{ stepId: number }, Label>((db, p) =>
  db.selectFrom('collect_statuses').select(['id', 'name', 'colour', 'position']).where('step_id', '=', p.stepId).orderBy('position').orderBy('id'),
);

/** The districts proposals may name: the project's, or every district when the project names none. */
export function listDistricts(db: Db, projectId: number): { id: number; name: string }[] {
  const own = readSync(db).all(projectDistrictsQuery(db, '', { projectId }));
  return own.length ? own : readSync(db).all(allDistrictsQuery(db, '', {}));
}
const projectDistrictsQuery = compiledQuery<{ projectId: number }, { id: number; name: string }>((db, p) =>
  db.selectFrom('project_districts as pd').innerJoin('districts as d', 'd.id', 'pd.district_id').select(['d.id', 'd.name']).where('pd.project_id', '=', p.projectId).orderBy('d.name'),
);
const allDistrictsQuery = compiledQuery<Record<string, never>, { id: number; name: string }>((db) => db.selectFrom('districts').select(['id', 'name']).orderBy('name'));

/** The step's custom questions, in order, as the form engine reads them. */
export function listQuestions(db: Db, stepId: number): Question[] {
  return readSync(db).all(questionsQuery(db, '', { stepId })).map(questionFromRow);
}
const questionsQuery = compiledQuery<{ stepId: number }, StoredQuestion>((db, p) =>
  db.selectFrom('collect_questions').select(['id', 'type', 'title', 'help', 'required', 'private', 'position', 'config', 'show_if', 'jump']).where('step_id', '=', p.stepId).orderBy('position').orderBy('id'),
);
// ---- The list ----

export interface Filters {
  categoryId: number | null;
  districtId: number | null;
  statusId: number | null;
  /** An FTS5 query built by rules.matchAll, or null. */
  match: string | null;
}

/** What a card shows, and no more. */
export interface Card {
  id: number;
  reference: number;
  title: string;
  summary: string;
  cost: number | null;
  comments_count: number;
  created_at: string;
  author_id: number;
  author_name: string | null;
  author_deleted_at: string | null;
  category_name: string | null;
  category_colour: string | null;
  district_name: string | null;
  status_name: string | null;
  status_colour: string | null;
}

type ListValues = { stepId: number; categoryId: number | null; districtId: number | null; statusId: number | null; match: string | null; seed: number; offset: number };

/**
 * One page of published proposals and whether a next one exists. Each sort walks its index
 * (migration 0016; random: 0022, from the visitor's seed onwards); filters narrow it.
 */
export function listProposals(db: Db, o: Filters & { stepId: number; sort: Sort; page: number; seed: number }): { cards: Card[]; hasNext: boolean } {
  const shape = `${o.sort}:${o.categoryId ? 'c' : ''}${o.districtId ? 'd' : ''}${o.statusId ? 's' : ''}${o.match ? 'q' : ''}`;
  const values: ListValues = { stepId: o.stepId, categoryId: o.categoryId, districtId: o.districtId, statusId: o.statusId, match: o.match, seed: o.seed, offset: (o.page - 1) * PAGE_SIZE };
  const rows = readSync(db).all(listQuery(db, shape, values));
  return { cards: rows.slice(0, PAGE_SIZE), hasNext: rows.length > PAGE_SIZE };
}

function cardsFrom(db: Db) {
  return db
    .selectFrom('collect_proposals as p')
    .innerJoin('contributions as c', 'c.id', 'p.contribution_id')
    .innerJoin('users as u', 'u.id', 'p.author_id')
    .leftJoin('collect_categories as cat', 'cat.id', 'p.category_id')
    .leftJoin('districts as d', 'd.id', 'p.district_id')
    .leftJoin('collect_statuses as st', 'st.id', 'p.status_id')
    .select([
      'p.contribution_id as id', 'p.reference', 'c.title', 'p.summary', 'p.cost', 'p.comments_count', 'c.created_at', 'p.author_id',
      'u.display_name as author_name', 'u.deleted_at as author_deleted_at', 'cat.name as category_name', 'cat.colour as category_colour',
      'd.name as district_name', 'st.name as status_name', 'st.colour as status_colour',
    ]);
}

// A page is chosen on the proposals' own table (its index, the filters' columns), and only its
// rows are then joined to their author, category, district and status: SQLite would otherwise
// make every row it sorts or skips (random order, deep pages) with its joins.
const listQuery = compiledQuery<ListValues, Card>((db, p, shape) => {
  // The shape is "<sort>:<filters given>", e.g. "newest:cq".
  const [sort, flags = ''] = shape.split(':') as [Sort, string?];
  const has = (flag: string) => flags.includes(flag);
  const ids = () => {
    let q = db.selectFrom('collect_proposals as p').select('p.contribution_id').where('p.step_id', '=', p.stepId).where('p.published', '=', 1);
    if (has('c')) q = q.where('p.category_id', '=', p.categoryId);
    if (has('d')) q = q.where('p.district_id', '=', p.districtId);
    if (has('s')) q = q.where('p.status_id', '=', p.statusId);
    // Raw SQL: Kysely has no FTS5 MATCH; the index's rowids are the proposals' ids.
    if (has('q')) q = q.where('p.contribution_id', 'in', sql<number>`(select rowid from collect_fts where collect_fts match ${p.match})`);
    return q;
  };
  if (sort === 'random') {
    // The stored order (index collect_proposals_shuffle) read from the visitor's seed.
    const page = rotatedPage(db, (side) => ids().where('p.shuffle', side, p.seed).orderBy('p.shuffle').orderBy('p.contribution_id'), PAGE_SIZE + 1, p.offset);
    return sorted(cardsFrom(db).where('p.contribution_id', 'in', page), sort, p.seed);
  }
  const page = sorted(ids(), sort, p.seed).limit(sql.lit(PAGE_SIZE + 1)).offset(p.offset);
  return sorted(cardsFrom(db).where('p.contribution_id', 'in', page), sort, p.seed);
});

/** Orders a query on `p` by a sort, as its index (migrations 0016, 0022) holds it. */
function sorted<Q extends { orderBy: (...args: any[]) => Q }>(q: Q, sort: Sort, seed: number): Q {
  switch (sort) {
    case 'newest': return q.orderBy('p.contribution_id', 'desc');
    case 'oldest': return q.orderBy('p.contribution_id', 'asc');
    case 'comments': return q.orderBy('p.comments_count', 'desc').orderBy('p.contribution_id', 'desc');
    case 'cheapest': return q.orderBy('p.cost_missing', 'asc').orderBy('p.cost', 'asc').orderBy('p.contribution_id', 'asc');
    case 'expensive': return q.orderBy('p.cost', 'desc').orderBy('p.contribution_id', 'desc');
    // Raw SQL: the rows from the seed onwards (false, 0) before those under it (rotatedPage).
    case 'random': return q.orderBy(sql`p.shuffle < ${seed}`).orderBy('p.shuffle').orderBy('p.contribution_id');
  }
}

/** Up to five published proposals whose words look like `match` (rules.matchAny), best first. */
export function listSimilar(db: Db, stepId: number, match: string): { id: number; reference: number; title: string }[] {
  return readSync(db).all(similarQuery(db, '', { stepId, match }));
}
const similarQuery = compiledQuery<{ stepId: number; match: string }, { id: number; reference: number; title: string }>((db, p) =>
  db
    .selectFrom(sql<{ rowid: number; rank: number }>`(select rowid, rank from collect_fts where collect_fts match ${p.match})`.as('f'))
    .innerJoin('collect_proposals as p', 'p.contribution_id', 'f.rowid')
    .innerJoin('contributions as c', 'c.id', 'p.contribution_id')
    .select(['p.contribution_id as id', 'p.reference', 'c.title'])
    .where('p.step_id', '=', p.stepId)
    .where('p.published', '=', 1)
    // Raw SQL above and here: FTS5's bm25 rank, lower is closer.
    .orderBy('f.rank')
    .limit(sql.lit(SIMILAR_MAX)),
);

// ---- One proposal ----

export interface Proposal extends Card {
  step_id: number;
  /** The proposal it was merged into (analysis by officials), if any. */
  merged_into: number | null;
  body_md: string;
  status: ContributionStatus;
  category_id: number | null;
  district_id: number | null;
  address: string;
  answers: Answers;
  followers_count: number;
  edited_at: string | null;
  moderation_reason: string | null;
  edited: boolean;
}

type ProposalRow = Omit<Proposal, 'answers' | 'edited'> & { answers: string; edited: number };

/** A proposal of THIS step (a forged id from another step gives nothing), whatever its status. */
export function findProposal(db: Db, stepId: number, id: number): Proposal | undefined {
  const row = readSync(db).first(proposalQuery(db, '', { stepId, id }));
  return row && { ...row, answers: JSON.parse(row.answers) as Answers, edited: !!row.edited };
}
const proposalQuery = compiledQuery<{ stepId: number; id: number }, ProposalRow>(
  (db, p) =>
    cardsFrom(db)
      .select(['p.step_id', 'p.merged_into', 'c.body_md', 'c.status', 'p.category_id', 'p.district_id', 'p.address', 'p.answers', 'p.followers_count', 'c.edited_at', 'c.moderation_reason', (eb) => editedByModeration(eb, 'c.id').as('edited')])
      .where('p.contribution_id', '=', p.id)
      .where('p.step_id', '=', p.stepId),
);
