// Reads of the selection step's public pages: the step's row (when the counts become public),
// the filters' choices (the categories and statuses of the project's collect steps, its
// districts), one page of the proposals in the vote (filters, sorts, full-text search; one row
// more than a page, no COUNT) and one proposal. The proposals are the collect module's rows,
// read through the database only (never its code). Hot reads are compiled once per shape.
import { sql } from 'kysely';
import type { Db } from '../../db/open.ts';
import { readSync } from '../../db/write.ts';
import { compiledQuery } from '../../db/compiled.ts';
import { rotatedPage } from '../../db/rotated-page.ts';
import { PAGE_SIZE, type Sort } from './list-rules.ts';

export interface SelectionRow {
  counts_public_at: string | null;
  results_published_at: string | null;
}

/** The step's own row; none before the first write (the counts are then public). */
export function findSelection(db: Db, stepId: number): SelectionRow {
  return readSync(db).first(selectionQuery(db, '', { stepId })) ?? { counts_public_at: null, results_published_at: null };
}
const selectionQuery = compiledQuery<{ stepId: number }, SelectionRow>((db, p) =>
  db.selectFrom('selection_steps').select(['counts_public_at', 'results_published_at']).where('step_id', '=', p.stepId),
);

/** The earliest date after `after` at which some step's counts become public (for the page cache). */
export function nextCountsPublicAt(db: Db, after: Date): string | undefined {
  const row = readSync(db).first(db.selectFrom('selection_steps').select((eb) => eb.fn.min('counts_public_at').as('at')).where('counts_public_at', '>', after.toISOString()));
  return row?.at ?? undefined;
}

export interface Label {
  id: number;
  name: string;
  colour: string;
}

/** The categories or statuses of the project's collect steps, where the proposals come from. */
export function listLabels(db: Db, projectId: number, table: 'collect_categories' | 'collect_statuses'): Label[] {
  return readSync(db).all(labelsQuery(db, table, { projectId }));
}
const labelsQuery = compiledQuery<{ projectId: number }, Label>((db, p, table) =>
  db
    .selectFrom(`${table as 'collect_categories'} as l`)
    .innerJoin('steps as s', 's.id', 'l.step_id')
    .select(['l.id', 'l.name', 'l.colour'])
    .where('s.project_id', '=', p.projectId)
    .where('s.type', '=', 'collect')
    .orderBy('s.position')
    .orderBy('l.position')
    .orderBy('l.id'),
);

/** The envelopes' districts: the project's, or every district when the project names none. */
export function listDistricts(db: Db, projectId: number): { id: number; name: string }[] {
  const own = readSync(db).all(projectDistrictsQuery(db, '', { projectId }));
  return own.length ? own : readSync(db).all(allDistrictsQuery(db, '', {}));
}
const projectDistrictsQuery = compiledQuery<{ projectId: number }, { id: number; name: string }>((db, p) =>
  db.selectFrom('project_districts as pd').innerJoin('districts as d', 'd.id', 'pd.district_id').select(['d.id', 'd.name']).where('pd.project_id', '=', p.projectId).orderBy('d.name'),
);
const allDistrictsQuery = compiledQuery<Record<string, never>, { id: number; name: string }>((db) => db.selectFrom('districts').select(['id', 'name']).orderBy('name'));

// ---- The list ----

export interface Filters {
  categoryId: number | null;
  districtId: number | null;
  statusId: number | null;
  /** An FTS5 query built by list-rules.matchAll, or null. */
  match: string | null;
}

/** What a card shows, and no more. */
export interface Card {
  id: number;
  reference: number;
  title: string;
  summary: string;
  /** The envelope: a district, or null for the city-wide one. */
  district_id: number | null;
  cost: number;
  votes_count: number;
  points: number;
  comments_count: number;
  category_name: string | null;
  category_colour: string | null;
  district_name: string | null;
  status_name: string | null;
  status_colour: string | null;
}

type ListValues = { stepId: number; categoryId: number | null; districtId: number | null; statusId: number | null; match: string | null; seed: number; offset: number };

/**
 * One page of the published proposals in the vote and whether a next one exists. The page is
 * picked in one index of selection_proposals, which holds the sort's key and its own copies of
 * the published flag and the filters (migrations 0019, 0022 and 0026); only the page's rows are
 * then joined to their text, category, district and status.
 */
export function listProposals(db: Db, o: Filters & { stepId: number; sort: Sort; page: number; seed: number }): { cards: Card[]; hasNext: boolean } {
  const shape = `${o.sort}:${o.categoryId ? 'c' : ''}${o.districtId ? 'd' : ''}${o.statusId ? 's' : ''}${o.match ? 'q' : ''}`;
  const values: ListValues = { stepId: o.stepId, categoryId: o.categoryId, districtId: o.districtId, statusId: o.statusId, match: o.match, seed: o.seed, offset: (o.page - 1) * PAGE_SIZE };
  const rows = readSync(db).all(listQuery(db, shape, values));
  return { cards: rows.slice(0, PAGE_SIZE), hasNext: rows.length > PAGE_SIZE };
}

/**
 * The joins and columns of a card, on a query that has `sp` (selection_proposals) already. Typed
 * loosely: the compiled queries below declare the rows they give (Card, Proposal).
 */
