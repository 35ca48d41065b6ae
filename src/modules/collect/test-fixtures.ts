// Test fixtures of the collect step, on top of test/helpers/factories.ts: a project with a
// collect step (open, closed or upcoming; settings and form given), categories, statuses,
// districts and questions written straight to the database, proposals written through the
// module's own write (so the index and counters are real) or directly with chosen fields (for
// sorts and pages), and the counters compared with the rows.
import { daysFromNow, makeProject, makeStep, dbOf, type DbOrApp } from '../../../test/helpers/factories.ts';
import type { Db } from '../../db/open.ts';
import { readSync, write } from '../../db/write.ts';
import type { Visibility } from '../../db/schema.ts';
import type { Step } from '../../platform/participation.ts';
import type { Definition } from '../../platform/questions/definition.ts';
import { createCategory, createQuestion, saveFormConfig } from './admin-writes.ts';
import { createProposal } from './writes.ts';
import { formConfig, type FormConfig } from './rules.ts';
import type { ProposalInput } from './proposal-input.ts';

let n = 0;

export interface CollectIds {
  projectId: number;
  stepId: number;
  step: Step;
}

export interface CollectOptions {
  visibility?: Visibility;
  state?: 'open' | 'closed' | 'upcoming';
  settings?: Record<string, unknown>;
  /** Changes to the default form. */
  form?: (f: FormConfig) => void;
  premoderation?: boolean;
}

const dates = (state: CollectOptions['state']) => (state === 'closed' ? [daysFromNow(-10), daysFromNow(-1)] : state === 'upcoming' ? [daysFromNow(1), daysFromNow(10)] : [daysFromNow(-1), daysFromNow(10)]);

/** A public project with one open collect step "Boîte à idées <n>" unless told otherwise. */
export function makeCollect(db: Db, o: CollectOptions = {}): CollectIds {
  n += 1;
  const [starts, ends] = dates(o.state);
  const projectId = makeProject(db, { slug: `budget-${n}-${process.pid}`, title: `Budget participatif ${n}`, visibility: o.visibility ?? 'public' });
  const stepId = makeStep(db, projectId, { type: 'collect', title: `Boîte à idées ${n}`, body: 'Vos **idées** pour la ville.', starts, ends });
  if (o.settings) db.sqlite.prepare('update steps set settings = ? where id = ?').run(JSON.stringify(o.settings), stepId);
  if (o.premoderation) db.sqlite.prepare('update steps set premoderation = 1 where id = ?').run(stepId);
  if (o.form) {
    const form = formConfig('{}');
    o.form(form);
    saveFormConfig(db, stepId, form);
  }
  return { projectId, stepId, step: loadStep(db, stepId) };
}

export const loadStep = (db: Db, stepId: number): Step => readSync(db).first(db.selectFrom('steps').selectAll().where('id', '=', stepId))!;

export function setState(db: Db, ids: Pick<CollectIds, 'stepId'>, state: 'open' | 'closed' | 'upcoming'): void {
  const [starts, ends] = dates(state);
  db.sqlite.prepare('update steps set starts_at = ?, ends_at = ? where id = ?').run(starts, ends, ids.stepId);
}

export const addCategory = (db: Db, ids: Pick<CollectIds, 'stepId'>, name = `Catégorie ${++n}`, colour = '#1d4ed8') => createCategory(db, ids.stepId, { name, colour });

export function addStatus(db: Db, ids: Pick<CollectIds, 'stepId'>, name: string, colour = '#166534'): number {
  return write(db, (tx) => tx.run(db.insertInto('collect_statuses').values({ step_id: ids.stepId, name, colour, position: ++n })).lastInsertRowid);
}

/** A district of the instance, given to the project. */
export function addDistrict(db: Db, ids: Pick<CollectIds, 'projectId'>, name = `Quartier ${++n}`): number {
  return write(db, (tx) => {
    const id = tx.run(db.insertInto('districts').values({ name, geojson: null })).lastInsertRowid;
    tx.run(db.insertInto('project_districts').values({ project_id: ids.projectId, district_id: id }));
    return id;
  });
}

export function addQuestion(db: Db, ids: Pick<CollectIds, 'stepId'>, d: Partial<Definition> & Pick<Definition, 'type'>): number {
  return createQuestion(db, ids.stepId, { title: `Question ${++n}`, help: '', required: false, private: false, config: {}, showIf: [], jump: null, ...d });
}

/** A published proposal through the module's write (reference, index, counters, follow). */
export function addProposal(db: Db, ids: Pick<CollectIds, 'step'>, authorId: number, f: Partial<ProposalInput> = {}, now?: string): number {
  n += 1;
  const input: ProposalInput = { title: `Proposition ${n}`, summary: `Résumé ${n}`, body: `Texte ${n}`, categoryId: null, districtId: null, address: '', cost: null, answers: {}, ...f };
  return createProposal(db, ids.step, authorId, input, { now }).id;
}

/** Sets columns straight in the table (comments counts, costs) for sort tests. */
export function setProposal(db: Db, id: number, fields: { comments_count?: number; cost?: number | null }): void {
  write(db, (tx) => {
    if (fields.comments_count !== undefined) tx.run(db.updateTable('contributions').set({ comments_count: fields.comments_count }).where('id', '=', id));
    if (fields.cost !== undefined) tx.run(db.updateTable('collect_proposals').set({ cost: fields.cost, cost_missing: fields.cost === null ? 1 : 0 }).where('contribution_id', '=', id));
  });
}

/** The step's count, the project's and step's counters, and what the rows say. */
export function collectCounters(on: DbOrApp, ids: Pick<CollectIds, 'stepId' | 'projectId'>) {
  const db = dbOf(on);
  const r = readSync(db);
  const count = (sql: string) => (db.sqlite.prepare(`select count(*) as n from ${sql}`).get(ids.stepId) as { n: number }).n;
  return {
    proposals: r.first(db.selectFrom('collect_steps').select('proposals_count').where('step_id', '=', ids.stepId))?.proposals_count ?? 0,
    rows: count("collect_proposals p join contributions c on c.id = p.contribution_id where p.step_id = ? and c.status = 'published'"),
    published: count('collect_proposals where step_id = ? and published = 1'),
    step: r.first(db.selectFrom('steps').select(['contributions_count']).where('id', '=', ids.stepId))!.contributions_count,
    project: r.first(db.selectFrom('projects').select(['contributions_count', 'participants_count']).where('id', '=', ids.projectId))!,
  };
}
