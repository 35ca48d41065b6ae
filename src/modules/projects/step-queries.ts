// Queries of the steps admin: a project's ordered steps, one step checked to belong to its
// project (forged ids find nothing), and the writes: add, edit, delete, move up or down.
import { sql } from 'kysely';
import type { Db } from '../../db/open.ts';
import { write, readSync } from '../../db/write.ts';

export interface StepFields {
  title: string;
  body_md: string;
  starts_at: string | null;
  ends_at: string | null;
  require_postal_code: boolean;
  require_district: boolean;
  require_checkbox_label: string | null;
  /** JSON, see stepRequirements in platform/participation.ts. */
  requirement_actions: string;
  settings: string;
  /** New contributions wait for a moderator's approval (issue 8). */
  premoderation: boolean;
}

export function listStepsOfProject(db: Db, projectId: number) {
  return readSync(db).all(
    db.selectFrom('steps').select(['id', 'position', 'type', 'title', 'starts_at', 'ends_at']).where('project_id', '=', projectId).orderBy('position').orderBy('id'),
  );
}

export function findStepInProject(db: Db, projectId: number, stepId: number) {
  return readSync(db).first(db.selectFrom('steps').selectAll().where('id', '=', stepId).where('project_id', '=', projectId));
}

const columns = (f: StepFields) => ({
  title: f.title,
  body_md: f.body_md,
  starts_at: f.starts_at,
  ends_at: f.ends_at,
  require_postal_code: f.require_postal_code ? 1 : 0,
  require_district: f.require_district ? 1 : 0,
  require_checkbox_label: f.require_checkbox_label,
  requirement_actions: f.requirement_actions,
  settings: f.settings,
  premoderation: f.premoderation ? 1 : 0,
});

/** A new step goes last. */
export function insertStep(db: Db, projectId: number, type: string, fields: StepFields, now = new Date().toISOString()): number {
  return write(db, (tx) => {
    const last = tx.first(db.selectFrom('steps').select((eb) => eb.fn.max('position').as('p')).where('project_id', '=', projectId));
    const position = Number(last?.p ?? 0) + 1;
    return tx.run(db.insertInto('steps').values({ project_id: projectId, position, type, ...columns(fields), created_at: now, updated_at: now })).lastInsertRowid;
  });
}

export function updateStep(db: Db, stepId: number, fields: StepFields, now = new Date().toISOString()): void {
  write(db, (tx) => tx.run(db.updateTable('steps').set({ ...columns(fields), updated_at: now }).where('id', '=', stepId)));
}

/** What was written in the step goes with it (ON DELETE cascade). */
export function deleteStep(db: Db, stepId: number): void {
  write(db, (tx) => tx.run(db.deleteFrom('steps').where('id', '=', stepId)));
}

/** Swaps the step with its neighbour in one transaction; false when it is already first/last. */
export function moveStep(db: Db, projectId: number, stepId: number, direction: 'up' | 'down'): boolean {
  return write(db, (tx) => {
    const step = tx.first(db.selectFrom('steps').select(['id', 'position']).where('id', '=', stepId).where('project_id', '=', projectId));
    if (!step) return false;
    const neighbour = tx.first(
      db
        .selectFrom('steps')
        .select(['id', 'position'])
        .where('project_id', '=', projectId)
        .where('position', direction === 'up' ? '<' : '>', step.position)
        .orderBy('position', direction === 'up' ? 'desc' : 'asc')
        .limit(sql.lit(1)),
    );
    if (!neighbour) return false;
    tx.run(db.updateTable('steps').set({ position: neighbour.position }).where('id', '=', step.id));
    tx.run(db.updateTable('steps').set({ position: step.position }).where('id', '=', neighbour.id));
    return true;
  });
}
