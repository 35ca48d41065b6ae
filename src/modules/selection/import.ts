// Bringing a collect step's proposals into the vote (administrators): the retained ones by
// default (collect_decisions), or every published one; a proposal already in is skipped. The cost
// is an analyst's revised cost when there is one (the latest), else the author's estimate, else
// 0; the envelope is the proposal's district. Read through the database, never collect's code.
import { sql } from 'kysely';
import type { Db } from '../../db/open.ts';
import { readSync, write } from '../../db/write.ts';

export const IMPORT_SCOPES = ['retained', 'published'] as const;
export type ImportScope = (typeof IMPORT_SCOPES)[number];

/** The collect steps of the project, the sources a selection step can import from. */
export function listCollectSteps(db: Db, projectId: number): { id: number; title: string }[] {
  return readSync(db).all(db.selectFrom('steps').select(['id', 'title']).where('project_id', '=', projectId).where('type', '=', 'collect').orderBy('position'));
}

/** Adds the proposals of `collectStepId` (in scope, published, not merged away) to the vote; how many were added and skipped (already in). */
export function importProposals(db: Db, stepId: number, collectStepId: number, scope: ImportScope, now = new Date().toISOString()): { added: number; skipped: number } {
  return write(db, (tx) => {
    const source = db
      .selectFrom('collect_proposals as p')
      .where('p.step_id', '=', collectStepId)
      .where('p.published', '=', 1)
      .where('p.merged_into', 'is', null)
      .$if(scope === 'retained', (q) => q.where((eb) => eb.exists(eb.selectFrom('collect_decisions as d').select('d.proposal_id').whereRef('d.proposal_id', '=', 'p.contribution_id').where('d.decision', '=', 'retained'))));
    const total = Number(tx.first(source.select((eb) => eb.fn.countAll<number>().as('n')))?.n ?? 0);
    const added = tx.run(
      db
        .insertInto('selection_proposals')
        .columns(['step_id', 'proposal_id', 'district_id', 'cost', 'added_at'])
        .expression(
          source.select((eb) => [
            sql.lit(stepId).as('step_id'),
            'p.contribution_id',
            'p.district_id',
            // The latest revised cost of an analysis, else the estimate, else 0.
            eb.fn
              .coalesce(
                eb
                  .selectFrom('collect_analyses as a')
                  .select('a.revised_cost')
                  .whereRef('a.proposal_id', '=', 'p.contribution_id')
                  .where('a.revised_cost', 'is not', null)
                  .orderBy('a.updated_at', 'desc')
                  .limit(sql.lit(1)),
                'p.cost',
                sql.lit(0),
              )
              .as('cost'),
            sql.val(now).as('added_at'),
          ]),
        )
        .onConflict((oc) => oc.doNothing()),
    ).changes;
    return { added, skipped: total - added };
  });
}
