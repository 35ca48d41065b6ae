// The administrator's writes on a collect step: the proposal form's configuration, categories
// (name and colour, in order) and custom questions (the form engine's definitions, in order).
import type { Db } from '../../db/open.ts';
import { write } from '../../db/write.ts';
import type { Definition } from '../../platform/questions/definition.ts';
import { questionColumns } from '../../platform/questions/storage.ts';
import { ensureCollect } from './writes.ts';
import type { FormConfig } from './rules.ts';

export function saveFormConfig(db: Db, stepId: number, form: FormConfig): void {
  write(db, (tx) => {
    ensureCollect(db, tx, stepId);
    tx.run(db.updateTable('collect_steps').set({ form: JSON.stringify(form) }).where('step_id', '=', stepId));
  });
}

export function createCategory(db: Db, stepId: number, c: { name: string; colour: string }): number {
  return write(db, (tx) => {
    const last = tx.first(db.selectFrom('collect_categories').select((eb) => eb.fn.max('position').as('p')).where('step_id', '=', stepId));
    return tx.run(db.insertInto('collect_categories').values({ step_id: stepId, name: c.name, colour: c.colour.toLowerCase(), position: Number(last?.p ?? 0) + 1 })).lastInsertRowid;
  });
}

export function updateCategory(db: Db, stepId: number, id: number, c: { name: string; colour: string }): void {
  write(db, (tx) => tx.run(db.updateTable('collect_categories').set({ name: c.name, colour: c.colour.toLowerCase() }).where('id', '=', id).where('step_id', '=', stepId)));
}

/** Proposals in it keep existing, without a category (the foreign key sets it to null). */
export function deleteCategory(db: Db, stepId: number, id: number): void {
  write(db, (tx) => tx.run(db.deleteFrom('collect_categories').where('id', '=', id).where('step_id', '=', stepId)));
}

export function createQuestion(db: Db, stepId: number, d: Definition): number {
  return write(db, (tx) => {
    const last = tx.first(db.selectFrom('collect_questions').select((eb) => eb.fn.max('position').as('p')).where('step_id', '=', stepId));
    return tx.run(db.insertInto('collect_questions').values({ step_id: stepId, position: Number(last?.p ?? 0) + 1, ...questionColumns(d) })).lastInsertRowid;
  });
}

export function updateQuestion(db: Db, stepId: number, id: number, d: Definition): void {
  write(db, (tx) => tx.run(db.updateTable('collect_questions').set(questionColumns(d)).where('id', '=', id).where('step_id', '=', stepId)));
}

/** Answers already given stay in the proposals' JSON; pages show only the questions that exist. */
export function deleteQuestion(db: Db, stepId: number, id: number): void {
  write(db, (tx) => tx.run(db.deleteFrom('collect_questions').where('id', '=', id).where('step_id', '=', stepId)));
}

/** Swaps the question with its neighbour above or below (nothing at either end). */
export function moveQuestion(db: Db, stepId: number, id: number, direction: 'up' | 'down'): void {
  write(db, (tx) => {
    const all = tx.all(db.selectFrom('collect_questions').select(['id', 'position']).where('step_id', '=', stepId).orderBy('position').orderBy('id'));
    const i = all.findIndex((q) => q.id === id);
    const j = direction === 'up' ? i - 1 : i + 1;
    if (i < 0 || j < 0 || j >= all.length) return;
    [all[i], all[j]] = [all[j]!, all[i]!];
    // Positions renumbered 1..n, so equal positions left by older writes cannot block a move.
    all.forEach((q, k) => tx.run(db.updateTable('collect_questions').set({ position: k + 1 }).where('id', '=', q.id)));
  });
}
