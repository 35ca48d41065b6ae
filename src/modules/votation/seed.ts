// Demo content for `palabre demo`: an open votation added to the charter project, with a single
// choice question and a majority judgment one, and ballots from seven of the ten demo citizens,
// cast through the same write as the routes. Skipped when the charter already has a votation.
import type { DemoContext } from '../../platform/module.ts';
import { addDemoStep, demoCitizens } from '../../platform/demo.ts';
import { castBallot, saveQuestion } from './writes.ts';

const TITLE = 'Adoption de la charte de la participation';
const BODY = 'La charte a été écrite ensemble pendant la concertation. Votez pour son adoption, puis jugez chacun de ses trois engagements principaux.';
const GRADES = ['Excellent', 'Très bien', 'Bien', 'Assez bien', 'Passable', 'À rejeter'];
const BALLOTS: [number | null, number[]][] = [
  [0, [0, 1, 2]], [0, [1, 1, 3]], [1, [2, 0, 5]], [0, [1, 2, 2]], [null, [0, 0, 1]], [0, [3, 1, 4]], [1, [2, 2, 2]],
];

export async function seed({ db, log }: DemoContext, now = new Date()): Promise<void> {
  const step = addDemoStep(db, { type: 'votation', title: TITLE, body: BODY, startedDaysAgo: 2, endsInDays: 12 }, now);
  if (!step) {
    log('votation: the charter already has a votation step, nothing added');
    return;
  }
  saveQuestion(db, step.id, null, { title: 'Adoptez-vous la charte ?', method: 'single', max: null, blank: true, options: ['Oui', 'Non'], grades: null });
  saveQuestion(db, step.id, null, { title: 'Que pensez-vous de chaque engagement ?', method: 'majority', max: null, blank: false, options: ['Répondre à chaque avis publié', 'Publier les comptes rendus', 'Un budget participatif annuel'], grades: GRADES });
  const people = demoCitizens(db, now);
  await Promise.all(BALLOTS.map(([choice, grades], i) => castBallot(db, step, { userId: people[i]! }, [choice, grades], null)));
  log(`votation: "${TITLE}", 2 questions, ${BALLOTS.length} ballots`);
}
