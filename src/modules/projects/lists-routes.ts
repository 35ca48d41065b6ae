// Admin lists: themes and districts (one set of handlers, districts add a GeoJSON outline) and
// user groups with members added by email. Mounted inside the admin-only plugin (routes.ts).
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { render } from '../../platform/render.ts';
import { notFound } from '../../platform/http.ts';
import { setFlash } from '../../platform/flash.ts';
import { text, raw, checkText, checkEmail, normalizeEmail, hasErrors, type FormErrors, parseId } from '../../platform/forms.ts';
import { isUniqueViolation } from '../../platform/users.ts';
import { NAME_MAX, geoJsonProblem } from './rules.ts';
import * as q from './lists-queries.ts';

type Values = { name: string; geojson: string };

function readEntry(kind: q.ListKind, body: unknown): { values: Values; errors: FormErrors } {
  const values = { name: text(body, 'name'), geojson: kind === 'districts' ? raw(body, 'geojson').trim() : '' };
  const errors: FormErrors = {};
  checkText(errors, 'name', values.name, { required: true, max: NAME_MAX });
  if (values.geojson) {
    const problem = geoJsonProblem(values.geojson);
    if (problem) errors.geojson = { key: problem };
  }
  return { values, errors };
}

function listPage(request: FastifyRequest, reply: FastifyReply, kind: q.ListKind, values: Partial<Values> = {}, errors: FormErrors = {}, status = 200) {
  const entries = q.listEntries(request.server.db, kind);
  return render(request, reply, 'projects/admin/list-index', { title: request.t(`projects.${kind}.title`), kind, entries, values, errors }, { status });
}

function editPage(request: FastifyRequest, reply: FastifyReply, kind: q.ListKind, id: number, values: Values, errors: FormErrors = {}, status = 200) {
  return render(request, reply, 'projects/admin/list-edit', { title: request.t(`projects.${kind}.edit_title`), kind, id, values, errors }, { status });
}

