// Queries of the public pages. The home list is ONE statement: each project's state comes
// from EXISTS subqueries on its steps (index steps_project_position) and its themes from a
// json_group_array subquery, so the page never runs a query per project. Visibility follows
// canSeeProject (src/platform/participation.ts), written in SQL.
import type { ExpressionBuilder } from 'kysely';
import type { Db } from '../../db/open.ts';
import type { Schema } from '../../db/schema.ts';
import { readSync, write } from '../../db/write.ts';
import type { SessionUser } from '../../platform/sessions.ts';
import type { StepState } from '../../platform/participation.ts';

export const HOME_PAGE_SIZE = 30;
export const STATES: readonly StepState[] = ['open', 'upcoming', 'closed'];

export interface HomeFilters {
  theme: number | null;
  district: number | null;
  state: StepState | null;
  page: number;
}

type ProjectEb = ExpressionBuilder<Schema & { p: Schema['projects'] }, 'p'>;

/** Draft: admins only; restricted: admins and members of one of the project's groups. */
function visibleTo(eb: ProjectEb, user: SessionUser | null) {
  if (user?.role === 'admin') return eb.lit(true);
  if (!user) return eb('p.visibility', '=', 'public');
  return eb.or([
    eb('p.visibility', '=', 'public'),
    eb.and([
      eb('p.visibility', '=', 'restricted'),
      eb.exists(
        eb
          .selectFrom('project_groups as pg')
          .innerJoin('user_group_members as m', 'm.group_id', 'pg.group_id')
          .select('pg.project_id')
          .whereRef('pg.project_id', '=', 'p.id')
          .where('m.user_id', '=', user.id),
      ),
    ]),
  ]);
}

/** 0 open, 1 upcoming (or no step at all), 2 closed: the same rule as projectState() in rules.ts. */
function stateRank(eb: ProjectEb, nowIso: string) {
  const steps = () => eb.selectFrom('steps as s').select('s.id').whereRef('s.project_id', '=', 'p.id');
  const open = steps()
    .where((e) => e.or([e('s.starts_at', 'is', null), e('s.starts_at', '<=', nowIso)]))
    .where((e) => e.or([e('s.ends_at', 'is', null), e('s.ends_at', '>', nowIso)]));
  const upcoming = steps().where('s.starts_at', '>', nowIso);
  return eb
    .case()
    .when(eb.exists(open))
    .then(0)
    .when(eb.or([eb.exists(upcoming), eb.not(eb.exists(steps()))]))
    .then(1)
    .else(2)
    .end();
}

export interface HomeProject {
  id: number;
  slug: string;
  title: string;
  summary: string;
  cover_path: string | null;
  visibility: string;
  participants_count: number;
  contributions_count: number;
  votes_count: number;
  state: StepState;
  themes: string[];
}

/** Visible, non-archived projects: open, then upcoming, then closed; one page, plus whether more follow. */
export function listHomeProjects(db: Db, user: SessionUser | null, filters: HomeFilters, now = new Date()): { projects: HomeProject[]; more: boolean } {
  const nowIso = now.toISOString();
  const inner = db
    .selectFrom('projects as p')
    .select((eb) => [
      'p.id',
      'p.slug',
      'p.title',
      'p.summary',
      'p.cover_path',
      'p.visibility',
      'p.participants_count',
      'p.contributions_count',
      'p.votes_count',
      'p.created_at',
      stateRank(eb, nowIso).as('state_rank'),
      eb
        .selectFrom('project_themes as pt')
        .innerJoin('themes as t', 't.id', 'pt.theme_id')
        .select((e) => e.fn<string>('json_group_array', ['t.name']).as('names'))
        .whereRef('pt.project_id', '=', 'p.id')
        .as('themes_json'),
    ])
    .where('p.archived', '=', 0)
    .where((eb) => visibleTo(eb, user))
    .$if(filters.theme !== null, (qb) =>
      qb.where((eb) => eb.exists(eb.selectFrom('project_themes as ft').select('ft.project_id').whereRef('ft.project_id', '=', 'p.id').where('ft.theme_id', '=', filters.theme!))),
    )
    .$if(filters.district !== null, (qb) =>
      qb.where((eb) => eb.exists(eb.selectFrom('project_districts as fd').select('fd.project_id').whereRef('fd.project_id', '=', 'p.id').where('fd.district_id', '=', filters.district!))),
    );
  const rows = readSync(db).all(
    db
      .selectFrom(inner.as('h'))
      .selectAll()
      .$if(filters.state !== null, (qb) => qb.where('h.state_rank', '=', STATES.indexOf(filters.state!)))
      .orderBy('h.state_rank')
      .orderBy('h.created_at', 'desc')
      .orderBy('h.id', 'desc')
      .limit(HOME_PAGE_SIZE + 1)
      .offset((filters.page - 1) * HOME_PAGE_SIZE),
  );
  const projects = rows.slice(0, HOME_PAGE_SIZE).map((r) => {
    const { state_rank, themes_json, created_at: _created, ...rest } = r;
    return { ...rest, state: STATES[Number(state_rank)] ?? 'upcoming', themes: themes_json ? (JSON.parse(themes_json) as string[]).sort((a, b) => a.localeCompare(b)) : [] };
  });
  return { projects, more: rows.length > HOME_PAGE_SIZE };
}

