// Test fixtures of the consultation (core and debate tests), on top of test/helpers/factories.ts:
// a project with a consultation step, its sections, types and items written straight to the
// database, and the counters that writes keep.
import { dbOf, daysFromNow, makeProject, makeStep, type DbOrApp } from '../../../test/helpers/factories.ts';
import type { Db } from '../../db/open.ts';
import { write, readSync } from '../../db/write.ts';
import type { Visibility } from '../../db/schema.ts';
import type { ConsultationSort } from './schema.ts';

let n = 0;

export interface ConsultationIds {
  projectId: number;
  stepId: number;
  sectionId: number;
  childSectionId: number;
  typeId: number;
  otherTypeId: number;
}

export interface ConsultationOptions {
  visibility?: Visibility;
  /** 'open' (default), 'closed' or 'upcoming'. */
  state?: 'open' | 'closed' | 'upcoming';
  requirePostalCode?: boolean;
  allowVotes?: boolean;
  allowAmendments?: boolean;
  defaultSort?: ConsultationSort;
}

/**
 * A public project with one open consultation step: a root section "Titre I" (types
 * "Proposition" open, "Problème" not) holding a child section "Article 1" (both types open).
 */
export function makeConsultation(db: Db, o: ConsultationOptions = {}): ConsultationIds {
  n += 1;
  const [starts, ends] = o.state === 'closed' ? [daysFromNow(-10), daysFromNow(-1)] : o.state === 'upcoming' ? [daysFromNow(1), daysFromNow(10)] : [daysFromNow(-1), daysFromNow(10)];
  const projectId = makeProject(db, { slug: `charte-${n}-${process.pid}`, title: `Charte ${n}`, visibility: o.visibility ?? 'public' });
  const stepId = makeStep(db, projectId, { type: 'consultation', title: `Consultation ${n}`, body: 'Donnez votre avis sur la charte.', starts, ends, postal: o.requirePostalCode });
  return write(db, (tx) => {
    const typeId = tx.run(db.insertInto('consultation_contribution_types').values({ step_id: stepId, name: 'Proposition', colour: '#1d4ed8', position: 1 })).lastInsertRowid;
    const otherTypeId = tx.run(db.insertInto('consultation_contribution_types').values({ step_id: stepId, name: 'Problème', colour: '#b91c1c', position: 2 })).lastInsertRowid;
    const flags = { allow_votes: o.allowVotes === false ? 0 : 1, allow_amendments: o.allowAmendments === false ? 0 : 1, default_sort: o.defaultSort ?? 'newest' };
    const sectionId = tx.run(db.insertInto('consultation_sections').values({ step_id: stepId, parent_id: null, position: 1, title: 'Titre I', body_md: 'Texte du **titre I**.', ...flags })).lastInsertRowid;
    const childSectionId = tx.run(
      db.insertInto('consultation_sections').values({ step_id: stepId, parent_id: sectionId, position: 1, title: 'Article 1', body_md: "Texte de l'article 1.", ...flags }),
    ).lastInsertRowid;
    tx.run(db.insertInto('consultation_section_types').values({ section_id: sectionId, type_id: typeId }));
    tx.run(db.insertInto('consultation_section_types').values([{ section_id: childSectionId, type_id: typeId }, { section_id: childSectionId, type_id: otherTypeId }]));
    return { projectId, stepId, sectionId, childSectionId, typeId, otherTypeId };
  });
}

export interface ItemFields {
  kind?: 'opinion' | 'amendment';
  title?: string;
  body?: string;
  typeId?: number | null;
  createdAt?: string;
  status?: 'published' | 'hidden' | 'trashed' | 'pending';
  proposedText?: string;
  votes?: { agree?: number; mitigated?: number; disagree?: number };
}

/** An item written directly, with chosen counters (no vote rows: for sort and list tests). */
export function addItem(db: Db, ids: Pick<ConsultationIds, 'stepId'>, sectionId: number, authorId: number, f: ItemFields = {}): number {
  n += 1;
  const createdAt = f.createdAt ?? new Date().toISOString();
  const status = f.status ?? 'published';
  const kind = f.kind ?? 'opinion';
  const a = f.votes?.agree ?? 0;
  const m = f.votes?.mitigated ?? 0;
  const d = f.votes?.disagree ?? 0;
  return write(db, (tx) => {
    const id = tx.run(
      db.insertInto('contributions').values({ step_id: ids.stepId, author_id: authorId, parent_id: null, kind, status, title: f.title ?? `Contribution ${n}`, body_md: f.body ?? 'Un texte.', created_at: createdAt }),
    ).lastInsertRowid;
    tx.run(
      db.insertInto('consultation_items').values({
        contribution_id: id,
        section_id: sectionId,
        kind,
        type_id: f.typeId ?? null,
        proposed_text: kind === 'amendment' ? (f.proposedText ?? 'Texte modifié.') : null,
        published: status === 'published' ? 1 : 0,
        created_at: createdAt,
        votes_agree: a,
        votes_mitigated: m,
        votes_disagree: d,
        votes_total: a + m + d,
        controversy: 2 * Math.min(a, d),
      }),
    );
    return id;
  });
}

/** Counters of an item, a section, the step and the project, to compare after writes. */
export function counters(on: DbOrApp, ids: Pick<ConsultationIds, 'stepId' | 'projectId'>, itemOrSection: { itemId?: number; sectionId?: number } = {}) {
  const db = dbOf(on);
  const r = readSync(db);
  return {
    item: itemOrSection.itemId ? r.first(db.selectFrom('consultation_items').selectAll().where('contribution_id', '=', itemOrSection.itemId)) : undefined,
    section: itemOrSection.sectionId ? r.first(db.selectFrom('consultation_sections').selectAll().where('id', '=', itemOrSection.sectionId)) : undefined,
    step: r.first(db.selectFrom('steps').select(['contributions_count', 'votes_count']).where('id', '=', ids.stepId))!,
    project: r.first(db.selectFrom('projects').select(['participants_count', 'contributions_count', 'votes_count']).where('id', '=', ids.projectId))!,
  };
}
