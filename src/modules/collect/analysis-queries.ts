// Reads of the analysis by officials: who decides and who analyses on a step, the analysts and
// opinions of a proposal, its decision (the official answer, read by the proposal's public page
// with what it was merged into: compiled once), and a page of the analysis list (limit + 1, no
// COUNT; the opinions' counts are subqueries of the one query, never a query per row).
import { sql } from 'kysely';
import type { Db } from '../../db/open.ts';
import { readSync } from '../../db/write.ts';
import { compiledQuery } from '../../db/compiled.ts';
import type { SessionUser } from '../../platform/sessions.ts';
import { ANALYSIS_PAGE_SIZE, type AnalysisRole, type DecisionFilter } from './analysis-rules.ts';
import type { Decision, Opinion } from './schema-analysis.ts';

export interface Person {
  id: number;
  name: string | null;
  email: string | null;
}

/** What this person may do on the step's analysis (administrators decide on every step). */
export function findRole(db: Db, user: SessionUser | null, stepId: number): AnalysisRole {
  if (!user) return { decides: false, analyses: false };
  const r = readSync(db);
  const decides = user.role === 'admin' || !!r.first(db.selectFrom('collect_deciders').select('user_id').where('step_id', '=', stepId).where('user_id', '=', user.id));
  const analyses = !!r.first(db.selectFrom('collect_analysts').select('proposal_id').where('user_id', '=', user.id).where('step_id', '=', stepId).limit(sql.lit(1)));
  return { decides, analyses };
}

export function isAssigned(db: Db, proposalId: number, userId: number): boolean {
  return !!readSync(db).first(db.selectFrom('collect_analysts').select('user_id').where('proposal_id', '=', proposalId).where('user_id', '=', userId));
}

export function listDeciders(db: Db, stepId: number): Person[] {
  return readSync(db).all(
    db.selectFrom('collect_deciders as d').innerJoin('users as u', 'u.id', 'd.user_id').select(['u.id', 'u.display_name as name', 'u.email']).where('d.step_id', '=', stepId).orderBy('u.display_name').orderBy('u.id'),
  );
}

export function listAnalysts(db: Db, proposalId: number): Person[] {
  return readSync(db).all(
    db.selectFrom('collect_analysts as a').innerJoin('users as u', 'u.id', 'a.user_id').select(['u.id', 'u.display_name as name', 'u.email']).where('a.proposal_id', '=', proposalId).orderBy('u.display_name').orderBy('u.id'),
  );
}

export interface AnalysisRow {
  analyst_id: number;
  name: string | null;
  opinion: Opinion;
  comment: string;
  revised_cost: number | null;
  updated_at: string;
}

export function listAnalyses(db: Db, proposalId: number): AnalysisRow[] {
  return readSync(db).all(
    db
      .selectFrom('collect_analyses as a')
      .innerJoin('users as u', 'u.id', 'a.analyst_id')
      .select(['a.analyst_id', 'u.display_name as name', 'a.opinion', 'a.comment', 'a.revised_cost', 'a.updated_at'])
      .where('a.proposal_id', '=', proposalId)
      .orderBy('a.updated_at'),
  );
}

export interface DecisionRow {
  decision: Decision;
  reason_md: string;
  decided_at: string;
}

export function findDecision(db: Db, proposalId: number): DecisionRow | undefined {
  return readSync(db).first(decisionQuery(db, '', { proposalId }));
}
const decisionQuery = compiledQuery<{ proposalId: number }, DecisionRow>((db, p) =>
  db.selectFrom('collect_decisions').select(['decision', 'reason_md', 'decided_at']).where('proposal_id', '=', p.proposalId),
);

export interface OfficialAnswer {
  decision: DecisionRow | null;
  /** The proposal this one was merged into, when it was. */
  mergedInto: { id: number; reference: number } | null;
}

/** What a proposal's public page shows of the officials' work: one read by primary keys. */
export function officialAnswerOf(db: Db, proposalId: number): OfficialAnswer {
  const row = readSync(db).first(officialQuery(db, '', { proposalId }));
  return {
    decision: row?.decision ? { decision: row.decision, reason_md: row.reason_md ?? '', decided_at: row.decided_at ?? '' } : null,
    mergedInto: row?.merged_id ? { id: row.merged_id, reference: row.merged_reference! } : null,
  };
}
type OfficialRow = { decision: Decision | null; reason_md: string | null; decided_at: string | null; merged_id: number | null; merged_reference: number | null };
const officialQuery = compiledQuery<{ proposalId: number }, OfficialRow>((db, p) =>
  db
    .selectFrom('collect_proposals as p')
    .leftJoin('collect_decisions as d', 'd.proposal_id', 'p.contribution_id')
    .leftJoin('collect_proposals as t', 't.contribution_id', 'p.merged_into')
    .select(['d.decision', 'd.reason_md', 'd.decided_at', 't.contribution_id as merged_id', 't.reference as merged_reference'])
    .where('p.contribution_id', '=', p.proposalId),
);

