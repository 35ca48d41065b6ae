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

/** `cachedUrl`: the page is rendered for the cache, as for this address and any visitor. */
export function commonLocals(request: FastifyRequest, reply: FastifyReply, cachedUrl: string | null = null) {
  const cached = cachedUrl !== null;
  const url = cachedUrl ?? request.url;
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
    partial: request.server.partial,
    path: url.split('?')[0] ?? '/',
    url,
  };
}

export async function render(request: FastifyRequest, reply: FastifyReply, page: string, data: object = {}, opts: RenderOptions = {}): Promise<FastifyReply> {
  const template = opts.fragment && request.wantsFragment ? opts.fragment : page;
  const status = opts.status ?? 200;
  const pageCache = request.server.pageCache;
  const cachedUrl = status === 200 && opts.cache !== false ? pageCache.caching(request) : null;
  let html: string = await reply.viewAsync(template, { ...commonLocals(request, reply, cachedUrl), ...data });
  if (cachedUrl !== null) {
    pageCache.store(request, html);
    html = html.replaceAll(CSRF_MARKER, csrfToken(request.csrfSecret, null));
  }
  reply.header('vary', 'HX-Request');
  // Encoded once here: given a string, Fastify measures its byte length and the socket encodes
  // it again, two passes over a page of 50 KB.
  return reply.code(status).type('text/html; charset=utf-8').send(Buffer.from(html));
}
