// Test fixtures of the moderation, on top of test/helpers/factories.ts: a project with a debate
// step (the smallest module whose contributions moderation acts on, reached through its routes
// or its tables, never its code), arguments written straight to the database, reports, and
// the counters moderation must keep right.
import { daysFromNow, makeProject, makeStep } from '../../../test/helpers/factories.ts';
import type { Db } from '../../db/open.ts';
import { readSync, write } from '../../db/write.ts';
import type { ContributionStatus, Visibility } from '../../db/schema.ts';

let n = 0;

export interface StepIds {
  projectId: number;
  stepId: number;
}

/** A public project with one open step of this type (a debate unless told otherwise). */
export function makeModeratedStep(db: Db, o: { type?: string; premoderation?: boolean; visibility?: Visibility } = {}): StepIds {
  n += 1;
  const projectId = makeProject(db, { slug: `moderation-${n}-${process.pid}`, title: `Quartier ${n}`, visibility: o.visibility ?? 'public' });
  const stepId = makeStep(db, projectId, { type: o.type ?? 'debate', title: `Faut-il planter des arbres rue ${n} ?`, starts: daysFromNow(-1), ends: daysFromNow(10) });
  if (o.premoderation) db.sqlite.prepare('update steps set premoderation = 1 where id = ?').run(stepId);
  return { projectId, stepId };
}

/** A debate argument written directly (no counter moved): for report and queue tests. */
export function addArgument(db: Db, ids: Pick<StepIds, 'stepId'>, authorId: number, f: { side?: 'for' | 'against'; body?: string; status?: ContributionStatus; at?: string } = {}): number {
  n += 1;
  return write(db, (tx) => {
    const id = tx.run(
      db.insertInto('contributions').values({ step_id: ids.stepId, author_id: authorId, parent_id: null, kind: 'argument', status: f.status ?? 'published', title: null, body_md: f.body ?? `Argument ${n}`, created_at: f.at ?? new Date().toISOString() }),
    ).lastInsertRowid;
    tx.run(db.insertInto('debate_arguments').values({ contribution_id: id, step_id: ids.stepId, author_id: authorId, side: f.side ?? 'for' }));
    return id;
  });
}

/** A report written directly, with its counter row, as the report's write keeps them. */
export function addReport(db: Db, contributionId: number, reporterId: number, reason: 'spam' | 'offensive' | 'off_topic' | 'personal_data' | 'other' = 'spam', at = new Date().toISOString()): void {
  write(db, (tx) => {
    tx.run(db.insertInto('moderation_reports').values({ contribution_id: contributionId, reporter_id: reporterId, reason, details: null, created_at: at }));
    tx.run(
      db
        .insertInto('moderation_flags')
        .values({ contribution_id: contributionId, open_reports: 1, last_reported_at: at })
        .onConflict((oc) => oc.column('contribution_id').doUpdateSet((eb) => ({ open_reports: eb('moderation_flags.open_reports', '+', 1), last_reported_at: at }))),
    );
  });
}

export function statusOf(db: Db, id: number) {
  return readSync(db).first(db.selectFrom('contributions').select(['status', 'moderation_reason', 'title', 'body_md']).where('id', '=', id))!;
}

export function openReports(db: Db, id: number): number {
  return readSync(db).first(db.selectFrom('moderation_flags').select('open_reports').where('contribution_id', '=', id))?.open_reports ?? 0;
}

/** The debate's argument counters, the step's and project's contributions, against the rows. */
export function debateCounts(db: Db, ids: StepIds) {
  const one = (q: string, ...args: unknown[]) => (db.sqlite.prepare(q).get(...args) as { n: number }).n;
  return {
    argumentsFor: one("select coalesce((select arguments_for from debate_steps where step_id = ?), 0) as n", ids.stepId),
    publishedFor: one("select count(*) as n from debate_arguments a join contributions c on c.id = a.contribution_id where a.step_id = ? and a.side = 'for' and c.status = 'published'", ids.stepId),
    stepContributions: one('select contributions_count as n from steps where id = ?', ids.stepId),
    projectContributions: one('select contributions_count as n from projects where id = ?', ids.projectId),
  };
}

export interface ConsultationIds extends StepIds {
  sectionId: number;
  typeId: number;
}

/** A consultation step with one section open to opinions of one type, arguments and sources. */
export function makeConsultationStep(db: Db, o: { premoderation?: boolean } = {}): ConsultationIds {
  const ids = makeModeratedStep(db, { type: 'consultation', premoderation: o.premoderation });
  return write(db, (tx) => {
    const typeId = tx.run(db.insertInto('consultation_contribution_types').values({ step_id: ids.stepId, name: 'Proposition', colour: '#1d4ed8', position: 1 })).lastInsertRowid;
    const sectionId = tx.run(
      db.insertInto('consultation_sections').values({ step_id: ids.stepId, parent_id: null, position: 1, title: 'Article premier', body_md: 'Le texte.', allow_votes: 1, allow_amendments: 1, allow_arguments: 1, allow_sources: 1 }),
    ).lastInsertRowid;
    tx.run(db.insertInto('consultation_section_types').values({ section_id: sectionId, type_id: typeId }));
    return { ...ids, sectionId, typeId };
  });
}

/** The section's and the item's counters, and the step's and project's contributions. */
export function consultationCounts(db: Db, ids: ConsultationIds, itemId: number) {
  const one = (q: string, ...args: unknown[]) => (db.sqlite.prepare(q).get(...args) as { n: number } | undefined)?.n ?? -1;
  return {
    section: one('select contributions_count as n from consultation_sections where id = ?', ids.sectionId),
    listed: one('select count(*) as n from consultation_items where section_id = ? and published = 1', ids.sectionId),
    itemArgumentsFor: one('select arguments_for as n from consultation_items where contribution_id = ?', itemId),
    itemSources: one('select sources_count as n from consultation_items where contribution_id = ?', itemId),
    step: one('select contributions_count as n from steps where id = ?', ids.stepId),
  };
}
