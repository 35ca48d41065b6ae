// Test fixtures of the questionnaire, on top of test/helpers/factories.ts: a project with a
// questionnaire step (open, closed or upcoming, with chosen settings) and its questions made
// through the module's own writes, and the counters compared with a recount from the rows.
import { dbOf, daysFromNow, makeProject, makeStep, type DbOrApp } from '../../../test/helpers/factories.ts';
import type { Db } from '../../db/open.ts';
import { readSync } from '../../db/write.ts';
import type { Visibility } from '../../db/schema.ts';
import type { Step } from '../../platform/participation.ts';
import { dropHidden } from '../../platform/questions/logic.ts';
import type { Answers } from '../../platform/questions/types.ts';
import { listQuestions } from './queries.ts';
import { readFile } from './transfer.ts';
import { replaceQuestions } from './writes.ts';
import { responseSlots } from './rules.ts';
import type { QuestionnaireFile } from './transfer.ts';

let n = 0;

export interface QuestionnaireIds {
  projectId: number;
  stepId: number;
  step: Step;
}

export interface QuestionnaireOptions {
  visibility?: Visibility;
  state?: 'open' | 'closed' | 'upcoming';
  settings?: Record<string, unknown>;
  /** The questions, in the file format; SMALL unless given. */
  file?: QuestionnaireFile;
}

/**
 * Three pages: (1) a required single choice "Quartier" and a yes/no with a follow-up shown on
 * yes; (2) section "Avis" with a required Likert scale, a grid and a text; (3) section "Fin" with
 * a majority judgment. The yes/no jumps to "Fin" on no.
 */
export const SMALL: QuestionnaireFile = {
  format: 'palabre-questionnaire',
  version: 1,
  title: 'Petit questionnaire',
  questions: [
    { id: 1, type: 'single', title: 'Votre quartier', required: true, config: { options: ['Centre', 'Gare', 'Port'] } },
    { id: 2, type: 'yes_no', title: 'Utilisez-vous le vélo ?', jump: { when: { question: 2, op: 'is', value: 'no' }, to: 20 } },
    { id: 3, type: 'multiple', title: 'Pour quels trajets ?', config: { options: ['Travail', 'Courses', 'Loisirs'], other: true }, showIf: [{ question: 2, op: 'is', value: 'yes' }] },
    { id: 10, type: 'section', title: 'Avis' },
    { id: 4, type: 'scale', title: 'Satisfaction', required: true, config: { min: 1, labels: ['Mauvais', 'Moyen', 'Bon'] } },
    { id: 5, type: 'grid', title: 'Les rues', config: { rows: ['Propreté', 'Éclairage'], columns: ['Bien', 'Mal'] } },
    { id: 6, type: 'long_text', title: 'Une idée ?' },
    { id: 20, type: 'section', title: 'Fin' },
    { id: 7, type: 'majority', title: 'Les projets', config: { options: ['Parc', 'Piscine', 'Marché'] } },
    { id: 8, type: 'number', title: 'Votre âge', private: true, config: { min: 0, max: 120 } },
  ],
};

/** A public project with one open questionnaire step holding SMALL unless told otherwise. */
export function makeQuestionnaire(db: Db, o: QuestionnaireOptions = {}): QuestionnaireIds {
  n += 1;
  const [starts, ends] = o.state === 'closed' ? [daysFromNow(-10), daysFromNow(-1)] : o.state === 'upcoming' ? [daysFromNow(1), daysFromNow(10)] : [daysFromNow(-1), daysFromNow(10)];
  const projectId = makeProject(db, { slug: `enquete-${n}-${process.pid}`, title: `Enquête ${n}`, visibility: o.visibility ?? 'public' });
  const stepId = makeStep(db, projectId, { type: 'questionnaire', title: `Questionnaire ${n}`, body: 'Une **présentation**.', starts, ends });
  if (o.settings) db.sqlite.prepare('update steps set settings = ? where id = ?').run(JSON.stringify(o.settings), stepId);
  const read = readFile(o.file ?? SMALL);
  if (!read.ok) throw new Error(`bad fixture: ${JSON.stringify(read.error)}`);
  replaceQuestions(db, stepId, read.items);
  const step = readSync(db).first(db.selectFrom('steps').selectAll().where('id', '=', stepId))!;
  return { projectId, stepId, step };
}

/** The question ids of a step in order (the file's ids are replaced by the database's). */
export const questionIds = (on: DbOrApp, stepId: number) => listQuestions(dbOf(on), stepId).map((q) => q.id);

/** The step's counters, and the same recounted from the submitted responses' answers. */
export function countersVsRows(on: DbOrApp, stepId: number) {
  const db = dbOf(on);
  const questions = listQuestions(db, stepId);
  const stored = new Map<string, number>();
  for (const r of db.sqlite.prepare('select segment, question_id, slot, n from questionnaire_counts where step_id = ? and n != 0').all(stepId) as { segment: string; question_id: number; slot: string; n: number }[]) stored.set(`${r.segment}/${r.question_id}/${r.slot}`, r.n);
  const recount = new Map<string, number>();
  const rows = db.sqlite.prepare("select answers, segment from questionnaire_responses where step_id = ? and status = 'submitted'").all(stepId) as { answers: string; segment: string }[];
  for (const r of rows) {
    const answers: Answers = dropHidden(questions, JSON.parse(r.answers));
    for (const seg of r.segment ? ['', r.segment] : ['']) for (const [q, slot] of [[0, 'responses'] as [number, string], ...responseSlots(questions, answers)]) recount.set(`${seg}/${q}/${slot}`, (recount.get(`${seg}/${q}/${slot}`) ?? 0) + 1);
  }
  const responses = (db.sqlite.prepare('select responses_count as n from questionnaire_steps where step_id = ?').get(stepId) as { n: number } | undefined)?.n ?? 0;
  return { stored: Object.fromEntries([...stored].sort()), recount: Object.fromEntries([...recount].sort()), responses, rows: rows.length };
}

