// Queries of the projects admin: the list, one project with its themes, districts and groups,
// and the writes that save them together (one transaction: nothing half-written).
import { sql } from 'kysely';
import type { Db } from '../../db/open.ts';
import type { Tx } from '../../db/write.ts';
import { write, readSync } from '../../db/write.ts';
import type { Visibility } from '../../db/schema.ts';

export interface ProjectFields {
  title: string;
  slug: string;
  summary: string;
  body_md: string;
  visibility: Visibility;
  archived: boolean;
}

export interface ProjectLinks {
  themeIds: number[];
  districtIds: number[];
  groupIds: number[];
}

export function listAllProjects(db: Db) {
  return readSync(db).all(
    db
      .selectFrom('projects')
      .select(['id', 'slug', 'title', 'visibility', 'archived', (eb) => eb.selectFrom('steps').select((e) => e.fn.countAll<number>().as('n')).whereRef('steps.project_id', '=', 'projects.id').as('steps')])
      .orderBy('created_at', 'desc')
      .orderBy('id', 'desc'),
  );
}

export function findProjectById(db: Db, id: number) {
  return readSync(db).first(db.selectFrom('projects').selectAll().where('id', '=', id));
}

export function slugTaken(db: Db, slug: string, exceptId: number | null): boolean {
  let query = db.selectFrom('projects').select('id').where('slug', '=', slug);
  if (exceptId) query = query.where('id', '!=', exceptId);
  return !!readSync(db).first(query);
}

export function findProjectLinks(db: Db, id: number): ProjectLinks {
  const r = readSync(db);
  return {
    themeIds: r.all(db.selectFrom('project_themes').select('theme_id').where('project_id', '=', id)).map((x) => x.theme_id),
    districtIds: r.all(db.selectFrom('project_districts').select('district_id').where('project_id', '=', id)).map((x) => x.district_id),
    groupIds: r.all(db.selectFrom('project_groups').select('group_id').where('project_id', '=', id)).map((x) => x.group_id),
  };
}

/** Every choice the project form offers, in one place. */
export function listProjectChoices(db: Db) {
  const r = readSync(db);
  return {
    themes: r.all(db.selectFrom('themes').select(['id', 'name']).orderBy('name')),
    districts: r.all(db.selectFrom('districts').select(['id', 'name']).orderBy('name')),
    groups: r.all(db.selectFrom('user_groups').select(['id', 'name']).orderBy('name')),
  };
}

/** Replaces the links; ids that do not exist (deleted meanwhile, forged) are skipped. */
function setLinks(db: Db, tx: Tx, projectId: number, links: ProjectLinks): void {
  tx.run(db.deleteFrom('project_themes').where('project_id', '=', projectId));
  tx.run(db.deleteFrom('project_districts').where('project_id', '=', projectId));
  tx.run(db.deleteFrom('project_groups').where('project_id', '=', projectId));
  if (links.themeIds.length) {
    tx.run(db.insertInto('project_themes').columns(['project_id', 'theme_id']).expression(db.selectFrom('themes').select((eb) => [eb.val(projectId).as('project_id'), 'id']).where('id', 'in', links.themeIds)));
  }
  if (links.districtIds.length) {
    tx.run(db.insertInto('project_districts').columns(['project_id', 'district_id']).expression(db.selectFrom('districts').select((eb) => [eb.val(projectId).as('project_id'), 'id']).where('id', 'in', links.districtIds)));
  }
  if (links.groupIds.length) {
    tx.run(db.insertInto('project_groups').columns(['project_id', 'group_id']).expression(db.selectFrom('user_groups').select((eb) => [eb.val(projectId).as('project_id'), 'id']).where('id', 'in', links.groupIds)));
  }
}

/** Throws SQLITE_CONSTRAINT_UNIQUE when the slug was taken meanwhile. */
export function insertProject(db: Db, fields: ProjectFields, links: ProjectLinks, coverPath: string | null, now = new Date().toISOString()): number {
  return write(db, (tx) => {
    const id = tx.run(db.insertInto('projects').values({ ...fields, archived: fields.archived ? 1 : 0, cover_path: coverPath, created_at: now, updated_at: now })).lastInsertRowid;
    setLinks(db, tx, id, links);
    return id;
  });
}

/** `cover`: undefined keeps the current one, null removes it, a path replaces it. Gives the previous path. */
export function updateProject(db: Db, id: number, fields: ProjectFields, links: ProjectLinks, cover: string | null | undefined, now = new Date().toISOString()): string | null {
  return write(db, (tx) => {
    const previous = tx.first(db.selectFrom('projects').select('cover_path').where('id', '=', id))?.cover_path ?? null;
    tx.run(
      db
        .updateTable('projects')
        .set({ ...fields, archived: fields.archived ? 1 : 0, updated_at: now, ...(cover === undefined ? {} : { cover_path: cover }) })
        .where('id', '=', id),
    );
    setLinks(db, tx, id, links);
    return previous;
  });
}

/** Steps, links and everything written in the project go with it (ON DELETE cascade). */
export function deleteProject(db: Db, id: number): { cover_path: string | null } | undefined {
  return write(db, (tx) => {
    const row = tx.first(db.selectFrom('projects').select('cover_path').where('id', '=', id));
    if (row) tx.run(db.deleteFrom('projects').where('id', '=', id));
    return row;
  });
}

/** Content-hash names: two projects may share one file; delete it only when nobody uses it. */
export function coverInUse(db: Db, coverPath: string): boolean {
  return !!readSync(db).first(db.selectFrom('projects').select('id').where('cover_path', '=', coverPath).limit(sql.lit(1)));
}
