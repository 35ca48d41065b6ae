// What the selection step stores about a person: their ballots (envelope, validation) and their
// votes (public supports, like a consultation's votes). Erasure keeps them: the public counts
// were made of them, and the emptied account behind them no longer says who it was.
import type { PersonalData } from '../../platform/module.ts';
import { readSync } from '../../db/write.ts';

export const personalData: PersonalData = {
  tables: ['selection_ballots', 'selection_votes'],
  export(db, userId) {
    const r = readSync(db);
    return {
      ballots: r.all(
        db
          .selectFrom('selection_ballots as b')
          .innerJoin('steps as s', 's.id', 'b.step_id')
          .leftJoin('districts as d', 'd.id', 'b.district_id')
          .select(['b.step_id', 's.title as step', 'd.name as district', 'b.votes', 'b.counted', 'b.validated_at', 'b.created_at', 'b.updated_at'])
          .where('b.user_id', '=', userId)
          .orderBy('b.created_at'),
      ),
      votes: r.all(
        db
          .selectFrom('selection_votes as v')
          .innerJoin('contributions as c', 'c.id', 'v.proposal_id')
          .select(['v.step_id', 'v.proposal_id', 'c.title as proposal', 'v.position', 'v.created_at'])
          .where('v.user_id', '=', userId)
          .orderBy('v.step_id')
          .orderBy('v.position'),
      ),
    };
  },
};