/** The filter choices, themes and districts together in one statement. */
export function listFilterChoices(db: Db): { themes: { id: number; name: string }[]; districts: { id: number; name: string }[] } {
  const rows = readSync(db).all(
    db
      .selectFrom('themes')
      .select((eb) => [eb.val('theme').as('kind'), 'id', 'name'])
      .unionAll(db.selectFrom('districts').select((eb) => [eb.val('district').as('kind'), 'id', 'name']))
      .orderBy('name'),
  );
  return {
    themes: rows.filter((r) => r.kind === 'theme').map(({ id, name }) => ({ id, name })),
    districts: rows.filter((r) => r.kind === 'district').map(({ id, name }) => ({ id, name })),
  };
}

export function findProjectBySlug(db: Db, slug: string) {
  return readSync(db).first(db.selectFrom('projects').selectAll().where('slug', '=', slug));
}

export function listProjectSteps(db: Db, projectId: number) {
  return readSync(db).all(
    db.selectFrom('steps').select(['id', 'type', 'title', 'starts_at', 'ends_at']).where('project_id', '=', projectId).orderBy('position').orderBy('id'),
  );
}

/** The project's theme and district names in one statement. */
export function listProjectLabels(db: Db, projectId: number): { themes: string[]; districts: string[] } {
  const rows = readSync(db).all(
    db
      .selectFrom('project_themes')
      .innerJoin('themes', 'themes.id', 'project_themes.theme_id')
      .select((eb) => [eb.val('theme').as('kind'), 'themes.name as name'])
      .where('project_themes.project_id', '=', projectId)
      .unionAll(
        db
          .selectFrom('project_districts')
          .innerJoin('districts', 'districts.id', 'project_districts.district_id')
          .select((eb) => [eb.val('district').as('kind'), 'districts.name as name'])
          .where('project_districts.project_id', '=', projectId),
      )
      .orderBy('name'),
  );
  return { themes: rows.filter((r) => r.kind === 'theme').map((r) => r.name), districts: rows.filter((r) => r.kind === 'district').map((r) => r.name) };
}

/** A step with its project's visibility, for the requirements form. */
export function findStepWithProject(db: Db, stepId: number) {
  return readSync(db).first(
    db
      .selectFrom('steps')
      .innerJoin('projects', 'projects.id', 'steps.project_id')
      .selectAll('steps')
      .select(['projects.visibility as project_visibility', 'projects.slug as project_slug', 'projects.title as project_title'])
      .where('steps.id', '=', stepId),
  );
}

/** What a person declares to meet a step's requirements, in one transaction. */
export function saveRequirements(db: Db, userId: number, stepId: number, given: { postalCode: string | null; districtId: number | null; accept: boolean }, now = new Date().toISOString()): void {
  write(db, (tx) => {
    if (given.postalCode) tx.run(db.updateTable('users').set({ postal_code: given.postalCode }).where('id', '=', userId));
    if (given.districtId) tx.run(db.updateTable('users').set({ district_id: given.districtId }).where('id', '=', userId));
    if (given.accept) tx.run(db.insertInto('step_checkbox_acceptances').values({ step_id: stepId, user_id: userId, accepted_at: now }).onConflict((oc) => oc.doNothing()));
  });
}