export interface AnalysisListRow {
  id: number;
  reference: number;
  title: string;
  cost: number | null;
  status_name: string | null;
  status_colour: string | null;
  analysts: number;
  favourable: number;
  unfavourable: number;
  decision: Decision | null;
  /** The reader's own opinion (analysts' list). */
  mine: Opinion | null;
}

/**
 * A page of the step's published proposals for the analysis, newest first: every one for a
 * decider, the ones assigned to `analystId` otherwise; filtered on the decision.
 */
export function listForAnalysis(db: Db, o: { stepId: number; analystId: number | null; filter: DecisionFilter; page: number }): { rows: AnalysisListRow[]; hasNext: boolean } {
  let q = db
    .selectFrom('collect_proposals as p')
    .innerJoin('contributions as c', 'c.id', 'p.contribution_id')
    .leftJoin('collect_statuses as st', 'st.id', 'p.status_id')
    .leftJoin('collect_decisions as d', 'd.proposal_id', 'p.contribution_id')
    .select((eb) => [
      'p.contribution_id as id',
      'p.reference',
      'c.title',
      'p.cost',
      'st.name as status_name',
      'st.colour as status_colour',
      'd.decision',
      eb.selectFrom('collect_analysts as a').select((e) => e.fn.countAll<number>().as('n')).whereRef('a.proposal_id', '=', 'p.contribution_id').as('analysts'),
      eb.selectFrom('collect_analyses as a').select((e) => e.fn.countAll<number>().as('n')).whereRef('a.proposal_id', '=', 'p.contribution_id').where('a.opinion', '=', 'favourable').as('favourable'),
      eb.selectFrom('collect_analyses as a').select((e) => e.fn.countAll<number>().as('n')).whereRef('a.proposal_id', '=', 'p.contribution_id').where('a.opinion', '=', 'unfavourable').as('unfavourable'),
      (o.analystId === null
        ? sql<Opinion | null>`null`
        : eb.selectFrom('collect_analyses as a').select('a.opinion').whereRef('a.proposal_id', '=', 'p.contribution_id').where('a.analyst_id', '=', o.analystId)
      ).as('mine'),
    ])
    .where('p.step_id', '=', o.stepId)
    .where('p.published', '=', 1);
  if (o.analystId !== null) q = q.where('p.contribution_id', 'in', db.selectFrom('collect_analysts').select('proposal_id').where('user_id', '=', o.analystId).where('step_id', '=', o.stepId));
  if (o.filter === 'undecided') q = q.where('d.decision', 'is', null);
  else if (o.filter !== 'all') q = q.where('d.decision', '=', o.filter);
  const rows = readSync(db).all(
    q
      .orderBy('p.contribution_id', 'desc')
      .limit(sql.lit(ANALYSIS_PAGE_SIZE + 1))
      .offset((o.page - 1) * ANALYSIS_PAGE_SIZE),
  ) as AnalysisListRow[];
  return { rows: rows.slice(0, ANALYSIS_PAGE_SIZE), hasNext: rows.length > ANALYSIS_PAGE_SIZE };
}

/** The proposal's status (the card query names it, not its id). */
export function findStatusId(db: Db, proposalId: number): number | null {
  return readSync(db).first(db.selectFrom('collect_proposals').select('status_id').where('contribution_id', '=', proposalId))?.status_id ?? null;
}

/** The officials' links on the step's page; null for anonymous visitors (no query, the page may be cached). */
export function analysisLinksOf(db: Db, user: SessionUser | null, stepId: number): { analysis: boolean; duplicates: boolean } | null {
  if (!user) return null;
  const duplicates = user.role === 'admin' || user.role === 'moderator';
  if (user.role === 'admin') return { analysis: true, duplicates };
  // One read for a logged-in reader of the list: decides on the step, or analyses in it.
  const row = readSync(db).first(linksQuery(db, '', { stepId, userId: user.id }));
  return { analysis: !!row && (row.decides > 0 || row.analyses > 0), duplicates };
}
const linksQuery = compiledQuery<{ stepId: number; userId: number }, { decides: number; analyses: number }>((db, p) =>
  db
    .selectNoFrom((eb) => [
      eb.exists(eb.selectFrom('collect_deciders').select('user_id').where('step_id', '=', p.stepId).where('user_id', '=', p.userId)).as('decides'),
      eb.exists(eb.selectFrom('collect_analysts').select('proposal_id').where('user_id', '=', p.userId).where('step_id', '=', p.stepId)).as('analyses'),
    ]),
);
