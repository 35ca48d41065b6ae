// What several account route files share: rate limits of the anonymous forms, the page shown
// when a one-time link cannot be used, and the "current password" check.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { render } from '../../platform/render.ts';
import { hasErrors, type FormErrors } from '../../platform/forms.ts';
import { findUserById } from '../../platform/users.ts';
import { verifyPassword } from '../../platform/passwords.ts';
import { checkCurrentPassword } from './rules.ts';
import { perAccount, perAddress } from '../../platform/rate-limits.ts';

/**
 * Every request of a kind, per address or per account; failures and emails per person are
 * counted in the handlers (see README, Security). Tests turn them off unless
 * `makeApp({ rateLimits: true })`.
 */
export const LIMITS = {
  login: perAddress(300, 15),
  register: perAddress(100, 60),
  forgot: perAddress(30, 15),
  resend: perAddress(30, 15),
  /** Forms that check the current password: a stolen session must not brute-force it. */
  passwordCheck: perAccount(10, 15),
  /** Each try sends two emails, to any address: not a way to mail people in the town's name. */
  emailChange: perAccount(5, 60),
};

/** At most this many emails of one kind to one address per hour, whoever asks. */
export const MAILS_PER_ADDRESS_PER_HOUR = 3;

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
