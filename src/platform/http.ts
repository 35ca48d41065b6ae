// Errors with a status and a catalogue key, and the guards every route uses: deny unless allowed.
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { SessionUser } from './sessions.ts';

export class HttpError extends Error {
  constructor(
    public statusCode: number,
    public messageKey: string,
  ) {
    super(messageKey);
  }
}

export const notFound = () => new HttpError(404, 'errors.404.text');
export const forbidden = () => new HttpError(403, 'errors.403.text');

/** The logged-in user, or a redirect to the login page (GET) / 401 (other methods). */
export function requireUser(request: FastifyRequest, reply: FastifyReply): SessionUser | null {
  if (request.user) return request.user;
  if (request.method === 'GET') {
    void reply.redirect(`/login?next=${encodeURIComponent(request.url)}`, 303);
    return null;
  }
  throw new HttpError(401, 'errors.401.text');
}

const rank = { citizen: 0, moderator: 1, admin: 2 } as const;

/** preHandler for a whole plugin: only users with at least this role get through. */
export function onlyRole(role: keyof typeof rank) {
  return async (request: FastifyRequest, reply: FastifyReply) => {
    const user = requireUser(request, reply);
    if (!user) return reply;
    if (rank[user.role] < rank[role]) throw forbidden();
  };
}

const LOCAL = 'http://palabre.invalid';

/**
 * A local path to go back to (after login, a language switch, a vote...), else `fallback`.
 * Browsers strip tabs and newlines from addresses, so `/\t/evil.example` is followed as
 * `//evil.example`: control characters are refused outright, then the path must still name this
 * site once the URL parser has normalised it. The result is the parser's own percent-encoded
 * form, so it is always a valid Location header (no CR/LF, nothing outside ASCII).
 */
export function safeNext(next: unknown, fallback = '/'): string {
  if (typeof next !== 'string' || next.length > 500 || !next.startsWith('/')) return fallback;
  if (/[\u0000-\u001f\u007f-\u009f]/.test(next)) return fallback;
  let url: URL;
  try {
    url = new URL(next, LOCAL);
  } catch {
    return fallback;
  }
  return url.origin === LOCAL ? url.pathname + url.search + url.hash : fallback;
}
