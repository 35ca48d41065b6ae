// What the analysis by officials stores about a person: the steps where they decide, the
// proposals they analyse, their opinions and the decisions they took. Erasure removes their
// roles; opinions and decisions stay, tied to the emptied account, as the record of what was
// decided (the public answer was made from them).
import type { PersonalData } from '../../platform/module.ts';
import { readSync } from '../../db/write.ts';

export const analysisPersonalData: PersonalData & { erase: NonNullable<PersonalData['erase']> } = {
  tables: ['collect_deciders', 'collect_analysts', 'collect_analyses', 'collect_decisions'],
  export(db, userId) {
    const r = readSync(db);
    return {
      deciding_on_steps: r.all(db.selectFrom('collect_deciders').select('step_id').where('user_id', '=', userId).orderBy('step_id')).map((d) => d.step_id),
      analysing_proposals: r.all(db.selectFrom('collect_analysts').select('proposal_id').where('user_id', '=', userId).orderBy('proposal_id')).map((a) => a.proposal_id),
      analyses: r.all(db.selectFrom('collect_analyses').select(['proposal_id', 'opinion', 'comment', 'revised_cost', 'updated_at']).where('analyst_id', '=', userId).orderBy('proposal_id')),
      decisions: r.all(db.selectFrom('collect_decisions').select(['proposal_id', 'decision', 'reason_md', 'decided_at']).where('decided_by', '=', userId).orderBy('proposal_id')),
    };
  },
  erase(db, tx, userId) {
    tx.run(db.deleteFrom('collect_deciders').where('user_id', '=', userId));
    tx.run(db.deleteFrom('collect_analysts').where('user_id', '=', userId));
  },
};