function withCards(q: { innerJoin: unknown }): any {
  return (q as any)
    .innerJoin('collect_proposals as p', 'p.contribution_id', 'sp.proposal_id')
    .innerJoin('contributions as c', 'c.id', 'sp.proposal_id')
    .leftJoin('collect_categories as cat', 'cat.id', 'p.category_id')
    .leftJoin('districts as d', 'd.id', 'sp.district_id')
    .leftJoin('collect_statuses as st', 'st.id', 'p.status_id')
    .select([
      'sp.proposal_id as id', 'p.reference', 'c.title', 'p.summary', 'sp.district_id', 'sp.cost', 'sp.votes_count', 'sp.points', 'p.comments_count',
      'cat.name as category_name', 'cat.colour as category_colour', 'd.name as district_name', 'st.name as status_name', 'st.colour as status_colour',
    ]);
}

const listQuery = compiledQuery<ListValues, Card>((db, p, shape) => {
  // The shape is "<sort>:<filters given>", e.g. "supports:cq".
  const [sort, flags = ''] = shape.split(':') as [Sort, string?];
  const has = (flag: string) => flags.includes(flag);
  const ids = () => {
    // The vote's own copies of the filters (migration 0026): the page is found in one index.
    let q = db.selectFrom('selection_proposals as sp').select('sp.proposal_id').where('sp.step_id', '=', p.stepId).where('sp.published', '=', 1);
    if (has('c')) q = q.where('sp.category_id', '=', p.categoryId);
    if (has('d')) q = q.where('sp.district_id', '=', p.districtId);
    if (has('s')) q = q.where('sp.status_id', '=', p.statusId);
    // Raw SQL: Kysely has no FTS5 MATCH; the collect module's index has the proposals' ids as rowids.
    if (has('q')) q = q.where('sp.proposal_id', 'in', sql<number>`(select rowid from collect_fts where collect_fts match ${p.match})`);
    return q;
  };
  // Random: the stored order (index selection_proposals_shuffle) read from the visitor's seed.
  const page =
    sort === 'random'
      ? rotatedPage(db, (side) => ids().where('sp.shuffle', side, p.seed).orderBy('sp.shuffle').orderBy('sp.proposal_id'), PAGE_SIZE + 1, p.offset)
      : sorted(ids(), sort, p).limit(sql.lit(PAGE_SIZE + 1)).offset(p.offset);
  // The page's ids drive the join: SQLite keeps a CROSS JOIN's order. With `proposal_id in
  // (page)`, or an inner join, it walked the sort's index over every row of the step instead
  // (50,000 rows: 25 ms instead of a fraction of one).
  const rows = db.selectFrom(page.as('pg')).crossJoin('selection_proposals as sp').whereRef('sp.proposal_id', '=', 'pg.proposal_id').where('sp.step_id', '=', p.stepId);
  return sorted(withCards(rows), sort, p);
});

/** Orders a query on `sp` and `p` by a sort, as its index holds it; ties by id, so pages never overlap. */
function sorted<Q extends { orderBy: (...args: any[]) => Q }>(q: Q, sort: Sort, p: Pick<ListValues, 'seed'>): Q {
  switch (sort) {
    case 'newest': return q.orderBy('sp.proposal_id', 'desc');
    case 'oldest': return q.orderBy('sp.proposal_id', 'asc');
    case 'supports': return q.orderBy('sp.votes_count', 'desc').orderBy('sp.proposal_id', 'desc');
    // The vote's copy of the counter (migration 0022), which its index holds.
    case 'comments': return q.orderBy('sp.comments_count', 'desc').orderBy('sp.proposal_id', 'desc');
    case 'cheapest': return q.orderBy('sp.cost', 'asc').orderBy('sp.proposal_id', 'asc');
    case 'expensive': return q.orderBy('sp.cost', 'desc').orderBy('sp.proposal_id', 'desc');
    // Raw SQL: the rows from the seed onwards (false, 0) before those under it (rotatedPage).
    case 'random': return q.orderBy(sql`sp.shuffle < ${p.seed}`).orderBy('sp.shuffle').orderBy('sp.proposal_id');
  }
}

// ---- One proposal ----

export interface Proposal extends Card {
  /** The collect step it was proposed in (its comments live there). */
  collect_step_id: number;
  body_md: string;
  address: string;
  paper_votes: number;
  winner: number;
  progress: number;
  author_id: number;
  author_name: string | null;
  author_deleted_at: string | null;
  created_at: string;
}

/** A published proposal in THIS vote (an id of another step, or a hidden one, gives nothing). */
export function findProposal(db: Db, stepId: number, id: number): Proposal | undefined {
  return readSync(db).first(proposalQuery(db, '', { stepId, id }));
}
const proposalQuery = compiledQuery<{ stepId: number; id: number }, Proposal>((db, p) =>
  withCards(db.selectFrom('selection_proposals as sp'))
    .innerJoin('users as u', 'u.id', 'p.author_id')
    .select(['p.step_id as collect_step_id', 'c.body_md', 'p.address', 'sp.paper_votes', 'sp.winner', 'sp.progress', 'p.author_id', 'u.display_name as author_name', 'u.deleted_at as author_deleted_at', 'c.created_at'])
    .where('sp.step_id', '=', p.stepId)
    .where('sp.proposal_id', '=', p.id)
    .where('p.published', '=', 1),
);
