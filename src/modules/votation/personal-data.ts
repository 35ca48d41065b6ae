// What the votation stores about a person: the register says they voted (never how: ballots
// hold no person). Roll entries hold names and emails but no account, so they are not a
// person's account data; they go when the step is deleted. Erasure keeps the register's row
// (the turnout was counted from it), tied to the emptied account.
import type { PersonalData } from '../../platform/module.ts';
import { readSync } from '../../db/write.ts';

export const personalData: PersonalData = {
  tables: ['votation_voters'],
  export(db, userId) {
    return {
      voted_in: readSync(db).all(
        db.selectFrom('votation_voters as v').innerJoin('steps as s', 's.id', 'v.step_id').select(['v.step_id', 's.title as votation']).where('v.user_id', '=', userId).orderBy('v.step_id'),
      ),
    };
  },
};
