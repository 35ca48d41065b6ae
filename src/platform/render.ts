// Page or fragment: every page template can name the partial an htmx request receives; a
// history restore (or a plain request) always gets the full page. Templates get the common
// locals below plus the handler's data.
import type { FastifyReply, FastifyRequest } from 'fastify';
import { getSite } from './site.ts';
import { takeFlash } from './flash.ts';
import { csrfToken } from './csrf.ts';
import { renderMarkdown } from './markdown.ts';
import type { Assets } from './assets.ts';
import { CSRF_MARKER } from './page-cache.ts';

export interface RenderOptions {
  status?: number;
  /** Template sent instead of the page when htmx asks for a fragment. */
  fragment?: string;
  /** false: this answer depends on more than the address (e.g. a per-visitor random order). */
  cache?: boolean;
}

let assets: Assets = { url: () => '' };
export function useAssets(a: Assets): void {
  assets = a;
}

export function commonLocals(request: FastifyRequest, reply: FastifyReply, cached = false) {
  return {
    t: request.t,
    fmt: request.fmt,
    locale: request.locale,
    user: request.user,
    site: getSite(request.server.db),
    csrf: cached ? CSRF_MARKER : csrfToken(request.csrfSecret, request.session?.id ?? null),
    flash: takeFlash(request, reply),
    assets,
    markdown: renderMarkdown,
    path: request.url.split('?')[0] ?? '/',
    url: request.url,
  };
}

export async function render(request: FastifyRequest, reply: FastifyReply, page: string, data: object = {}, opts: RenderOptions = {}): Promise<FastifyReply> {
  const template = opts.fragment && request.wantsFragment ? opts.fragment : page;
  const status = opts.status ?? 200;
  const pageCache = request.server.pageCache;
  const cached = status === 200 && opts.cache !== false && pageCache.caching(request);
  let html: string = await reply.viewAsync(template, { ...commonLocals(request, reply, cached), ...data });
  if (cached) {
    pageCache.store(request, html);
    html = html.replaceAll(CSRF_MARKER, csrfToken(request.csrfSecret, null));
  }
  reply.header('vary', 'HX-Request');
  return reply.code(status).type('text/html; charset=utf-8').send(html);
}
