// What the debate stores about a person beyond the contributions core: their votes, the side of
// each of their arguments, and their "useful" marks. Erasure keeps votes, sides and marks (the
// public counts were made of them); the emptied account behind them no longer says who it was,
// and the arguments stay signed "deleted participant" like every contribution.
import type { PersonalData } from '../../platform/module.ts';
import { readSync } from '../../db/write.ts';

export const personalData: PersonalData = {
  tables: ['debate_votes', 'debate_arguments', 'debate_useful_marks'],
  export(db, userId) {
    const r = readSync(db);
    return {
      votes: r.all(
        db
          .selectFrom('debate_votes as v')
          .innerJoin('steps as s', 's.id', 'v.step_id')
          .select(['v.step_id', 's.title as question', 'v.side', 'v.created_at'])
          .where('v.user_id', '=', userId)
          .orderBy('v.created_at'),
      ),
      // The side of what they wrote (its text is in `contributions`).
      arguments: r.all(
        db.selectFrom('debate_arguments').select(['contribution_id', 'step_id', 'side', 'useful_count']).where('author_id', '=', userId).orderBy('contribution_id'),
      ),
      useful_marks: r.all(
        db.selectFrom('debate_useful_marks').select(['argument_id as contribution_id', 'created_at']).where('user_id', '=', userId).orderBy('created_at'),
      ),
    };
  },
};
