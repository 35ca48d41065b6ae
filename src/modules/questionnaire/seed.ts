// Demo content for `palabre demo`: an open questionnaire step (the local-democracy barometer
// template) added to the charter project, anonymous answers allowed and results public, with a
// dozen responses from the demo citizens through the same writes as the routes, so the counters
// are what the pages would make. Skipped when the charter already has a questionnaire step.
import type { DemoContext } from '../../platform/module.ts';
import { addDemoStep, demoCitizens } from '../../platform/demo.ts';
import { listQuestions } from './queries.ts';
import { replaceQuestions, submitResponse } from './writes.ts';
import { readFile } from './transfer.ts';
import { barometer } from './templates/barometer.ts';
import { rng, sampleAnswers } from './sample.ts';

const PRESENTATION = 'Chaque année, la commune mesure l’information, la participation et la confiance de ses habitants. **Répondre prend une vingtaine de minutes** ; vous pouvez enregistrer un brouillon et reprendre plus tard.';

export async function seed({ db, log }: DemoContext, now = new Date()): Promise<void> {
  const step = addDemoStep(db, { type: 'questionnaire', title: barometer.title, body: PRESENTATION, settings: { anonymous: true, public_results: true, drafts: true }, startedDaysAgo: 5, endsInDays: 25 }, now);
  if (!step) {
    log('questionnaire: the charter already has a questionnaire step, nothing added');
    return;
  }
  const read = readFile(barometer);
  if (!read.ok) throw new Error(`the barometer template is invalid: ${read.error.key} ${JSON.stringify(read.error.params)}`);
  replaceQuestions(db, step.id, read.items);
  const questions = listQuestions(db, step.id);
  const random = rng(42);
  const people = demoCitizens(db, now);
  // Ten citizens and two anonymous visitors, one commit for them all.
  const who = [...people.map((userId) => ({ userId, token: null })), { userId: null, token: null }, { userId: null, token: null }];
  await Promise.all(who.map((w, i) => submitResponse(db, step, w, null, questions, sampleAnswers(questions, random), { single: true, districtId: null }, undefined, new Date(now.getTime() - (12 - i) * 3600_000).toISOString())));
  log(`questionnaire: "${barometer.title}", ${questions.length} questions, ${who.length} responses`);
}
