// The loaders of the moderation's routes: the contribution a URL names (any kind, from the
// contributions core), reportable only while published in a project this person may see, and
// for moderators in any status; a forged or unknown id gives a 404.
import type { FastifyRequest } from 'fastify';
import { notFound } from '../../platform/http.ts';
import { parseId } from '../../platform/forms.ts';
import { canSeeProject } from '../../platform/participation.ts';
import { kindOf } from '../../platform/contributions.ts';
import { findContribution, type Contribution } from './queries.ts';

export type IdParams = { id: string };

/** Any contribution, for moderators (the routes' role check comes first). */
export function loadContribution(request: FastifyRequest, rawId: unknown): Contribution {
  const id = parseId(rawId);
  const c = id === null ? undefined : findContribution(request.server.db, id);
  if (!c) throw notFound();
  return c;
}

/** A published contribution this person may see: what the report form is for. */
export function loadReportable(request: FastifyRequest, rawId: unknown): Contribution {
  const c = loadContribution(request, rawId);
  const project = { id: c.project_id, visibility: c.project_visibility };
  if (c.status !== 'published' || !canSeeProject(request.server.db, request.user, project)) throw notFound();
  return c;
}

/** The contribution's public page and the catalogue key of its kind, as its module declares them. */
export function describe(request: FastifyRequest, c: Pick<Contribution, 'id' | 'kind' | 'step_id' | 'parent_id' | 'step_type'>): { permalink: string | null; kindKey: string } {
  const kind = kindOf(request.server.manifests, c.step_type, c.kind);
  return { permalink: kind?.permalink(c) ?? null, kindKey: kind?.labelKey ?? 'moderation.kind.other' };
}
