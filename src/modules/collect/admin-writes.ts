// The administrator's writes on a collect step: the proposal form's configuration, categories and
// statuses (name and colour, in order) and custom questions (the form engine's definitions, in order).
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

/** Categories and statuses: the same columns (a name and a colour per step, in order). */
export type LabelTable = 'collect_categories' | 'collect_statuses';
type Label = { name: string; colour: string };

export function createLabel(db: Db, table: LabelTable, stepId: number, l: Label): number {
  const t = table as 'collect_categories'; // both tables have the same columns
  return write(db, (tx) => {
    const last = tx.first(db.selectFrom(t).select((eb) => eb.fn.max('position').as('p')).where('step_id', '=', stepId));
    return tx.run(db.insertInto(t).values({ step_id: stepId, name: l.name, colour: l.colour.toLowerCase(), position: Number(last?.p ?? 0) + 1 })).lastInsertRowid;
  });
}
export const createCategory = (db: Db, stepId: number, c: Label) => createLabel(db, 'collect_categories', stepId, c);

export function updateLabel(db: Db, table: LabelTable, stepId: number, id: number, l: Label): void {
  const t = table as 'collect_categories';
  write(db, (tx) => tx.run(db.updateTable(t).set({ name: l.name, colour: l.colour.toLowerCase() }).where('id', '=', id).where('step_id', '=', stepId)));
}

/** Proposals with it keep existing without it (the foreign key sets theirs to null). */
export function deleteLabel(db: Db, table: LabelTable, stepId: number, id: number): void {
  const t = table as 'collect_categories';
  write(db, (tx) => tx.run(db.deleteFrom(t).where('id', '=', id).where('step_id', '=', stepId)));
}

/** Swaps the label with its neighbour; positions renumbered 1..n so equal ones cannot block a move. */
export function moveLabel(db: Db, table: LabelTable, stepId: number, id: number, direction: 'up' | 'down'): void {
  const t = table as 'collect_categories';
  write(db, (tx) => {
    const all = tx.all(db.selectFrom(t).select(['id']).where('step_id', '=', stepId).orderBy('position').orderBy('id'));
    const i = all.findIndex((s) => s.id === id);
    const j = direction === 'up' ? i - 1 : i + 1;
    if (i < 0 || j < 0 || j >= all.length) return;
    [all[i], all[j]] = [all[j]!, all[i]!];
    all.forEach((s, k) => tx.run(db.updateTable(t).set({ position: k + 1 }).where('id', '=', s.id)));
  });
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
