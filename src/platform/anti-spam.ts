// Anti-spam without third-party services: a field people never see and robots fill in
// (views/partials/honeypot.eta), and a limit on links per text (site setting max_links). Rate
// limits per person are in rate-limits.ts, pre-moderation of first contributions in
// contributions.ts.
import type { FastifyRequest } from 'fastify';
import type { FormErrors } from './forms.ts';
import { HttpError } from './http.ts';
import { getSite } from './site.ts';

export const HONEYPOT = 'website';

/** Refuses a post whose hidden field was filled in (the same answer a bad form gets). */
export function assertHuman(request: FastifyRequest): void {
  const value = (request.body as Record<string, unknown> | undefined)?.[HONEYPOT];
  if (typeof value === 'string' && value !== '') throw new HttpError(422, 'antispam.refused');
}

/** Web addresses in a text: bare ones and Markdown links alike. */
export function countLinks(text: string): number {
  return (text.match(/https?:\/\/|www\./gi) ?? []).length;
}

export function checkLinks(request: FastifyRequest, errors: FormErrors, field: string, text: string): void {
  const max = getSite(request.server.db).max_links;
  if (!errors[field] && countLinks(text) > max) errors[field] = { key: 'antispam.too_many_links', params: { max } };
}
