// Reads of a selection step's results: the step's row (publication, number of winners), the
// proposals of the vote with their counters, envelopes' budgets and districts' names, put
// through the pure rules (results-rules.ts). One query per table whatever the number of
// proposals; hidden proposals (collect_proposals.published = 0) are never read.
import { sql } from 'kysely';
import type { Db } from '../../db/open.ts';
import { readSync } from '../../db/write.ts';
import type { Step } from '../../platform/participation.ts';
import { voteSettings, type VoteSettings } from './rules.ts';
import { computeResults, envelopeOf, type EnvelopeResult, type ResultRow } from './results-rules.ts';
import './schema-results.ts';

export interface SelectionStepRow {
  counts_public_at: string | null;
  results_published_at: string | null;
  winners_max: number;
}

/** The step's row, or its defaults when no write has made it yet. */
export function findSelectionStep(db: Db, stepId: number): SelectionStepRow {
  const row = readSync(db).first(db.selectFrom('selection_steps').select(['counts_public_at', 'results_published_at', 'winners_max']).where('step_id', '=', stepId));
  return row ?? { counts_public_at: null, results_published_at: null, winners_max: 0 };
}

export interface ResultProposal extends ResultRow {
  reference: number;
  title: string;
  /** The winner flag stored at publication. */
  storedWinner: boolean;
}

export interface EnvelopeView extends Omit<EnvelopeResult, 'rows'> {
  /** The district's name; null: city-wide (or the one envelope of a step without envelopes). */
  name: string | null;
  rows: ResultProposal[];
}

export interface StepResults {
  settings: VoteSettings;
  selection: SelectionStepRow;
  envelopes: EnvelopeView[];
}

/** Every published proposal of the vote with its counters, in proposal order. */
export function listResultProposals(db: Db, stepId: number) {
  return readSync(db).all(
    db
      .selectFrom('selection_proposals as sp')
      .innerJoin('collect_proposals as cp', 'cp.contribution_id', 'sp.proposal_id')
      .innerJoin('contributions as c', 'c.id', 'sp.proposal_id')
      .select(['sp.proposal_id', 'sp.district_id', 'sp.cost', 'sp.votes_count', 'sp.points', 'sp.paper_votes', 'sp.paper_points', 'sp.winner', 'cp.reference', 'c.title'])
      .where('sp.step_id', '=', stepId)
      .where('cp.published', '=', 1)
      .orderBy('sp.proposal_id'),
  );
}

/** The step's budgets: per envelope when set, else the step's setting. */
export function envelopeBudgets(db: Db, stepId: number, settings: VoteSettings): (envelope: number | null) => number {
  const rows = readSync(db).all(db.selectFrom('selection_envelopes').select(['district_id', 'budget']).where('step_id', '=', stepId));
  const budgets = new Map(rows.map((r) => [r.district_id, r.budget]));
  return (envelope) => budgets.get(envelope) ?? settings.budget;
}

/** The ranking and winners of every envelope, as the rules compute them now. */
export function buildResults(db: Db, step: Pick<Step, 'id' | 'settings'>): StepResults {
  const settings = voteSettings(step);
  const selection = findSelectionStep(db, step.id);
  const proposals = listResultProposals(db, step.id);
  const byId = new Map(proposals.map((p) => [p.proposal_id, p]));
  const computed = computeResults(
    proposals.map((p) => ({
      proposalId: p.proposal_id,
      envelope: envelopeOf(p.district_id, settings.envelopes),
      cost: p.cost,
      votes: p.votes_count,
      points: p.points,
      paperVotes: p.paper_votes,
      paperPoints: p.paper_points,
    })),
    { ranked: settings.ranked, budgetOf: envelopeBudgets(db, step.id, settings), winnersMax: selection.winners_max },
  );
  const districtIds = computed.map((e) => e.envelope).filter((e): e is number => e !== null);
  const names = new Map(
    districtIds.length ? readSync(db).all(db.selectFrom('districts').select(['id', 'name']).where('id', 'in', districtIds)).map((d) => [d.id, d.name] as const) : [],
  );
  const envelopes = computed
    .map((e) => ({
      ...e,
      name: e.envelope === null ? null : (names.get(e.envelope) ?? null),
      rows: e.rows.map((r) => {
        const p = byId.get(r.proposalId)!;
        return { ...r, reference: p.reference, title: p.title ?? '', storedWinner: p.winner === 1 };
      }),
    }))
    // City-wide first, then districts by name.
    .sort((a, b) => (a.envelope === null ? -1 : b.envelope === null ? 1 : (a.name ?? '').localeCompare(b.name ?? '', 'fr')));
  return { settings, selection, envelopes };
}

/** The results log of a step, newest first, with who did it (null once the account is erased). */
export function listResultsLog(db: Db, stepId: number, limit = 20) {
  return readSync(db).all(
    db
      .selectFrom('selection_results_log as l')
      .leftJoin('users as u', 'u.id', 'l.user_id')
      .select(['l.id', 'l.action', 'l.reason', 'l.created_at', 'u.display_name', 'u.deleted_at'])
      .where('l.step_id', '=', stepId)
      .orderBy('l.id', 'desc')
      .limit(sql.lit(limit)),
  );
}

/** When the results were last withdrawn, if the last thing that happened to them is a withdrawal. */
export function findWithdrawal(db: Db, stepId: number): string | null {
  const last = readSync(db).first(db.selectFrom('selection_results_log').select(['action', 'created_at']).where('step_id', '=', stepId).orderBy('id', 'desc').limit(sql.lit(1)));
  return last?.action === 'withdrawn' ? last.created_at : null;
}
