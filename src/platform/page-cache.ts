// Anonymous visitors of a public page all see the same HTML for the same address and language,
// so a route that opts in (`config: { pageCache: true }`, or `{ query: [...] }` naming the query
// parameters it reads) serves it from memory for a few seconds. Correct before fast: every
// committed write empties the cache (a refused request writes nothing, so it changes nothing),
// a page rendered while a write happened is not stored (generations), and entries expire after
// TTL_MS because step states follow the clock, or sooner when a module has said that something
// becomes public at a date (a scheduled post): no entry outlives the next such date. The CSRF
// token, the one per-visitor piece of an anonymous page, is stored as a marker and put back on
// the way out.
import crypto from 'node:crypto';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { onCommit } from '../db/write.ts';

export const TTL_MS = 10_000;
const MAX_ENTRIES = 300;
/** Stands for the visitor's CSRF token in cached HTML: random per process, so no user text
 * (a name, a source's address) can hold it and be swapped for the reader's token. */
export const CSRF_MARKER = `csrf-${crypto.randomBytes(16).toString('hex')}`;

declare module 'fastify' {
  interface FastifyContextConfig {
    pageCache?: true | { query: readonly string[] };
  }
}

export interface PageCache {
  /** Called by render(): the HTML of a cacheable request, stored if nothing was written meanwhile. */
  store(request: FastifyRequest, html: string): void;
  /** The address a cacheable request is rendered for (its path and the parameters the route
   * reads), or null when render() should not cache it. */
  caching(request: FastifyRequest): string | null;
  clear(): void;
  /**
   * For a module whose pages change at a date without any write (a post scheduled for
   * publication): `nextDue(after)` answers when its next such change is due after that time (ms
   * since the epoch), or null. No entry outlives the earliest of them.
   */
  changesAt(nextDue: (after: number) => number | null): void;
}

interface Pending {
  key: string;
  url: string;
  generation: number;
  /** The next scheduled change when the request came: its page must not be served after it. */
  due: number;
}

/** The request's path with only the query parameters the route reads, in the declared order. */
function canonicalUrl(request: FastifyRequest, names: readonly string[]): string {
  const [path, search = ''] = request.url.split('?');
  const given = new URLSearchParams(search);
  const kept = new URLSearchParams();
  for (const name of names) {
    const value = given.get(name);
    if (value !== null) kept.set(name, value);
  }
  const query = kept.toString();
  return query ? `${path}?${query}` : path!;
}

export function createPageCache(app: FastifyInstance, csrfOf: (request: FastifyRequest) => string): PageCache {
  const entries = new Map<string, { html: string; expires: number }>();
  const pending = new WeakMap<FastifyRequest, Pending>();
  let generation = 0;
  const dueSources: ((after: number) => number | null)[] = [];
  // The earliest scheduled change (null: none), read again after a write and once it has passed.
  let nextDue: number | null | undefined;
  const dueAfter = (now: number): number => {
    if (nextDue === undefined || (nextDue !== null && nextDue <= now)) {
      nextDue = null;
      for (const source of dueSources) {
        const due = source(now);
        if (due !== null && (nextDue === null || due < nextDue)) nextDue = due;
      }
    }
    return nextDue ?? Infinity;
  };

  const clear = () => {
    generation++;
    nextDue = undefined;
    entries.clear();
  };
  onCommit(app.db, clear);

  app.addHook('preHandler', async (request, reply) => {
    const opted = request.routeOptions.config.pageCache;
    if (request.method !== 'GET' || request.user || !opted) return;
    if (request.cookies.flash) return; // a one-shot message belongs to one visitor
    const url = canonicalUrl(request, opted === true ? [] : opted.query);
    const key = `${request.locale}|${request.wantsFragment ? 'fragment' : 'page'}|${url}`;
    const entry = entries.get(key);
    if (entry && entry.expires > Date.now()) {
      return reply.header('vary', 'HX-Request').type('text/html; charset=utf-8').send(entry.html.replaceAll(CSRF_MARKER, csrfOf(request)));
    }
    // Read before the handler reads the clock: a change due in between shortens the entry.
    pending.set(request, { key, url, generation, due: dueAfter(Date.now()) });
  });

  return {
    caching: (request) => pending.get(request)?.url ?? null,
    store(request, html) {
      const p = pending.get(request);
      if (!p || p.generation !== generation) return;
      if (entries.size >= MAX_ENTRIES) entries.delete(entries.keys().next().value!); // oldest first
      entries.set(p.key, { html, expires: Math.min(Date.now() + TTL_MS, p.due) });
    },
    clear,
    changesAt(nextDue) {
      dueSources.push(nextDue);
      clear();
    },
  };
}
