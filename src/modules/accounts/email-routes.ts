// Changing the email address: /account/email asks (password required), a link goes to the new
// address and a notice to the old one; /account/email/confirm applies the change.
import type { FastifyPluginAsync } from 'fastify';
import { render } from '../../platform/render.ts';
import { setFlash } from '../../platform/flash.ts';
import { write } from '../../db/write.ts';
import { checkEmail, hasErrors, normalizeEmail, raw, text, type FormErrors } from '../../platform/forms.ts';
import { isUniqueViolation } from '../../platform/users.ts';
import { checkToken, issueToken, useToken } from '../../platform/tokens.ts';
import { requireUser } from '../../platform/http.ts';
import { tokenProblemKey } from './rules.ts';
import { changeEmailMail, changeEmailNoticeMail } from './emails.ts';
import { changeUserEmail, deleteUnusedTokens, emailUsedByOther } from './queries.ts';
import { LIMITS, checkPasswordOf, tokenErrorPage } from './common.ts';

export const emailRoutes: FastifyPluginAsync = async (app) => {
  app.get('/account/email', async (request, reply) => {
    const user = requireUser(request, reply);
    if (!user) return reply;
    return render(request, reply, 'accounts/email', { title: request.t('accounts.email.title'), values: {}, errors: {} });
  });

  app.post('/account/email', { config: LIMITS.emailChange }, async (request, reply) => {
    const user = requireUser(request, reply);
    if (!user) return reply;
    const newEmail = normalizeEmail(text(request.body, 'new_email'));
    const password = raw(request.body, 'current_password');
    const errors: FormErrors = {};
    checkEmail(errors, 'new_email', newEmail);
    if (!errors.new_email && newEmail === user.email) errors.new_email = { key: 'accounts.email.same' };
    // The person proved who they are below; telling them an address is taken is what
    // registration says too.
    else if (!errors.new_email && emailUsedByOther(app.db, newEmail, user.id)) errors.new_email = { key: 'accounts.email_taken' };
    if (!hasErrors(errors)) await checkPasswordOf(app, errors, 'current_password', user.id, password);
    else if (password === '') errors.current_password = { key: 'forms.required' };
    if (hasErrors(errors)) {
      return render(request, reply, 'accounts/email', { title: request.t('accounts.email.title'), values: { new_email: newEmail }, errors }, { status: 422 });
    }
    write(app.db, (tx) => {
      // Only the latest request counts: older change links stop working.
      deleteUnusedTokens(app.db, tx, user.id, 'change_email');
      const token = issueToken(app.db, tx, 'change_email', user.id, newEmail);
      const person = { displayName: user.display_name, locale: user.locale };
      app.mailer.enqueue(tx, changeEmailMail(app, { ...person, email: newEmail }, token));
      app.mailer.enqueue(tx, changeEmailNoticeMail(app, { ...person, email: user.email }, newEmail));
    });
    setFlash(reply, 'accounts.flash.email_change_sent');
    return reply.redirect('/account', 303);
  });

  // Logged-in only, and only for the account that asked: a stray link opened by someone else
  // cannot attach their address to another person's account. GET shows a button (prefetch-safe).
  app.get<{ Querystring: { token?: string } }>('/account/email/confirm', async (request, reply) => {
    const user = requireUser(request, reply);
    if (!user) return reply;
    const check = checkToken(app.db, 'change_email', request.query.token);
    if (!check.ok) return tokenErrorPage(request, reply, tokenProblemKey(check), 'email');
    if (check.token.user_id !== user.id || !check.token.payload) return tokenErrorPage(request, reply, 'accounts.token.invalid', 'email');
    const title = request.t('accounts.email_confirm.title');
    return render(request, reply, 'accounts/email-confirm', { title, token: request.query.token, newEmail: check.token.payload });
  });

  app.post('/account/email/confirm', async (request, reply) => {
    const user = requireUser(request, reply);
    if (!user) return reply;
    const check = checkToken(app.db, 'change_email', text(request.body, 'token'));
    if (!check.ok) return tokenErrorPage(request, reply, tokenProblemKey(check), 'email');
    const { id, user_id: owner, payload: newEmail } = check.token;
    if (owner !== user.id || !newEmail) return tokenErrorPage(request, reply, 'accounts.token.invalid', 'email');
    if (emailUsedByOther(app.db, newEmail, user.id)) return tokenErrorPage(request, reply, 'accounts.email_confirm.taken', 'email');
    const now = new Date().toISOString();
    let used: boolean;
    try {
      used = write(app.db, (tx) => useToken(app.db, tx, id) && changeUserEmail(app.db, tx, user.id, newEmail, now) === 1);
    } catch (err) {
      if (!isUniqueViolation(err)) throw err;
      return tokenErrorPage(request, reply, 'accounts.email_confirm.taken', 'email');
    }
    if (!used) return tokenErrorPage(request, reply, 'accounts.token.used', 'email');
    setFlash(reply, 'accounts.flash.email_changed');
    return reply.redirect('/account', 303);
  });
};
