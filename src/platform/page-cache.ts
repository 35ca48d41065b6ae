// Anonymous visitors of a public page all see the same HTML for the same address and language,
// so a route that opts in (`config: { pageCache: true }`) serves it from memory for a few
// seconds. Correct before fast: every state-changing request empties the whole cache before its
// answer leaves, a page rendered while a write happened is not stored (generations), and entries
// expire after TTL_MS because step states follow the clock. The CSRF token, the one per-visitor
// piece of an anonymous page, is stored as a marker and put back on the way out.
import type { FastifyInstance, FastifyRequest } from 'fastify';

export const TTL_MS = 10_000;
const MAX_ENTRIES = 300;
/** Stands for the visitor's CSRF token in cached HTML. */
export const CSRF_MARKER = '\u0000csrf\u0000';

declare module 'fastify' {
  interface FastifyContextConfig {
    pageCache?: boolean;
  }
}

export interface PageCache {
  /** Called by render(): the HTML of a cacheable request, stored if nothing was written meanwhile. */
  store(request: FastifyRequest, html: string): void;
  /** True when render() should write the CSRF marker instead of the token. */
  caching(request: FastifyRequest): boolean;
  clear(): void;
}

interface Pending {
  key: string;
  generation: number;
}

export function createPageCache(app: FastifyInstance, csrfOf: (request: FastifyRequest) => string): PageCache {
  const entries = new Map<string, { html: string; expires: number }>();
  const pending = new WeakMap<FastifyRequest, Pending>();
  let generation = 0;

  const keyFor = (request: FastifyRequest): string | null => {
    if (request.method !== 'GET' || request.user || !request.routeOptions.config.pageCache) return null;
    if (request.cookies.flash) return null; // a one-shot message belongs to one visitor
    return `${request.locale}|${request.wantsFragment ? 'fragment' : 'page'}|${request.url}`;
  };
  const clear = () => {
    generation++;
    entries.clear();
  };

  app.addHook('preHandler', async (request, reply) => {
    const key = keyFor(request);
    if (!key) return;
    const entry = entries.get(key);
    if (entry && entry.expires > Date.now()) {
      return reply.header('vary', 'HX-Request').type('text/html; charset=utf-8').send(entry.html.replaceAll(CSRF_MARKER, csrfOf(request)));
    }
    pending.set(request, { key, generation });
  });
  // Before the answer of a write leaves, so the page the person is sent to next is fresh.
  app.addHook('onSend', async (request) => {
    if (request.method !== 'GET' && request.method !== 'HEAD') clear();
  });

  return {
    caching: (request) => pending.has(request),
    store(request, html) {
      const p = pending.get(request);
      if (!p || p.generation !== generation) return;
      if (entries.size >= MAX_ENTRIES) entries.delete(entries.keys().next().value!); // oldest first
      entries.set(p.key, { html, expires: Date.now() + TTL_MS });
    },
    clear,
  };
}
