// /admin/menus: the header and footer menus. Entries lead to a page of the site (legal or not),
// a local path or an external http(s) address; they are added, changed, moved up or down with
// plain forms (no JavaScript needed) and removed.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { render } from '../../platform/render.ts';
import { HttpError, notFound } from '../../platform/http.ts';
import { setFlash } from '../../platform/flash.ts';
import { LEGAL_PAGES } from '../../platform/site.ts';
import type { Translate } from '../../platform/i18n.ts';
import { text, hasErrors, parseId, type FormErrors } from '../../platform/forms.ts';
import { checkEntry, isLinkKind, isMenu, MENUS, pageChoice, type EntryValues, type Menu } from './pages-rules.ts';
import { addMenuEntry, deleteMenuEntry, findMenuEntry, listMenuEntries, moveMenuEntry, updateMenuEntry, type MenuEntryRow } from './menus-queries.ts';
import { listSitePages } from './pages-queries.ts';

/** What the menus screen shows of an entry: its name, where it leads, whether visitors see it. */
function describe(t: Translate, e: MenuEntryRow) {
  const legalName = e.kind === 'legal' ? t(`legal.${e.target}`) : '';
  const pageName = e.kind === 'page' ? (e.page_title ?? '') : legalName;
  return {
    id: e.id,
    name: e.label || pageName,
    destination: e.kind === 'page' || e.kind === 'legal' ? t('admin.menus.to.page', { page: pageName }) : t(`admin.menus.to.${e.kind}`, { address: e.target }),
    hidden: e.kind === 'page' && e.page_published !== 1,
  };
}

/** The form's fields; a menu or kind no form offers is a bad request, not a typing mistake. */
function readEntry(body: unknown): EntryValues {
  const menu = text(body, 'menu');
  const kind = text(body, 'kind');
  if (!isMenu(menu) || !isLinkKind(kind)) throw new HttpError(400, 'errors.400.text');
  return { menu, kind, page: text(body, 'page'), path: text(body, 'path'), url: text(body, 'url'), label: text(body, 'label') };
}

/** The entry form (new when `id` is null) with the pages it may lead to. */
async function form(request: FastifyRequest, reply: FastifyReply, id: number | null, values: EntryValues, errors: FormErrors = {}, status = 200) {
  const t = request.t;
  const own = await listSitePages(request.server.db);
  const choices = {
    legal: LEGAL_PAGES.map((slug) => ({ value: `legal:${slug}`, label: t(`legal.${slug}`) })),
    own: own.map((p) => ({ value: `page:${p.id}`, label: p.published ? p.title : t('admin.menus.draft_page', { page: p.title }) })),
  };
  const title = t(id ? 'admin.menus.edit_title' : `admin.menus.new_title.${values.menu}`);
  return render(request, reply, 'admin/menu-entry', { title, id, values, errors, choices, menus: MENUS }, { status });
}

const blank = (menu: Menu): EntryValues => ({ menu, kind: 'page', page: '', path: '', url: '', label: '' });
const pageMissing: FormErrors = { page: { key: 'admin.menus.errors.page_missing' } };

export function menusRoutes(app: FastifyInstance): void {
  app.get('/menus', async (request, reply) => {
    const rows = await listMenuEntries(app.db);
    const menus = MENUS.map((name) => ({ name, entries: rows.filter((r) => r.menu === name).map((r) => describe(request.t, r)) }));
    return render(request, reply, 'admin/menus', { title: request.t('admin.menus.title'), menus });
  });

  app.get<{ Querystring: { menu?: string } }>('/menus/new', async (request, reply) => form(request, reply, null, blank(isMenu(request.query.menu) ? request.query.menu : 'header')));

  app.post('/menus/new', async (request, reply) => {
    const values = readEntry(request.body);
    const { target, errors } = checkEntry(values);
    if (!target || hasErrors(errors)) return form(request, reply, null, values, errors, 422);
    const id = addMenuEntry(app.db, values.menu, target, values.label);
    if (id === 'page_missing') return form(request, reply, null, values, pageMissing, 422);
    setFlash(reply, 'admin.menus.flash.added');
    return reply.redirect(`/admin/menus#menu-entry-${id}`, 303);
  });

  app.get<{ Params: { id: string } }>('/menus/:id', async (request, reply) => {
    const id = parseId(request.params.id);
    const entry = id ? await findMenuEntry(app.db, id) : undefined;
    if (!entry) throw notFound();
    const values = blank(entry.menu);
    values.label = entry.label;
    if (entry.kind === 'page' && entry.page_id) values.page = pageChoice({ kind: 'page', pageId: entry.page_id });
    else if (entry.kind === 'legal') values.page = pageChoice({ kind: 'legal', slug: entry.target });
    else values[entry.kind === 'path' ? 'path' : 'url'] = entry.target;
    if (entry.kind === 'path' || entry.kind === 'url') values.kind = entry.kind;
    return form(request, reply, entry.id, values);
  });

  app.post<{ Params: { id: string } }>('/menus/:id', async (request, reply) => {
    const id = parseId(request.params.id);
    if (!id || !(await findMenuEntry(app.db, id))) throw notFound();
    const values = readEntry(request.body);
    const { target, errors } = checkEntry(values);
    if (!target || hasErrors(errors)) return form(request, reply, id, values, errors, 422);
    const result = updateMenuEntry(app.db, id, values.menu, target, values.label);
    if (result === 'missing') throw notFound();
    if (result === 'page_missing') return form(request, reply, id, values, pageMissing, 422);
    setFlash(reply, 'admin.menus.flash.saved');
    return reply.redirect(`/admin/menus#menu-entry-${id}`, 303);
  });

  app.post<{ Params: { id: string } }>('/menus/:id/move', async (request, reply) => {
    const id = parseId(request.params.id);
    const direction = text(request.body, 'direction');
    if (direction !== 'up' && direction !== 'down') throw new HttpError(400, 'errors.400.text');
    const entry = id ? await findMenuEntry(app.db, id) : undefined;
    if (!entry) throw notFound();
    // At the top or bottom already: nothing to do, the list is shown again as it is.
    if (moveMenuEntry(app.db, entry.id, direction)) setFlash(reply, 'admin.menus.flash.moved');
    return reply.redirect(`/admin/menus#menu-entry-${entry.id}`, 303);
  });

  app.post<{ Params: { id: string } }>('/menus/:id/delete', async (request, reply) => {
    const id = parseId(request.params.id);
    const entry = id ? await findMenuEntry(app.db, id) : undefined;
    if (!entry || !deleteMenuEntry(app.db, entry.id)) throw notFound();
    setFlash(reply, 'admin.menus.flash.removed');
    return reply.redirect(`/admin/menus#menu-${entry.menu}`, 303);
  });
}
