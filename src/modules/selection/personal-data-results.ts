// What the results' tables store about a person: the paper counts a staff member entered (the
// log), the publications and withdrawals of results they made (the results log, with a
// withdrawal's reason) and the follow-up news they wrote. Erasure keeps them all: they are the
// municipality's record, and the emptied account behind them no longer says who it was.
import type { PersonalData } from '../../platform/module.ts';
import { readSync } from '../../db/write.ts';
import './schema-results.ts';

/** The module's personal data (personal-data.ts) with the results' tables added. */
export function withResultsData(base: PersonalData): PersonalData {
  return {
    ...base,
    tables: [...base.tables, 'selection_paper_entries', 'selection_updates', 'selection_results_log'],
    export(db, userId) {
      const r = readSync(db);
      return {
        ...base.export(db, userId),
        paperEntries: r.all(
          db
            .selectFrom('selection_paper_entries')
            .select(['step_id', 'proposal_id', 'votes_before', 'votes_after', 'points_before', 'points_after', 'created_at'])
            .where('user_id', '=', userId)
            .orderBy('id'),
        ),
        resultsLog: r.all(db.selectFrom('selection_results_log').select(['step_id', 'action', 'reason', 'created_at']).where('user_id', '=', userId).orderBy('id')),
        followUpUpdates: r.all(db.selectFrom('selection_updates').select(['step_id', 'proposal_id', 'title', 'body_md', 'published_at', 'edited_at']).where('author_id', '=', userId).orderBy('id')),
      };
    },
  };
}
