// The loader of every campaign route: the campaign the URL names, else 404 (who may is decided
// once, by the route list's onlyRole('admin')).
import type { FastifyRequest } from 'fastify';
import { notFound } from '../../platform/http.ts';
import { parseId } from '../../platform/forms.ts';
import { findCampaign } from './queries.ts';

export type IdParams = { Params: { id: string } };

export function loadCampaign(request: FastifyRequest<IdParams>) {
  const id = parseId(request.params.id);
  const campaign = id === null ? undefined : findCampaign(request.server.db, id);
  if (!campaign) throw notFound();
  return campaign;
}
