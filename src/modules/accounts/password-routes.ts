// Forgotten password: /password/forgot asks for a link, /password/reset uses it.
import type { FastifyPluginAsync } from 'fastify';
import { render } from '../../platform/render.ts';
import { setFlash } from '../../platform/flash.ts';
import { write } from '../../db/write.ts';
import { checkEmail, hasErrors, normalizeEmail, raw, text, type FormErrors } from '../../platform/forms.ts';
import { findUserByEmail } from '../../platform/users.ts';
import { hashPassword } from '../../platform/passwords.ts';
import { checkToken, issueToken, useToken } from '../../platform/tokens.ts';
import { clearSessionCookie } from '../../platform/session-cookie.ts';
import { checkNewPassword, tokenProblemKey } from './rules.ts';
import { resetPasswordMail } from './emails.ts';
import { deleteUnusedTokens, deleteUserSessions, setUserPassword } from './queries.ts';
import { LIMITS, MAILS_PER_ADDRESS_PER_HOUR, tokenErrorPage } from './common.ts';
import { quota } from '../../platform/rate-limits.ts';

export const passwordRoutes: FastifyPluginAsync = async (app) => {
  const resetsTo = quota(app, 'reset-to', MAILS_PER_ADDRESS_PER_HOUR, 60, (r) => normalizeEmail(text(r.body, 'email')));

  app.get('/password/forgot', async (request, reply) =>
    render(request, reply, 'accounts/forgot', { title: request.t('accounts.forgot.title'), values: {}, errors: {} }),
  );

  // The same answer whether or not the account exists: no account enumeration.
  app.post('/password/forgot', { config: LIMITS.forgot }, async (request, reply) => {
    const email = normalizeEmail(text(request.body, 'email'));
    const errors: FormErrors = {};
    checkEmail(errors, 'email', email);
    if (hasErrors(errors)) {
      return render(request, reply, 'accounts/forgot', { title: request.t('accounts.forgot.title'), values: { email }, errors }, { status: 422 });
    }
    const user = findUserByEmail(app.db, email);
    // Past the quota the answer stays the same, so it says nothing about the account.
    if (user && !user.deleted_at && (await resetsTo(request))) {
      write(app.db, (tx) => {
        const token = issueToken(app.db, tx, 'reset_password', user.id, null);
        app.mailer.enqueue(tx, resetPasswordMail(app, { email, displayName: user.display_name, locale: user.locale }, token));
      });
    }
    return reply.redirect('/password/forgot/sent', 303);
  });

  app.get('/password/forgot/sent', async (request, reply) => render(request, reply, 'accounts/forgot-sent', { title: request.t('accounts.sent.title') }));

  app.get<{ Querystring: { token?: string } }>('/password/reset', async (request, reply) => {
    const check = checkToken(app.db, 'reset_password', request.query.token);
    if (!check.ok) return tokenErrorPage(request, reply, tokenProblemKey(check), 'reset');
    return render(request, reply, 'accounts/reset', { title: request.t('accounts.reset.title'), token: request.query.token, errors: {} });
  });

  app.post('/password/reset', async (request, reply) => {
    const token = text(request.body, 'token');
    const password = raw(request.body, 'password');
    const check = checkToken(app.db, 'reset_password', token);
    if (!check.ok || check.token.user_id === null) return tokenErrorPage(request, reply, tokenProblemKey(check), 'reset');
    const errors: FormErrors = {};
    checkNewPassword(errors, 'password', password);
    if (hasErrors(errors)) return render(request, reply, 'accounts/reset', { title: request.t('accounts.reset.title'), token, errors }, { status: 422 });

    const userId = check.token.user_id;
    const passwordHash = await hashPassword(password);
    const now = new Date().toISOString();
    const used = write(app.db, (tx) => {
      if (!useToken(app.db, tx, check.token.id)) return false;
      setUserPassword(app.db, tx, userId, passwordHash, { confirmEmailAt: now });
      // Whoever knew the old password is logged out everywhere, and other reset links die.
      deleteUserSessions(app.db, tx, userId);
      deleteUnusedTokens(app.db, tx, userId, 'reset_password');
      return true;
    });
    if (!used) return tokenErrorPage(request, reply, 'accounts.token.used', 'reset');
    clearSessionCookie(reply, app.config);
    setFlash(reply, 'accounts.flash.password_reset');
    return reply.redirect('/login', 303);
  });
};
