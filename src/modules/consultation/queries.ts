// Reading a consultation's sections: the section tree (one query), one section with its open
// contribution types, and the person's section vote.
import type { Db } from '../../db/open.ts';
import type { Selectable } from 'kysely';
import { readSync } from '../../db/write.ts';
import { compiledQuery } from '../../db/compiled.ts';
import type { ConsultationSectionsTable, VoteValue } from './schema.ts';

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

/** The sections' places in the tree only (breadcrumbs, sub-sections): each column read costs. */
export function listOutline(db: Db, stepId: number) {
  return readSync(db).all(outlineQuery(db, '', { stepId }));
}
// On every section and item page: compiled once (db/compiled.ts), like the queries below.
const outlineQuery = compiledQuery<{ stepId: number }, { id: number; parent_id: number | null; position: number; title: string }>((db, p) =>
  db.selectFrom('consultation_sections').select(['id', 'parent_id', 'position', 'title']).where('step_id', '=', p.stepId).orderBy('position').orderBy('id'),
);

/** A section of THIS step (a forged id from another step gives nothing). */
export function findSection(db: Db, stepId: number, sectionId: number): Section | undefined {
  return readSync(db).first(sectionQuery(db, '', { stepId, sectionId }));
}
export type Section = Selectable<ConsultationSectionsTable>;
const sectionQuery = compiledQuery<{ stepId: number; sectionId: number }, Section>((db, p) =>
  db.selectFrom('consultation_sections').selectAll().where('id', '=', p.sectionId).where('step_id', '=', p.stepId),
);

/** The contribution types of a step, in their order. */
export function listTypes(db: Db, stepId: number) {
  return readSync(db).all(db.selectFrom('consultation_contribution_types').selectAll().where('step_id', '=', stepId).orderBy('position').orderBy('id'));
}
export type ContributionType = ReturnType<typeof listTypes>[number];

/** The types open in a section. */
export function listSectionTypes(db: Db, sectionId: number) {
  return readSync(db).all(sectionTypesQuery(db, '', { sectionId }));
}
const sectionTypesQuery = compiledQuery<{ sectionId: number }, { id: number; name: string; colour: string; position: number }>((db, p) =>
  db
    .selectFrom('consultation_section_types')
    .innerJoin('consultation_contribution_types as t', 't.id', 'consultation_section_types.type_id')
    .select(['t.id', 't.name', 't.colour', 't.position'])
    .where('consultation_section_types.section_id', '=', p.sectionId)
    .orderBy('t.position')
    .orderBy('t.id'),
);

export function findSectionVote(db: Db, sectionId: number, userId: number): VoteValue | null {
  return readSync(db).first(sectionVoteQuery(db, '', { sectionId, userId }))?.value ?? null;
}
const sectionVoteQuery = compiledQuery<{ sectionId: number; userId: number }, { value: VoteValue }>((db, p) =>
  db.selectFrom('consultation_section_votes').select('value').where('section_id', '=', p.sectionId).where('user_id', '=', p.userId),
);
