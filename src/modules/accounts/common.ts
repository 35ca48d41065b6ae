// What several account route files share: rate limits of the anonymous forms, the page shown
// when a one-time link cannot be used, and the "current password" check.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { render } from '../../platform/render.ts';
import { hasErrors, type FormErrors } from '../../platform/forms.ts';
import { findUserById } from '../../platform/users.ts';
import { verifyPassword } from '../../platform/passwords.ts';
import { checkCurrentPassword } from './rules.ts';

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

/**
 * Checks the "current password" field: required, then right. Verifying costs one argon2 hash,
 * so it runs only when the rest of the form is valid.
 */
export async function checkPasswordOf(app: FastifyInstance, errors: FormErrors, name: string, userId: number, password: string): Promise<void> {
  checkCurrentPassword(errors, name, password);
  if (hasErrors(errors)) return;
  const user = findUserById(app.db, userId);
  if (!(await verifyPassword(user?.password_hash ?? null, password))) errors[name] = { key: 'accounts.current_password_wrong' };
}