export function listRoutes(app: FastifyInstance): void {
  for (const kind of ['themes', 'districts'] as const) {
    app.get(`/admin/${kind}`, async (request, reply) => listPage(request, reply, kind));

    app.post(`/admin/${kind}`, async (request, reply) => {
      const { values, errors } = readEntry(kind, request.body);
      if (hasErrors(errors)) return listPage(request, reply, kind, values, errors, 422);
      try {
        q.insertEntry(app.db, kind, { name: values.name, geojson: values.geojson || null });
      } catch (err) {
        if (!isUniqueViolation(err)) throw err;
        return listPage(request, reply, kind, values, { name: { key: 'projects.lists.errors.name_taken' } }, 422);
      }
      setFlash(reply, `projects.${kind}.flash.created`);
      return reply.redirect(`/admin/${kind}`, 303);
    });

    app.get<{ Params: { id: string } }>(`/admin/${kind}/:id/edit`, async (request, reply) => {
      const id = parseId(request.params.id);
      const entry = id && q.findEntry(app.db, kind, id);
      if (!id || !entry) throw notFound();
      return editPage(request, reply, kind, id, { name: entry.name, geojson: entry.geojson ?? '' });
    });

    app.post<{ Params: { id: string } }>(`/admin/${kind}/:id`, async (request, reply) => {
      const id = parseId(request.params.id);
      if (!id || !q.findEntry(app.db, kind, id)) throw notFound();
      const { values, errors } = readEntry(kind, request.body);
      if (hasErrors(errors)) return editPage(request, reply, kind, id, values, errors, 422);
      try {
        q.updateEntry(app.db, kind, id, { name: values.name, geojson: values.geojson || null });
      } catch (err) {
        if (!isUniqueViolation(err)) throw err;
        return editPage(request, reply, kind, id, values, { name: { key: 'projects.lists.errors.name_taken' } }, 422);
      }
      setFlash(reply, `projects.${kind}.flash.saved`);
      return reply.redirect(`/admin/${kind}`, 303);
    });

    app.post<{ Params: { id: string } }>(`/admin/${kind}/:id/delete`, async (request, reply) => {
      const id = parseId(request.params.id);
      if (!id || !q.deleteEntry(app.db, kind, id)) throw notFound();
      setFlash(reply, `projects.${kind}.flash.deleted`);
      return reply.redirect(`/admin/${kind}`, 303);
    });
  }

  const groupsPage = (request: FastifyRequest, reply: FastifyReply, values: { name?: string } = {}, errors: FormErrors = {}, status = 200) =>
    render(request, reply, 'projects/admin/groups', { title: request.t('projects.groups.title'), groups: q.listGroups(app.db), values, errors }, { status });

  const groupPage = (request: FastifyRequest, reply: FastifyReply, group: { id: number; name: string }, extra: { values?: Record<string, string>; errors?: FormErrors; memberErrors?: FormErrors; memberValues?: Record<string, string> } = {}, status = 200) =>
    render(
      request,
      reply,
      'projects/admin/group',
      { title: group.name, group, members: q.listGroupMembers(app.db, group.id), values: extra.values ?? { name: group.name }, errors: extra.errors ?? {}, memberValues: extra.memberValues ?? {}, memberErrors: extra.memberErrors ?? {} },
      { status },
    );

  /** The group named in the URL, or a 404. */
  const groupFrom = (request: FastifyRequest) => {
    const id = parseId((request.params as { id?: string }).id);
    const group = id ? q.findGroup(app.db, id) : undefined;
    if (!group) throw notFound();
    return group;
  };

  app.get('/admin/groups', async (request, reply) => groupsPage(request, reply));

  app.post('/admin/groups', async (request, reply) => {
    const name = text(request.body, 'name');
    const errors: FormErrors = {};
    checkText(errors, 'name', name, { required: true, max: NAME_MAX });
    if (hasErrors(errors)) return groupsPage(request, reply, { name }, errors, 422);
    let id: number;
    try {
      id = q.insertGroup(app.db, name);
    } catch (err) {
      if (!isUniqueViolation(err)) throw err;
      return groupsPage(request, reply, { name }, { name: { key: 'projects.lists.errors.name_taken' } }, 422);
    }
    setFlash(reply, 'projects.groups.flash.created');
    return reply.redirect(`/admin/groups/${id}`, 303);
  });

  app.get('/admin/groups/:id', async (request, reply) => groupPage(request, reply, groupFrom(request)));

  app.post('/admin/groups/:id', async (request, reply) => {
    const group = groupFrom(request);
    const name = text(request.body, 'name');
    const errors: FormErrors = {};
    checkText(errors, 'name', name, { required: true, max: NAME_MAX });
    if (hasErrors(errors)) return groupPage(request, reply, group, { values: { name }, errors }, 422);
    try {
      q.renameGroup(app.db, group.id, name);
    } catch (err) {
      if (!isUniqueViolation(err)) throw err;
      return groupPage(request, reply, group, { values: { name }, errors: { name: { key: 'projects.lists.errors.name_taken' } } }, 422);
    }
    setFlash(reply, 'projects.groups.flash.saved');
    return reply.redirect(`/admin/groups/${group.id}`, 303);
  });

  app.post('/admin/groups/:id/delete', async (request, reply) => {
    const group = groupFrom(request);
    q.deleteGroup(app.db, group.id);
    setFlash(reply, 'projects.groups.flash.deleted');
    return reply.redirect('/admin/groups', 303);
  });

  app.post('/admin/groups/:id/members', async (request, reply) => {
    const group = groupFrom(request);
    const email = normalizeEmail(text(request.body, 'email'));
    const errors: FormErrors = {};
    checkEmail(errors, 'email', email);
    const again = (e: FormErrors) => groupPage(request, reply, group, { memberValues: { email }, memberErrors: e }, 422);
    if (hasErrors(errors)) return again(errors);
    const result = q.addGroupMember(app.db, group.id, email);
    if (result === 'no_user') return again({ email: { key: 'projects.groups.errors.no_user' } });
    const flash = { added: 'projects.groups.flash.member_added', added_unconfirmed: 'projects.groups.flash.member_added_unconfirmed', already: 'projects.groups.flash.member_already' } as const;
    setFlash(reply, flash[result]);
    return reply.redirect(`/admin/groups/${group.id}`, 303);
  });

  app.post<{ Params: { id: string; userId: string } }>('/admin/groups/:id/members/:userId/delete', async (request, reply) => {
    const group = groupFrom(request);
    const userId = parseId(request.params.userId);
    if (!userId || !q.removeGroupMember(app.db, group.id, userId)) throw notFound();
    setFlash(reply, 'projects.groups.flash.member_removed');
    return reply.redirect(`/admin/groups/${group.id}`, 303);
  });
}
