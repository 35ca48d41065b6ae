// Registration and email confirmation: /register, /register/sent, /confirm, /confirm/resend.
import type { FastifyPluginAsync } from 'fastify';
import { render } from '../../platform/render.ts';
import { setFlash } from '../../platform/flash.ts';
import { write } from '../../db/write.ts';
import { checkEmail, checked, hasErrors, normalizeEmail, raw, text, type FormErrors } from '../../platform/forms.ts';
import { findUserByEmail, insertUser, isUniqueViolation } from '../../platform/users.ts';
import { hashPassword } from '../../platform/passwords.ts';
import { checkToken, issueToken, useToken } from '../../platform/tokens.ts';
import { checkRegistration, tokenProblemKey } from './rules.ts';
import { normalizeName, reservedNames } from '../../platform/names.ts';
import { getSite } from '../../platform/site.ts';
import { confirmEmailMail } from './emails.ts';
import { confirmUserEmail } from './queries.ts';
import { LIMITS, MAILS_PER_ADDRESS_PER_HOUR, tokenErrorPage } from './common.ts';
import { addressOf, failureLimit, quota } from '../../platform/rate-limits.ts';

export const registerRoutes: FastifyPluginAsync = async (app) => {
  // Refused forms (an address already taken among them) are what sweeping through addresses
  // looks like; a room of people registering mostly succeeds.
  const refusedFromAddress = failureLimit(app, 'register-address', 30, 15, addressOf);
  const resendsTo = quota(app, 'resend-to', MAILS_PER_ADDRESS_PER_HOUR, 60, (r) => normalizeEmail(text(r.body, 'email')));

  app.get('/register', async (request, reply) => {
    if (request.user) return reply.redirect('/account', 303);
    return render(request, reply, 'accounts/register', { title: request.t('accounts.register.title'), values: {}, errors: {} });
  });

  app.post('/register', { config: LIMITS.register }, async (request, reply) => {
    const body = request.body;
    const input = {
      email: normalizeEmail(text(body, 'email')),
      password: raw(body, 'password'),
      displayName: normalizeName(text(body, 'display_name')),
      acceptTerms: checked(body, 'accept_terms'),
      newsConsent: checked(body, 'news_consent'),
    };
    await refusedFromAddress.check(request);
    const errors = checkRegistration(input, reservedNames(getSite(app.db).name));
    const again = async () => {
      await refusedFromAddress.fail(request);
      return render(
        request,
        reply,
        'accounts/register',
        { title: request.t('accounts.register.title'), values: { email: input.email, display_name: input.displayName, accept_terms: input.acceptTerms, news_consent: input.newsConsent }, errors },
        { status: 422 },
      );
    };
    // Registration necessarily tells whether an address is taken (the UNIQUE constraint says it
    // anyway); the rate limit keeps that from being used to sweep through addresses.
    if (!hasErrors(errors) && findUserByEmail(app.db, input.email)) errors.email = { key: 'accounts.email_taken' };
    if (hasErrors(errors)) return again();

    const passwordHash = await hashPassword(input.password);
    try {
      write(app.db, (tx) => {
        const id = insertUser(app.db, tx, { email: input.email, passwordHash, displayName: input.displayName, locale: request.locale, newsConsent: input.newsConsent });
        const token = issueToken(app.db, tx, 'confirm_email', id, input.email);
        app.mailer.enqueue(tx, confirmEmailMail(app, { email: input.email, displayName: input.displayName, locale: request.locale }, token));
      });
    } catch (err) {
      if (!isUniqueViolation(err)) throw err;
      errors.email = { key: 'accounts.email_taken' };
      return again();
    }
    return reply.redirect('/register/sent', 303);
  });

  app.get('/register/sent', async (request, reply) =>
    render(request, reply, 'accounts/register-sent', { title: request.t('accounts.sent.title'), values: {}, errors: {} }),
  );

  // Link scanners in mailboxes prefetch GET links: the GET only shows a button, the POST confirms.
  app.get<{ Querystring: { token?: string } }>('/confirm', async (request, reply) => {
    const check = checkToken(app.db, 'confirm_email', request.query.token);
    if (!check.ok) return tokenErrorPage(request, reply, tokenProblemKey(check), 'confirm');
    return render(request, reply, 'accounts/confirm', { title: request.t('accounts.confirm.title'), token: request.query.token });
  });

  app.post('/confirm', async (request, reply) => {
    const check = checkToken(app.db, 'confirm_email', text(request.body, 'token'));
    if (!check.ok) return tokenErrorPage(request, reply, tokenProblemKey(check), 'confirm');
    const { id, user_id: userId, payload: email } = check.token;
    const now = new Date().toISOString();
    const used = write(app.db, (tx) => {
      if (!useToken(app.db, tx, id)) return false;
      if (userId !== null && email) confirmUserEmail(app.db, tx, userId, email, now);
      return true;
    });
    if (!used) return tokenErrorPage(request, reply, 'accounts.token.used', 'confirm');
    setFlash(reply, 'accounts.flash.email_confirmed');
    return reply.redirect('/login', 303);
  });

  // The same answer whether or not an account waits for confirmation: no account enumeration.
  app.post('/confirm/resend', { config: LIMITS.resend }, async (request, reply) => {
    const email = normalizeEmail(text(request.body, 'email'));
    const errors: FormErrors = {};
    checkEmail(errors, 'email', email);
    if (hasErrors(errors)) {
      return render(request, reply, 'accounts/register-sent', { title: request.t('accounts.sent.title'), values: { email }, errors }, { status: 422 });
    }
    const user = findUserByEmail(app.db, email);
    if (user && !user.deleted_at && !user.email_confirmed_at && (await resendsTo(request))) {
      write(app.db, (tx) => {
        const token = issueToken(app.db, tx, 'confirm_email', user.id, email);
        app.mailer.enqueue(tx, confirmEmailMail(app, { email, displayName: user.display_name, locale: user.locale }, token));
      });
    }
    setFlash(reply, 'accounts.flash.resent');
    return reply.redirect(request.user ? '/account' : '/register/sent', 303);
  });
};
