// The person's rights over their data: /account/export (a JSON download) and /account/delete.
import type { FastifyPluginAsync } from 'fastify';
import { render } from '../../platform/render.ts';
import { setFlash } from '../../platform/flash.ts';
import { write } from '../../db/write.ts';
import { checked, hasErrors, raw, type FormErrors } from '../../platform/forms.ts';
import { clearSessionCookie } from '../../platform/session-cookie.ts';
import { requireUser } from '../../platform/http.ts';
import { checkCurrentPassword } from './rules.ts';
import { LIMITS, checkPasswordOf } from './common.ts';
import { erasePersonalData, exportPersonalData } from '../../platform/personal-data.ts';

export const dataRoutes: FastifyPluginAsync = async (app) => {
  app.get('/account/export', async (request, reply) => {
    const user = requireUser(request, reply);
    if (!user) return reply;
    const data = exportPersonalData(app.db, app.manifests, user.id);
    return reply
      .header('content-disposition', 'attachment; filename="palabre-data.json"')
      .header('cache-control', 'no-store')
      .type('application/json; charset=utf-8')
      .send(JSON.stringify(data, null, 2));
  });

  app.get('/account/delete', async (request, reply) => {
    const user = requireUser(request, reply);
    if (!user) return reply;
    return render(request, reply, 'accounts/delete', { title: request.t('accounts.delete.title'), values: {}, errors: {} });
  });

  app.post('/account/delete', { config: LIMITS.passwordCheck }, async (request, reply) => {
    const user = requireUser(request, reply);
    if (!user) return reply;
    const password = raw(request.body, 'current_password');
    const confirmed = checked(request.body, 'confirm');
    const errors: FormErrors = {};
    checkCurrentPassword(errors, 'current_password', password);
    if (!confirmed) errors.confirm = { key: 'accounts.delete.confirm_required' };
    if (!hasErrors(errors)) await checkPasswordOf(app, errors, 'current_password', user.id, password);
    if (hasErrors(errors)) {
      return render(request, reply, 'accounts/delete', { title: request.t('accounts.delete.title'), values: { confirm: confirmed }, errors }, { status: 422 });
    }
    // One transaction: identifying data, links and sessions go together or not at all.
    write(app.db, (tx) => erasePersonalData(app.db, tx, app.manifests, user.id));
    clearSessionCookie(reply, app.config);
    setFlash(reply, 'accounts.flash.deleted');
    return reply.redirect('/', 303);
  });
};
