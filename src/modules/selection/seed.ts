// Demo content for `palabre demo`: a participatory budget's vote added to the charter project,
// fed with the published proposals of the demo collect step (the collect module's seed runs
// first), and votes of the demo citizens cast through the ballot's own write, so the counters
// are what the pages would have made. Skipped when the charter already has a selection step,
// or has no collect step to take proposals from.
import type { DemoContext } from '../../platform/module.ts';
import { addDemoStep, demoCitizens, DEMO_PROJECT_SLUG } from '../../platform/demo.ts';
import { readSync, write } from '../../db/write.ts';
import type { Db } from '../../db/open.ts';
import { addVote } from './ballot-writes.ts';

export const STEP_TITLE = 'Vote du budget participatif : choisissez vos projets';
const PRESENTATION =
  'La ville consacre **100 000 €** aux projets proposés par les habitants. Choisissez ceux que vous voulez voir réalisés : chaque vote coûte le montant du projet, et le total de vos choix ne peut pas dépasser le budget.';
const BUDGET = 100_000;
/** Per demo citizen, the proposals they vote for, by reference number: each ballot fits the budget. */
const BALLOTS: number[][] = [[1, 2, 3], [5], [2, 8, 9, 4], [6, 3], [1, 10, 7], [9, 2], [8, 3, 1, 4], [6, 9], [10, 7, 2], [1, 3, 9, 4]];

/** The published proposals of the charter's collect step, with their reference, cost and district. */
function demoProposals(db: Db) {
  return readSync(db).all(
    db
      .selectFrom('collect_proposals as p')
      .innerJoin('steps as s', 's.id', 'p.step_id')
      .innerJoin('projects as pr', 'pr.id', 's.project_id')
      .select(['p.contribution_id as id', 'p.reference', 'p.cost', 'p.district_id'])
      .where('pr.slug', '=', DEMO_PROJECT_SLUG)
      .where('s.type', '=', 'collect')
      .where('p.published', '=', 1)
      .orderBy('p.reference'),
  );
}

export async function seed({ db, log }: DemoContext, now = new Date()): Promise<void> {
  const proposals = demoProposals(db);
  if (proposals.length === 0) {
    log('selection: the charter has no collect step with proposals, nothing added');
    return;
  }
  const settings = { vote_type: 'budget', budget: BUDGET, votes_max: 0, votes_min: 0, ranked: false, envelopes: 'none', confirm: false };
  const step = addDemoStep(db, { type: 'selection', title: STEP_TITLE, body: PRESENTATION, settings, startedDaysAgo: 2, endsInDays: 21 }, now);
  if (!step) {
    log('selection: the charter already has a selection step, nothing added');
    return;
  }
  const added = now.toISOString();
  write(db, (tx) => {
    for (const p of proposals) tx.run(db.insertInto('selection_proposals').values({ step_id: step.id, proposal_id: p.id, district_id: p.district_id, cost: p.cost ?? 0, added_at: added }));
  });
  const byReference = new Map(proposals.map((p) => [p.reference, p.id]));
  const people = demoCitizens(db, now);
  let votes = 0;
  for (const [i, refs] of BALLOTS.entries()) {
    for (const ref of refs) {
      const id = byReference.get(ref);
      if (id === undefined) continue;
      await addVote(db, step, people[i]!, id);
      votes += 1;
    }
  }
  log(`selection: "${STEP_TITLE}", ${proposals.length} proposals, ${votes} votes`);
}
