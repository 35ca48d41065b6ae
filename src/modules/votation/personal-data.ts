// What the votation stores about a person: the register says they voted (never how: ballots
// hold no person), and the electoral roll holds identifiers, names and emails but no account.
// An account's erasure keeps its register row (the turnout was counted from it), tied to the
// emptied account; the roll's people are erased by the administrator after the close
// (eraseRoll: identifiers replaced, names, emails and codes removed, rows and counts kept).
import type { PersonalData } from '../../platform/module.ts';
import { readSync } from '../../db/write.ts';

export const personalData: PersonalData = {
  tables: ['votation_voters', 'votation_roll'],
  export(db, userId) {
    return {
      voted_in: readSync(db).all(
        db.selectFrom('votation_voters as v').innerJoin('steps as s', 's.id', 'v.step_id').select(['v.step_id', 's.title as votation']).where('v.user_id', '=', userId).orderBy('v.step_id'),
      ),
    };
  },
};
