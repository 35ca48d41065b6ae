// GET /setup?token= shows the first-run form; POST /setup creates the first administrator,
// names the instance, optionally loads the demo, logs the administrator in.
import type { FastifyPluginAsync, FastifyRequest } from 'fastify';
import { render } from '../../platform/render.ts';
import { HttpError } from '../../platform/http.ts';
import { checkToken } from '../../platform/tokens.ts';
import { text, raw, checked, checkText, checkEmail, normalizeEmail, hasErrors, type FormErrors } from '../../platform/forms.ts';
import { passwordProblem, hashPassword } from '../../platform/passwords.ts';
import { isUniqueViolation } from '../../platform/users.ts';
import { createSession } from '../../platform/sessions.ts';
import { setSessionCookie } from '../../platform/session-cookie.ts';
import { setFlash } from '../../platform/flash.ts';
import { runDemo } from '../../platform/demo.ts';
import { setupDone, completeSetup, SetupAlreadyDone } from './queries.ts';
import { checkDisplayName, normalizeName, reservedNames } from '../../platform/names.ts';

export const SITE_NAME_MAX = 100;

/** The usable token, or an error page: nothing is shown or written once setup is done. */
function usableToken(request: FastifyRequest, raw: unknown) {
  if (setupDone(request.server.db)) throw new HttpError(400, 'setup.errors.already_done');
  const check = checkToken(request.server.db, 'setup', raw);
  if (!check.ok) throw check.reason === 'used' ? new HttpError(400, 'setup.errors.used_link') : new HttpError(404, 'setup.errors.invalid_link');
  return check.token;
}

export const routes: FastifyPluginAsync = async (app) => {
  app.get<{ Querystring: { token?: string } }>('/', async (request, reply) => {
    usableToken(request, request.query.token);
    return render(request, reply, 'setup/form', { title: request.t('setup.form.title'), token: request.query.token, values: {}, errors: {} });
  });

  app.post('/', async (request, reply) => {
    const body = request.body;
    const tokenRaw = text(body, 'token');
    const token = usableToken(request, tokenRaw);
    const values = {
      site_name: text(body, 'site_name'),
      email: normalizeEmail(text(body, 'email')),
      display_name: normalizeName(text(body, 'display_name')),
      demo: checked(body, 'demo'),
    };
    const password = raw(body, 'password');
    const errors: FormErrors = {};
    checkText(errors, 'site_name', values.site_name, { required: true, max: SITE_NAME_MAX });
    checkEmail(errors, 'email', values.email);
    checkDisplayName(errors, 'display_name', values.display_name, reservedNames(values.site_name));
    const problem = passwordProblem(password);
    if (problem) errors.password = { key: problem };
    const again = (status: number) => render(request, reply, 'setup/form', { title: request.t('setup.form.title'), token: tokenRaw, values, errors }, { status });
    if (hasErrors(errors)) return again(422);

    const passwordHash = await hashPassword(password);
    let userId: number;
    try {
      userId = completeSetup(app.db, { tokenId: token.id, siteName: values.site_name, email: values.email, displayName: values.display_name, passwordHash, locale: request.locale });
    } catch (err) {
      if (err instanceof SetupAlreadyDone) throw new HttpError(400, 'setup.errors.already_done');
      if (isUniqueViolation(err)) {
        errors.email = { key: 'setup.errors.email_taken' };
        return again(422);
      }
      throw err;
    }

    let flash = 'setup.flash.done';
    if (values.demo) {
      try {
        await runDemo(app.db, app.manifests, (line) => request.log.info(line));
        flash = 'setup.flash.done_with_demo';
      } catch (err) {
        // The administrator exists now: log them in anyway and say what went wrong.
        request.log.error({ err }, 'demo content failed');
        flash = 'setup.flash.demo_failed';
      }
    }
    setSessionCookie(reply, app.config, createSession(app.db, userId));
    setFlash(reply, flash);
    return reply.redirect('/admin', 303);
  });
};
