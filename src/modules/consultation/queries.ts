// Reading a consultation's sections: the section tree (one query), one section with its open
// contribution types, and the person's section vote.
import type { Db } from '../../db/open.ts';
import { readSync } from '../../db/write.ts';
import type { VoteValue } from '../../db/schema.ts';

const sectionColumns = [
  'id',
  'step_id',
  'parent_id',
  'position',
  'title',
  'allow_amendments',
  'allow_arguments',
  'allow_sources',
  'allow_votes',
  'default_sort',
  'contributions_count',
  'amendments_count',
  'votes_agree',
  'votes_mitigated',
  'votes_disagree',
] as const;

/** Every section of a step without their texts: the table of contents and breadcrumbs. */
export function listSections(db: Db, stepId: number) {
  return readSync(db).all(db.selectFrom('consultation_sections').select(sectionColumns).where('step_id', '=', stepId).orderBy('position').orderBy('id'));
}
export type SectionSummary = ReturnType<typeof listSections>[number];

/** A section of THIS step (a forged id from another step gives nothing). */
export function findSection(db: Db, stepId: number, sectionId: number) {
  return readSync(db).first(db.selectFrom('consultation_sections').selectAll().where('id', '=', sectionId).where('step_id', '=', stepId));
}
export type Section = NonNullable<ReturnType<typeof findSection>>;

/** The contribution types of a step, in their order. */
export function listTypes(db: Db, stepId: number) {
  return readSync(db).all(db.selectFrom('consultation_contribution_types').selectAll().where('step_id', '=', stepId).orderBy('position').orderBy('id'));
}
export type ContributionType = ReturnType<typeof listTypes>[number];

/** The types open in a section. */
export function listSectionTypes(db: Db, sectionId: number) {
  return readSync(db).all(
    db
      .selectFrom('consultation_section_types')
      .innerJoin('consultation_contribution_types as t', 't.id', 'consultation_section_types.type_id')
      .select(['t.id', 't.name', 't.colour', 't.position'])
      .where('consultation_section_types.section_id', '=', sectionId)
      .orderBy('t.position')
      .orderBy('t.id'),
  );
}

export function findSectionVote(db: Db, sectionId: number, userId: number): VoteValue | null {
  const row = readSync(db).first(db.selectFrom('consultation_section_votes').select('value').where('section_id', '=', sectionId).where('user_id', '=', userId));
  return row?.value ?? null;
}
