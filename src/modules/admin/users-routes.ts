// /admin/users: search and browse accounts; change a role, suspend, reactivate (both logged in
// the moderation log). An administrator never acts on their own account here, so an instance
// cannot lose its last administrator.
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { render } from '../../platform/render.ts';
import { notFound, HttpError, safeNext } from '../../platform/http.ts';
import { setFlash } from '../../platform/flash.ts';
import { text } from '../../platform/forms.ts';
import { isRole } from './rules.ts';
import { setSuspended } from '../../platform/suspensions.ts';
import { listUsers, findAccount, setUserRole } from './users-queries.ts';

const Q_MAX = 200;

/** The account the URL names, existing and not deleted, and never the acting administrator. */
async function targetAccount(request: FastifyRequest<{ Params: { id: string } }>, selfKey: string) {
  if (!/^\d{1,15}$/.test(request.params.id)) throw notFound();
  const account = await findAccount(request.server.db, Number(request.params.id));
  if (!account) throw notFound();
  if (account.deleted_at) throw new HttpError(400, 'admin.users.errors.deleted');
  if (account.id === request.user?.id) throw new HttpError(400, selfKey);
  return account;
}

/** Back to the list the form was on (its search and page), never elsewhere. */
function backToList(request: FastifyRequest): string {
  const back = safeNext(text(request.body, 'back'), '/admin/users');
  return /^\/admin\/users(\?|$)/.test(back) ? back : '/admin/users';
}

export function usersRoutes(app: FastifyInstance): void {
  app.get<{ Querystring: { q?: string; after?: string } }>('/users', async (request, reply) => {
    const q = typeof request.query.q === 'string' ? request.query.q.trim().slice(0, Q_MAX) : '';
    const after = typeof request.query.after === 'string' && /^\d{1,15}$/.test(request.query.after) ? Number(request.query.after) : null;
    const { users, next } = await listUsers(app.db, { q, after });
    const nextUrl = next === null ? null : `/admin/users?${new URLSearchParams({ ...(q ? { q } : {}), after: String(next) })}`;
    const firstUrl = after === null ? null : `/admin/users${q ? `?${new URLSearchParams({ q })}` : ''}`;
    return render(request, reply, 'admin/users', { title: request.t('admin.users.title'), q, users, nextUrl, firstUrl });
  });

  app.post<{ Params: { id: string } }>('/users/:id/role', async (request, reply) => {
    const account = await targetAccount(request, 'admin.users.errors.self_role');
    const role = text(request.body, 'role');
    if (!isRole(role)) throw new HttpError(400, 'admin.users.errors.invalid_role');
    setUserRole(app.db, account.id, role);
    setFlash(reply, 'admin.users.flash.role_changed');
    return reply.redirect(backToList(request), 303);
  });

  app.post<{ Params: { id: string } }>('/users/:id/suspend', async (request, reply) => {
    const account = await targetAccount(request, 'admin.users.errors.self_suspend');
    // Logged as moderation's own suspensions are (who, when); this list asks for no reason.
    setSuspended(app.db, { adminId: request.user!.id, userId: account.id, suspend: true });
    setFlash(reply, 'admin.users.flash.suspended');
    return reply.redirect(backToList(request), 303);
  });

  app.post<{ Params: { id: string } }>('/users/:id/unsuspend', async (request, reply) => {
    const account = await targetAccount(request, 'admin.users.errors.self_suspend');
    setSuspended(app.db, { adminId: request.user!.id, userId: account.id, suspend: false });
    setFlash(reply, 'admin.users.flash.unsuspended');
    return reply.redirect(backToList(request), 303);
  });
}
