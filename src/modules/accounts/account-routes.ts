// The logged-in person's own pages: /account (overview), /account/profile, /account/password.
import type { FastifyPluginAsync } from 'fastify';
import { render } from '../../platform/render.ts';
import { setFlash } from '../../platform/flash.ts';
import { write } from '../../db/write.ts';
import { checked, hasErrors, raw, text, type FormErrors } from '../../platform/forms.ts';
import { hashPassword } from '../../platform/passwords.ts';
import { createSession } from '../../platform/sessions.ts';
import { setSessionCookie } from '../../platform/session-cookie.ts';
import { requireUser, notFound } from '../../platform/http.ts';
import { checkCurrentPassword, checkDisplayName, checkNewPassword } from './rules.ts';
import { normalizeName, reservedNames } from '../../platform/names.ts';
import { getSite } from '../../platform/site.ts';
import { passwordChangedMail } from './emails.ts';
import { LIMITS, checkPasswordOf } from './common.ts';
import { deleteUnusedTokens, deleteUserSessions, findAccount, setUserPassword, updateProfile } from './queries.ts';

export const accountRoutes: FastifyPluginAsync = async (app) => {
  app.get('/account', async (request, reply) => {
    const user = requireUser(request, reply);
    if (!user) return reply;
    const account = findAccount(app.db, user.id);
    if (!account) throw notFound();
    return render(request, reply, 'accounts/account', { title: request.t('accounts.account.title'), account, values: {}, errors: {} });
  });

  app.get('/account/profile', async (request, reply) => {
    const user = requireUser(request, reply);
    if (!user) return reply;
    const account = findAccount(app.db, user.id);
    if (!account) throw notFound();
    const values = { display_name: account.display_name, news_consent: account.news_consent === 1 };
    return render(request, reply, 'accounts/profile', { title: request.t('accounts.profile.title'), values, errors: {} });
  });

  app.post('/account/profile', async (request, reply) => {
    const user = requireUser(request, reply);
    if (!user) return reply;
    const displayName = normalizeName(text(request.body, 'display_name'));
    const newsConsent = checked(request.body, 'news_consent');
    const errors: FormErrors = {};
    checkDisplayName(errors, 'display_name', displayName, reservedNames(getSite(app.db).name));
    if (hasErrors(errors)) {
      const values = { display_name: displayName, news_consent: newsConsent };
      return render(request, reply, 'accounts/profile', { title: request.t('accounts.profile.title'), values, errors }, { status: 422 });
    }
    write(app.db, (tx) => updateProfile(app.db, tx, user.id, { displayName, newsConsent }));
    setFlash(reply, 'accounts.flash.profile_saved');
    return reply.redirect('/account', 303);
  });

  app.get('/account/password', async (request, reply) => {
    const user = requireUser(request, reply);
    if (!user) return reply;
    return render(request, reply, 'accounts/password', { title: request.t('accounts.password.title'), errors: {} });
  });

  app.post('/account/password', { config: LIMITS.passwordCheck }, async (request, reply) => {
    const user = requireUser(request, reply);
    if (!user) return reply;
    const current = raw(request.body, 'current_password');
    const next = raw(request.body, 'new_password');
    const errors: FormErrors = {};
    checkCurrentPassword(errors, 'current_password', current);
    checkNewPassword(errors, 'new_password', next);
    if (!hasErrors(errors)) await checkPasswordOf(app, errors, 'current_password', user.id, current);
    if (hasErrors(errors)) return render(request, reply, 'accounts/password', { title: request.t('accounts.password.title'), errors }, { status: 422 });

    const passwordHash = await hashPassword(next);
    write(app.db, (tx) => {
      setUserPassword(app.db, tx, user.id, passwordHash);
      // Anyone who learnt the old password loses every session and every pending reset link.
      deleteUserSessions(app.db, tx, user.id);
      deleteUnusedTokens(app.db, tx, user.id, 'reset_password');
      app.mailer.enqueue(tx, passwordChangedMail(app, { email: user.email, displayName: user.display_name, locale: user.locale }));
    });
    // ...except this browser, which gets a fresh session.
    setSessionCookie(reply, app.config, createSession(app.db, user.id));
    setFlash(reply, 'accounts.flash.password_changed');
    return reply.redirect('/account', 303);
  });
};
