// Demo content for `palabre demo`: an open questionnaire step (the local-democracy barometer
// template) added to the charter project, anonymous answers allowed and results public, with a
// dozen responses from the demo citizens through the same writes as the routes, so the counters
// are what the pages would make. Skipped when the charter already has a questionnaire step.
import type { DemoContext } from '../../platform/module.ts';
import type { Db } from '../../db/open.ts';
import { readSync, write } from '../../db/write.ts';
import { insertUser } from '../../platform/users.ts';
import type { Step } from '../../platform/participation.ts';
import { listQuestions } from './queries.ts';
import { replaceQuestions, submitResponse } from './writes.ts';
import { readFile } from './transfer.ts';
import { barometer } from './templates/barometer.ts';
import { rng, sampleAnswers } from './sample.ts';

export const CHARTER_SLUG = 'charte-participation';
const DAY = 24 * 3600_000;
const PRESENTATION = 'Chaque année, la commune mesure l’information, la participation et la confiance de ses habitants. **Répondre prend une vingtaine de minutes** ; vous pouvez enregistrer un brouillon et reprendre plus tard.';

function createStep(db: Db, now: Date): Step | null {
  const iso = now.toISOString();
  const stepId = write(db, (tx) => {
    let project = tx.first(db.selectFrom('projects').select('id').where('slug', '=', CHARTER_SLUG));
    if (!project) {
      const summary = 'Écrivons ensemble les règles qui encadreront la participation des habitants aux décisions de la commune.';
      project = { id: tx.run(db.insertInto('projects').values({ slug: CHARTER_SLUG, title: 'Charte de la participation citoyenne', summary, visibility: 'public', cover_path: null, created_at: iso, updated_at: iso })).lastInsertRowid };
    }
    if (tx.first(db.selectFrom('steps').select('id').where('project_id', '=', project.id).where('type', '=', 'questionnaire'))) return null;
    const last = tx.first(db.selectFrom('steps').select((eb) => eb.fn.max('position').as('p')).where('project_id', '=', project.id));
    return tx.run(
      db.insertInto('steps').values({
        project_id: project.id,
        position: Number(last?.p ?? 0) + 1,
        type: 'questionnaire',
        title: barometer.title,
        body_md: PRESENTATION,
        settings: JSON.stringify({ anonymous: true, public_results: true, drafts: true }),
        starts_at: new Date(now.getTime() - 5 * DAY).toISOString(),
        ends_at: new Date(now.getTime() + 25 * DAY).toISOString(),
        created_at: iso,
        updated_at: iso,
      }),
    ).lastInsertRowid;
  });
  return stepId === null ? null : (readSync(db).first(db.selectFrom('steps').selectAll().where('id', '=', stepId)) as Step);
}

function findOrCreateCitizens(db: Db, now: Date): number[] {
  return write(db, (tx) =>
    Array.from({ length: 10 }, (_, i) => {
      const email = `demo${i + 1}@example.org`;
      const found = tx.first(db.selectFrom('users').select('id').where('email', '=', email));
      return found ? found.id : insertUser(db, tx, { email, passwordHash: null, displayName: `Habitant ${i + 1}`, emailConfirmed: true }, new Date(now.getTime() - (40 - i) * DAY).toISOString());
    }),
  );
}

export async function seed({ db, log }: DemoContext, now = new Date()): Promise<void> {
  const step = createStep(db, now);
  if (!step) {
    log('questionnaire: the charter already has a questionnaire step, nothing added');
    return;
  }
  const read = readFile(barometer);
  if (!read.ok) throw new Error(`the barometer template is invalid: ${read.error.key} ${JSON.stringify(read.error.params)}`);
  replaceQuestions(db, step.id, read.items);
  const questions = listQuestions(db, step.id);
  const random = rng(42);
  const people = findOrCreateCitizens(db, now);
  // Ten citizens and two anonymous visitors, one commit for them all.
  const who = [...people.map((userId) => ({ userId, token: null })), { userId: null, token: null }, { userId: null, token: null }];
  await Promise.all(who.map((w, i) => submitResponse(db, step, w, null, questions, sampleAnswers(questions, random), { single: true, districtId: null }, undefined, new Date(now.getTime() - (12 - i) * 3600_000).toISOString())));
  log(`questionnaire: "${barometer.title}", ${questions.length} questions, ${who.length} responses`);
}
