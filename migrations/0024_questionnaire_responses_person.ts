// A person's responses to a step, found by one index: (user_id, step_id, status, id). The latest
// submitted response of a person was looked for among all of the step's submitted responses,
// newest first; with thousands of them, a person who answered early cost a long walk. The index
// on user_id alone becomes its prefix (erasing an account still finds its responses).
import type { Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.createIndex('questionnaire_responses_person').on('questionnaire_responses').columns(['user_id', 'step_id', 'status', 'id']).execute();
  await db.schema.dropIndex('questionnaire_responses_user').execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.createIndex('questionnaire_responses_user').on('questionnaire_responses').column('user_id').execute();
  await db.schema.dropIndex('questionnaire_responses_person').execute();
}
