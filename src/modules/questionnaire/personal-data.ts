// What the questionnaire stores about a person: their responses (drafts and submitted) with their
// answers. Erasure deletes their drafts and cuts the link from their submitted responses to the
// account: the answers stay in the results, as anonymous ones are (never linked to anyone).
import { sql } from 'kysely';
import type { PersonalData } from '../../platform/module.ts';
import { readSync } from '../../db/write.ts';

export const personalData: PersonalData = {
  tables: ['questionnaire_responses'],
  export(db, userId) {
    const rows = readSync(db).all(
      db
        .selectFrom('questionnaire_responses as r')
        .innerJoin('steps as s', 's.id', 'r.step_id')
        .select(['r.id', 'r.step_id', 's.title as questionnaire', 'r.status', 'r.answers', 'r.created_at', 'r.submitted_at'])
        .where('r.user_id', '=', userId)
        .orderBy('r.id'),
    );
    return { responses: rows.map((r) => ({ ...r, answers: JSON.parse(r.answers) })) };
  },
  erase(db, tx, userId) {
    tx.run(db.deleteFrom('questionnaire_responses').where('user_id', '=', userId).where('status', '=', sql.lit('draft')));
    tx.run(db.updateTable('questionnaire_responses').set({ user_id: null }).where('user_id', '=', userId));
  },
};
