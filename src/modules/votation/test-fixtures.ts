// Test fixtures of the votation: a project with a votation step (open, closed or upcoming; by
// accounts or electoral roll) holding a single choice and a majority judgment question, roll
// entries with known codes, and the counts that must agree (ballots, marks, turnout).
import { daysFromNow, makeProject, makeStep } from '../../../test/helpers/factories.ts';
import type { Db } from '../../db/open.ts';
import { readSync } from '../../db/write.ts';
import type { Step } from '../../platform/participation.ts';
import { saveQuestion, importRoll, issueCodes } from './writes.ts';
import { codeHash, newCode, votationKey } from './codes.ts';

let n = 0;

export interface VotationIds { projectId: number; stepId: number; step: Step }

export interface VotationOptions {
  state?: 'open' | 'closed' | 'upcoming';
  visibility?: 'public' | 'draft';
  electorate?: 'accounts' | 'roll';
  allowChanges?: boolean;
}

export const GRADES = ['Excellent', 'Très bien', 'Bien', 'Assez bien', 'Passable', 'À rejeter'];

/** A votation with two questions: single choice (blank allowed) and majority judgment of three options. */
export function makeVotation(db: Db, o: VotationOptions = {}): VotationIds {
  n += 1;
  const projectId = makeProject(db, { slug: `vote-${n}-${process.pid}`, title: `Votation ${n}`, visibility: o.visibility ?? 'public' });
  const stepId = makeStep(db, projectId, { type: 'votation', title: `Quel nom pour la place ${n} ?`, body: 'Présentation du vote.' });
  saveQuestion(db, stepId, null, { title: 'Quel nom ?', method: 'single', max: null, blank: true, options: ['Place des Tilleuls', 'Place de la Fontaine'], grades: null });
  saveQuestion(db, stepId, null, { title: 'Jugez les aménagements', method: 'majority', max: null, blank: false, options: ['Bancs', 'Arbres', 'Fontaine'], grades: GRADES });
  db.sqlite.prepare('update steps set settings = ? where id = ?').run(JSON.stringify({ electorate: o.electorate ?? 'accounts', allow_changes: o.allowChanges ?? false }), stepId);
  setState(db, stepId, o.state ?? 'open');
  const step = readSync(db).first(db.selectFrom('steps').selectAll().where('id', '=', stepId))!;
  return { projectId, stepId, step };
}

export function setState(db: Db, stepId: number, state: 'open' | 'closed' | 'upcoming'): void {
  const [starts, ends] = state === 'closed' ? [daysFromNow(-10), daysFromNow(-1)] : state === 'upcoming' ? [daysFromNow(1), daysFromNow(10)] : [daysFromNow(-1), daysFromNow(10)];
  db.sqlite.prepare('update steps set starts_at = ?, ends_at = ? where id = ?').run(starts, ends, stepId);
}

/** `count` roll entries p1.. with emails, and their codes (as issued once). */
export function addRoll(db: Db, dataDir: string, stepId: number, count: number): string[] {
  importRoll(db, stepId, Array.from({ length: count }, (_, i) => ({ identifier: `E${String(i + 1).padStart(5, '0')}`, name: `Électeur ${i + 1}`, email: `electeur${i + 1}@example.org` })));
  const key = votationKey(dataDir);
  return issueCodes(db, stepId, false, () => {
    const code = newCode();
    return { code, hash: codeHash(key, stepId, code) };
  }, () => {}).map((e) => e.code);
}

/** A filled ballot form for makeVotation's questions. */
export const ballotForm = (choice: string, grades: [string, string, string], extra: Record<string, string> = {}) => ({ q0: choice, q1_o0: grades[0], q1_o1: grades[1], q1_o2: grades[2], ...extra });

export const receiptOf = (html: string) => /id="votation-receipt">([0-9a-f-]+)</.exec(html)?.[1] ?? null;

export function counts(db: Db, stepId: number) {
  const one = (sql: string) => (db.sqlite.prepare(sql).get(stepId) as { n: number }).n;
  return {
    ballots: one('select count(*) as n from votation_ballots where step_id = ?'),
    voters: one('select count(*) as n from votation_voters where step_id = ?'),
    turnout: one('select coalesce((select voters_count from votation_steps where step_id = ?), 0) as n'),
  };
}
