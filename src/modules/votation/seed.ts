// Demo content for `palabre demo`: an open votation added to the charter project, with a single
// choice question and a majority judgment one, and ballots from seven of the ten demo citizens,
// cast through the same write as the routes. Skipped when the charter already has a votation.
import type { DemoContext } from '../../platform/module.ts';
import type { Db } from '../../db/open.ts';
import { readSync, write } from '../../db/write.ts';
import { insertUser } from '../../platform/users.ts';
import type { Step } from '../../platform/participation.ts';
import { castBallot, saveQuestion } from './writes.ts';

const CHARTER_SLUG = 'charte-participation';
const DAY = 24 * 3600_000;
const CITIZENS = ['Camille Durand', 'Karim Benali', 'Sophie Martin', 'Lucas Moreau', 'Aïcha Diallo', 'Julien Petit', 'Marie Lefèvre', 'Thomas Nguyen', 'Léa Garnier', 'Hugo Fontaine'];
const TITLE = 'Adoption de la charte de la participation';
const BODY = 'La charte a été écrite ensemble pendant la concertation. Votez pour son adoption, puis jugez chacun de ses trois engagements principaux.';
const GRADES = ['Excellent', 'Très bien', 'Bien', 'Assez bien', 'Passable', 'À rejeter'];
const BALLOTS: [number | null, number[]][] = [
  [0, [0, 1, 2]], [0, [1, 1, 3]], [1, [2, 0, 5]], [0, [1, 2, 2]], [null, [0, 0, 1]], [0, [3, 1, 4]], [1, [2, 2, 2]],
];

function createStep(db: Db, now: Date): Step | null {
  const iso = now.toISOString();
  const stepId = write(db, (tx) => {
    let project = tx.first(db.selectFrom('projects').select('id').where('slug', '=', CHARTER_SLUG));
    if (!project) {
      const summary = 'Écrivons ensemble les règles qui encadreront la participation des habitants aux décisions de la commune.';
      project = { id: tx.run(db.insertInto('projects').values({ slug: CHARTER_SLUG, title: 'Charte de la participation citoyenne', summary, visibility: 'public', cover_path: null, created_at: iso, updated_at: iso })).lastInsertRowid };
    }
    if (tx.first(db.selectFrom('steps').select('id').where('project_id', '=', project.id).where('type', '=', 'votation'))) return null;
    const last = tx.first(db.selectFrom('steps').select((eb) => eb.fn.max('position').as('p')).where('project_id', '=', project.id));
    return tx.run(
      db.insertInto('steps').values({
        project_id: project.id, position: Number(last?.p ?? 0) + 1, type: 'votation', title: TITLE, body_md: BODY,
        starts_at: new Date(now.getTime() - 2 * DAY).toISOString(), ends_at: new Date(now.getTime() + 12 * DAY).toISOString(), created_at: iso, updated_at: iso,
      }),
    ).lastInsertRowid;
  });
  return stepId === null ? null : (readSync(db).first(db.selectFrom('steps').selectAll().where('id', '=', stepId)) as Step);
}

export async function seed({ db, log }: DemoContext, now = new Date()): Promise<void> {
  const step = createStep(db, now);
  if (!step) {
    log('votation: the charter already has a votation step, nothing added');
    return;
  }
  saveQuestion(db, step.id, null, { title: 'Adoptez-vous la charte ?', method: 'single', max: null, blank: true, options: ['Oui', 'Non'], grades: null });
  saveQuestion(db, step.id, null, { title: 'Que pensez-vous de chaque engagement ?', method: 'majority', max: null, blank: false, options: ['Répondre à chaque avis publié', 'Publier les comptes rendus', 'Un budget participatif annuel'], grades: GRADES });
  const people = write(db, (tx) =>
    CITIZENS.map((name, i) => {
      const email = `demo${i + 1}@example.org`;
      return tx.first(db.selectFrom('users').select('id').where('email', '=', email))?.id ?? insertUser(db, tx, { email, passwordHash: null, displayName: name, emailConfirmed: true }, new Date(now.getTime() - (40 - i) * DAY).toISOString());
    }),
  );
  await Promise.all(BALLOTS.map(([choice, grades], i) => castBallot(db, step, { userId: people[i]! }, [choice, grades], null)));
  log(`votation: "${TITLE}", 2 questions, ${BALLOTS.length} ballots`);
}
