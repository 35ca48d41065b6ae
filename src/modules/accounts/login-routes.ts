// Logging in and out: /login, /logout.
import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify';
import { render } from '../../platform/render.ts';
import { setFlash } from '../../platform/flash.ts';
import { EMAIL_MAX, hasErrors, normalizeEmail, raw, text, type FormErrors } from '../../platform/forms.ts';
import { findUserByEmail } from '../../platform/users.ts';
import { verifyPassword } from '../../platform/passwords.ts';
import { createSession, deleteSession } from '../../platform/sessions.ts';
import { clearSessionCookie, setSessionCookie } from '../../platform/session-cookie.ts';
import { safeNext } from '../../platform/http.ts';
import { LIMITS } from './common.ts';
import { addressOf, failureLimit } from '../../platform/rate-limits.ts';

const destination = (next: string) => (next ? safeNext(next) : '/account');

interface LoginPage {
  email?: string;
  next?: string;
  errors?: FormErrors;
  /** One message about the whole form (wrong credentials, suspended account). */
  alert?: string;
}

function loginPage(request: FastifyRequest, reply: FastifyReply, page: LoginPage, status = 200) {
  return render(
    request,
    reply,
    'accounts/login',
    { title: request.t('accounts.login.title'), values: { email: page.email ?? '' }, next: page.next ?? '', errors: page.errors ?? {}, alert: page.alert ?? null },
    { status },
  );
}

export const loginRoutes: FastifyPluginAsync = async (app) => {
  // A workshop shares one address and mistypes now and then; a brute force fails all the time,
  // against one account or against many.
  const failedFromAddress = failureLimit(app, 'login-address', 50, 15, addressOf);
  const failedForAccount = failureLimit(app, 'login-account', 10, 15, (r) => normalizeEmail(text(r.body, 'email')));

  app.get<{ Querystring: { next?: string } }>('/login', async (request, reply) => {
    const next = typeof request.query.next === 'string' ? request.query.next : '';
    if (request.user) return reply.redirect(destination(next), 303);
    return loginPage(request, reply, { next });
  });

  app.post('/login', { config: LIMITS.login }, async (request, reply) => {
    const email = normalizeEmail(text(request.body, 'email'));
    const password = raw(request.body, 'password');
    const next = text(request.body, 'next');
    const errors: FormErrors = {};
    if (email === '') errors.email = { key: 'forms.required' };
    if (password === '') errors.password = { key: 'forms.required' };
    if (hasErrors(errors)) return loginPage(request, reply, { email, next, errors }, 422);

    await failedFromAddress.check(request);
    await failedForAccount.check(request);
    const user = email.length <= EMAIL_MAX ? findUserByEmail(app.db, email) : undefined;
    // Always one argon2 verification, so an unknown address answers as slowly as a known one.
    const ok = await verifyPassword(user && !user.deleted_at ? user.password_hash : null, password);
    if (!user || !ok) {
      await failedFromAddress.fail(request);
      await failedForAccount.fail(request);
      return loginPage(request, reply, { email, next, alert: 'accounts.login.failed' }, 422);
    }
    // Said only to whoever knows the password, so it reveals nothing to others.
    if (user.suspended_at) return loginPage(request, reply, { email, next, alert: 'accounts.login.suspended' }, 403);

    // A fresh session on every login (no session fixation); the previous one ends.
    if (request.session) deleteSession(app.db, request.session.id);
    setSessionCookie(reply, app.config, createSession(app.db, user.id));
    return reply.redirect(destination(next), 303);
  });

  app.post('/logout', async (request, reply) => {
    if (request.session) deleteSession(app.db, request.session.id);
    clearSessionCookie(reply, app.config);
    if (request.session) setFlash(reply, 'accounts.flash.logged_out');
    return reply.redirect('/', 303);
  });
};
