// What several account route files share: rate limits of the anonymous forms and the page
// shown when a one-time link cannot be used.
import type { FastifyReply, FastifyRequest } from 'fastify';
import { render } from '../../platform/render.ts';

/** Per IP. Tests turn them off unless `makeApp({ rateLimits: true })`. */
export const LIMITS = {
  login: { rateLimit: { max: 10, timeWindow: '1 minute' } },
  register: { rateLimit: { max: 5, timeWindow: '10 minutes' } },
  forgot: { rateLimit: { max: 5, timeWindow: '10 minutes' } },
  resend: { rateLimit: { max: 5, timeWindow: '10 minutes' } },
};

/** Which way out the page offers: a new confirmation link, a new reset link, or a new change. */
export type TokenKind = 'confirm' | 'reset' | 'email';

export function tokenErrorPage(request: FastifyRequest, reply: FastifyReply, messageKey: string, kind: TokenKind): Promise<FastifyReply> {
  return render(request, reply, 'accounts/token-error', { title: request.t('accounts.token.title'), messageKey, kind, values: {}, errors: {} }, { status: 400 });
}
