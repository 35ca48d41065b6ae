// What a follow button names (a project, a step or a contribution by id), looked up with what
// decides whether this person may follow it: they must be able to see it. Missing and hidden
// look the same (a 404 does not reveal that a draft project exists).
import type { FastifyRequest } from 'fastify';
import type { Db } from '../../db/open.ts';
import { readSync } from '../../db/write.ts';
import type { ContributionStatus, FollowTarget, Visibility } from '../../db/schema.ts';
import { canSeeProject } from '../../platform/participation.ts';
import { kindOf, visibilityOf } from '../../platform/contributions.ts';
import type { Target } from '../../platform/notifications.ts';

interface Found {
  project: { id: number; slug: string; visibility: Visibility };
  /** The page of the target: where a follow without JavaScript comes back to by default. */
  href: string;
  contribution?: { status: ContributionStatus; author_id: number };
}

function find(db: Db, manifests: FastifyRequest['server']['manifests'], kind: FollowTarget, id: number): Found | undefined {
  const r = readSync(db);
  if (kind === 'project') {
    const p = r.first(db.selectFrom('projects').select(['id', 'slug', 'visibility']).where('id', '=', id));
    return p && { project: p, href: `/projects/${encodeURIComponent(p.slug)}` };
  }
  if (kind === 'step') {
    const s = r.first(
      db.selectFrom('steps as s').innerJoin('projects as p', 'p.id', 's.project_id').select(['s.id', 's.type', 'p.id as project_id', 'p.slug', 'p.visibility']).where('s.id', '=', id),
    );
    return s && { project: { id: s.project_id, slug: s.slug, visibility: s.visibility }, href: `/${s.type}/${s.id}` };
  }
  const c = r.first(
    db
      .selectFrom('contributions as c')
      .innerJoin('steps as s', 's.id', 'c.step_id')
      .innerJoin('projects as p', 'p.id', 's.project_id')
      .select(['c.id', 'c.kind', 'c.status', 'c.author_id', 'c.parent_id', 's.id as step_id', 's.type', 'p.id as project_id', 'p.slug', 'p.visibility'])
      .where('c.id', '=', id),
  );
  if (!c) return undefined;
  const k = kindOf(manifests, c.type, c.kind);
  return {
    project: { id: c.project_id, slug: c.slug, visibility: c.visibility },
    href: k ? k.permalink({ id: c.id, step_id: c.step_id, parent_id: c.parent_id }) : `/${c.type}/${c.step_id}`,
    contribution: { status: c.status, author_id: c.author_id },
  };
}

/** The target with its page when this person may see it, else undefined. */
export function findVisibleTarget(request: FastifyRequest, target: Target): { href: string } | undefined {
  const found = find(request.server.db, request.server.manifests, target.kind, target.id);
  if (!found || !canSeeProject(request.server.db, request.user, found.project)) return undefined;
  if (found.contribution && visibilityOf(found.contribution, request.user) !== 'show') return undefined;
  return { href: found.href };
}
