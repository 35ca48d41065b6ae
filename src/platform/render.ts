// Page or fragment: every page template can name the partial an htmx request receives; a
// history restore (or a plain request) always gets the full page. Templates get the common
// locals below plus the handler's data.
import type { FastifyReply, FastifyRequest } from 'fastify';
import { getSite } from './site.ts';
import { takeFlash } from './flash.ts';
import { csrfToken } from './csrf.ts';
import { renderMarkdown } from './markdown.ts';
import type { Assets } from './assets.ts';

export interface RenderOptions {
  status?: number;
  /** Template sent instead of the page when htmx asks for a fragment. */
  fragment?: string;
}

let assets: Assets = { url: () => '' };
export function useAssets(a: Assets): void {
  assets = a;
}

export function commonLocals(request: FastifyRequest, reply: FastifyReply) {
  return {
    t: request.t,
    fmt: request.fmt,
    locale: request.locale,
    user: request.user,
    site: getSite(request.server.db),
    csrf: csrfToken(request.csrfSecret, request.session?.id ?? null),
    flash: takeFlash(request, reply),
    assets,
    markdown: renderMarkdown,
    path: request.url.split('?')[0] ?? '/',
    url: request.url,
  };
}

export async function render(request: FastifyRequest, reply: FastifyReply, page: string, data: object = {}, opts: RenderOptions = {}): Promise<FastifyReply> {
  const template = opts.fragment && request.wantsFragment ? opts.fragment : page;
  const html = await reply.viewAsync(template, { ...commonLocals(request, reply), ...data });
  reply.header('vary', 'HX-Request');
  return reply.code(opts.status ?? 200).type('text/html; charset=utf-8').send(html);
}
