// Reads of one person's ballot in a selection step: the ballot row, their votes with their
// proposals' costs and envelopes, the envelopes' budgets and, with envelopes, the project's
// districts and the person's declared one. Synchronous, so the writes read the ballot inside
// their transaction through the same function; each query is compiled once (db/compiled.ts).
import type { Db } from '../../db/open.ts';
import { readSync } from '../../db/write.ts';
import { compiledQuery } from '../../db/compiled.ts';
import type { Step } from '../../platform/participation.ts';
import { voteSettings, type VoteSettings } from './rules.ts';
import { budgetOf, envelopeOf, type BallotSummary, type BallotVote, type EnvelopeState } from './vote-rules.ts';

export type { BallotSummary };

type StepRef = Pick<Step, 'id' | 'project_id' | 'settings'>;

interface BallotRow {
  district_id: number | null;
  validated_at: string | null;
  counted: number;
}
const ballotQuery = compiledQuery<{ stepId: number; userId: number }, BallotRow>((db, p) =>
  db.selectFrom('selection_ballots').select(['district_id', 'validated_at', 'counted']).where('step_id', '=', p.stepId).where('user_id', '=', p.userId),
);

const votesQuery = compiledQuery<{ stepId: number; userId: number }, BallotVote>((db, p) =>
  db
    .selectFrom('selection_votes as v')
    .innerJoin('selection_proposals as p', (j) => j.onRef('p.step_id', '=', 'v.step_id').onRef('p.proposal_id', '=', 'v.proposal_id'))
    .select(['v.proposal_id as proposalId', 'v.position', 'p.cost', 'p.district_id as districtId'])
    .where('v.step_id', '=', p.stepId)
    .where('v.user_id', '=', p.userId)
    .orderBy('v.position')
    .orderBy('v.proposal_id'),
);

const budgetsQuery = compiledQuery<{ stepId: number }, { district_id: number | null; budget: number }>((db, p) =>
  db.selectFrom('selection_envelopes').select(['district_id', 'budget']).where('step_id', '=', p.stepId),
);

const districtsQuery = compiledQuery<{ projectId: number }, { id: number; name: string }>((db, p) =>
  db.selectFrom('project_districts as pd').innerJoin('districts as d', 'd.id', 'pd.district_id').select(['d.id', 'd.name']).where('pd.project_id', '=', p.projectId).orderBy('d.name').orderBy('d.id'),
);

const declaredQuery = compiledQuery<{ userId: number }, { district_id: number | null }>((db, p) => db.selectFrom('users').select('district_id').where('id', '=', p.userId));

/** The person's votes in order, with their proposals' costs and envelopes. */
export const listVotes = (db: Db, stepId: number, userId: number): BallotVote[] => readSync(db).all(votesQuery(db, '', { stepId, userId }));

/** The budgets set per envelope (districts by id, the city-wide one under 0). */
export function envelopeBudgets(db: Db, stepId: number): Map<number, number> {
  return new Map(readSync(db).all(budgetsQuery(db, '', { stepId })).map((r) => [r.district_id ?? 0, r.budget]));
}

/** The project's districts, by name. */
export const listDistricts = (db: Db, projectId: number) => readSync(db).all(districtsQuery(db, '', { projectId }));

/**
 * One person's ballot: their votes in order, what is left (votes, and budget per envelope), the
 * district envelope they vote in (chosen, else declared when it is one of the project's), and
 * whether it is validated and counted. A person without a ballot gets an empty one.
 */
export function findBallot(db: Db, step: StepRef, userId: number, settings: VoteSettings = voteSettings(step)): BallotSummary {
  const r = readSync(db);
  const row = r.first(ballotQuery(db, '', { stepId: step.id, userId }));
  const votes = listVotes(db, step.id, userId);
  const budgets = envelopeBudgets(db, step.id);
  const districts = settings.envelopes === 'none' ? [] : listDistricts(db, step.project_id);
  let districtId = row?.district_id ?? null;
  if (districtId === null && settings.envelopes !== 'none') {
    const declared = r.first(declaredQuery(db, '', { userId }))?.district_id ?? null;
    if (districts.some((d) => d.id === declared)) districtId = declared;
  }
  const districtLocked = votes.some((v) => v.districtId !== null && envelopeOf(settings, v.districtId) !== null);
  const envelopeIds: (number | null)[] = settings.envelopes === 'none' ? [null] : settings.envelopes === 'districts' ? (districtId === null ? [] : [districtId]) : districtId === null ? [null] : [districtId, null];
  const envelopes: EnvelopeState[] = envelopeIds.map((id) => {
    const mine = votes.filter((v) => envelopeOf(settings, v.districtId) === id);
    const spent = mine.reduce((sum, v) => sum + v.cost, 0);
    const budget = budgetOf(budgets, settings, id);
    return { districtId: id, name: id === null ? null : (districts.find((d) => d.id === id)?.name ?? null), budget, spent, left: Math.max(budget - spent, 0), votes: mine.length };
  });
  return {
    stepId: step.id,
    exists: row !== undefined,
    votes,
    voted: new Map(votes.map((v) => [v.proposalId, v.position])),
    votesLeft: settings.votesMax > 0 ? Math.max(settings.votesMax - votes.length, 0) : null,
    districtId,
    districtName: districts.find((d) => d.id === districtId)?.name ?? null,
    districts,
    districtLocked,
    validatedAt: row?.validated_at ?? null,
    counted: row?.counted === 1,
    envelopes,
    budgets,
  };
}
