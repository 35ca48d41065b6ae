// The administrator's writes on a consultation: contribution types, and the sections tree
// (create, edit, delete when empty, move among siblings). Ids are always checked against the step.
import { sql } from 'kysely';
import type { Db } from '../../db/open.ts';
import { readSync, write } from '../../db/write.ts';
import type { ConsultationSort } from './schema.ts';
import { subtreeIds } from './rules.ts';
import { listSections } from './queries.ts';

export function findType(db: Db, stepId: number, typeId: number) {
  return readSync(db).first(db.selectFrom('consultation_contribution_types').selectAll().where('id', '=', typeId).where('step_id', '=', stepId));
}

export function createType(db: Db, stepId: number, t: { name: string; colour: string }): number {
  return write(db, (tx) => {
    const last = tx.first(db.selectFrom('consultation_contribution_types').select((eb) => eb.fn.max('position').as('p')).where('step_id', '=', stepId));
    return tx.run(db.insertInto('consultation_contribution_types').values({ step_id: stepId, name: t.name, colour: t.colour.toLowerCase(), position: (last?.p ?? 0) + 1 })).lastInsertRowid;
  });
}

export function updateType(db: Db, stepId: number, typeId: number, t: { name: string; colour: string }): void {
  write(db, (tx) => tx.run(db.updateTable('consultation_contribution_types').set({ name: t.name, colour: t.colour.toLowerCase() }).where('id', '=', typeId).where('step_id', '=', stepId)));
}

/** Items of a deleted type keep their place, without a type (ON DELETE SET NULL). */
export function deleteType(db: Db, stepId: number, typeId: number): void {
  write(db, (tx) => tx.run(db.deleteFrom('consultation_contribution_types').where('id', '=', typeId).where('step_id', '=', stepId)));
}

export interface SectionInput {
  parentId: number | null;
  title: string;
  body: string;
  allowAmendments: boolean;
  allowArguments: boolean;
  allowSources: boolean;
  allowVotes: boolean;
  defaultSort: ConsultationSort;
  typeIds: number[];
}

function sectionValues(s: SectionInput) {
  return {
    parent_id: s.parentId,
    title: s.title,
    body_md: s.body,
    allow_amendments: s.allowAmendments ? 1 : 0,
    allow_arguments: s.allowArguments ? 1 : 0,
    allow_sources: s.allowSources ? 1 : 0,
    allow_votes: s.allowVotes ? 1 : 0,
    default_sort: s.defaultSort,
  };
}

/** Appended after its siblings. */
export function createSection(db: Db, stepId: number, s: SectionInput): number {
  return write(db, (tx) => {
    const last = tx.first(
      db
        .selectFrom('consultation_sections')
        .select((eb) => eb.fn.max('position').as('p'))
        .where('step_id', '=', stepId)
        .where((eb) => (s.parentId === null ? eb('parent_id', 'is', null) : eb('parent_id', '=', s.parentId))),
    );
    const id = tx.run(db.insertInto('consultation_sections').values({ step_id: stepId, position: (last?.p ?? 0) + 1, ...sectionValues(s) })).lastInsertRowid;
    for (const typeId of s.typeIds) tx.run(db.insertInto('consultation_section_types').values({ section_id: id, type_id: typeId }));
    return id;
  });
}

export function updateSection(db: Db, stepId: number, sectionId: number, s: SectionInput): void {
  write(db, (tx) => {
    const before = tx.first(db.selectFrom('consultation_sections').select(['parent_id']).where('id', '=', sectionId).where('step_id', '=', stepId));
    if (!before) return;
    let position: number | undefined;
    if (before.parent_id !== s.parentId) {
      // A new parent: the section goes after its new siblings.
      const last = tx.first(
        db
          .selectFrom('consultation_sections')
          .select((eb) => eb.fn.max('position').as('p'))
          .where('step_id', '=', stepId)
          .where((eb) => (s.parentId === null ? eb('parent_id', 'is', null) : eb('parent_id', '=', s.parentId))),
      );
      position = (last?.p ?? 0) + 1;
    }
    tx.run(db.updateTable('consultation_sections').set({ ...sectionValues(s), ...(position === undefined ? {} : { position }) }).where('id', '=', sectionId));
    tx.run(db.deleteFrom('consultation_section_types').where('section_id', '=', sectionId));
    for (const typeId of s.typeIds) tx.run(db.insertInto('consultation_section_types').values({ section_id: sectionId, type_id: typeId }));
  });
}

export function findSectionTypeIds(db: Db, sectionId: number): number[] {
  return readSync(db)
    .all(db.selectFrom('consultation_section_types').select('type_id').where('section_id', '=', sectionId))
    .map((r) => r.type_id);
}

/** Deletes a section and its subsections, unless any of them holds items (published or not). */
export function deleteSection(db: Db, stepId: number, sectionId: number): 'deleted' | 'not_empty' {
  return write(db, (tx) => {
    const rows = tx.all(db.selectFrom('consultation_sections').select(['id', 'parent_id']).where('step_id', '=', stepId));
    const ids = subtreeIds(rows, sectionId);
    const used = tx.first(db.selectFrom('consultation_items').select('contribution_id').where('section_id', 'in', ids).limit(sql.lit(1)));
    if (used) return 'not_empty';
    // Children first: the parent_id foreign key would cascade anyway, but say what we mean.
    for (const id of ids.reverse()) tx.run(db.deleteFrom('consultation_sections').where('id', '=', id).where('step_id', '=', stepId));
    return 'deleted';
  });
}

/** Swaps the section with its previous or next sibling. */
export function moveSection(db: Db, stepId: number, sectionId: number, direction: 'up' | 'down'): void {
  const sections = listSections(db, stepId);
  const me = sections.find((s) => s.id === sectionId);
  if (!me) return;
  const siblings = sections.filter((s) => s.parent_id === me.parent_id).sort((a, b) => a.position - b.position || a.id - b.id);
  const i = siblings.findIndex((s) => s.id === sectionId);
  const other = siblings[direction === 'up' ? i - 1 : i + 1];
  if (!other) return;
  write(db, (tx) => {
    // Renumber the siblings in their new order, so equal positions cannot make a swap a no-op.
    [siblings[i], siblings[direction === 'up' ? i - 1 : i + 1]] = [other, me];
    siblings.forEach((s, n) => tx.run(db.updateTable('consultation_sections').set({ position: n + 1 }).where('id', '=', s.id).where('step_id', '=', stepId)));
  });
}
