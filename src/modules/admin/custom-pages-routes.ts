// The administrator's own pages: create, edit, delete (after a confirmation). They are served at
// /pages/<slug> by the site module, beside the legal pages, whose slugs they may not take.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { render } from '../../platform/render.ts';
import { notFound } from '../../platform/http.ts';
import { setFlash } from '../../platform/flash.ts';
import { text, raw, checked, hasErrors, parseId, type FormErrors } from '../../platform/forms.ts';
import { checkPage, type PageValues } from './pages-rules.ts';
import { countPageEntries, createSitePage, deleteSitePage, findSitePageById, updateSitePage } from './pages-queries.ts';

function readPage(body: unknown): PageValues {
  return { title: text(body, 'title'), slug: text(body, 'slug'), body_md: raw(body, 'body_md').replace(/\r\n/g, '\n').trimEnd(), published: checked(body, 'published') };
}

/** The form for a new page (null) or for a saved one, with the values and errors to show. */
function form(request: FastifyRequest, reply: FastifyReply, page: { id: number; title: string; slug: string } | null, values: PageValues, errors: FormErrors = {}, status = 200) {
  const title = page ? request.t('admin.pages.own.edit_title', { page: page.title }) : request.t('admin.pages.own.new_title');
  return render(request, reply, 'admin/page-form', { title, page, values, errors }, { status });
}

const slugTaken: FormErrors = { slug: { key: 'admin.pages.errors.slug_taken' } };

async function pageOf(request: FastifyRequest<{ Params: { id: string } }>) {
  const id = parseId(request.params.id);
  const page = id ? await findSitePageById(request.server.db, id) : undefined;
  if (!page) throw notFound();
  return page;
}

export function customPagesRoutes(app: FastifyInstance): void {
  app.get('/pages/new', async (request, reply) => form(request, reply, null, { title: '', slug: '', body_md: '', published: false }));

  app.post('/pages/new', async (request, reply) => {
    const { values, errors } = checkPage(readPage(request.body));
    if (hasErrors(errors)) return form(request, reply, null, values, errors, 422);
    const id = createSitePage(app.db, values);
    if (id === 'slug_taken') return form(request, reply, null, values, slugTaken, 422);
    setFlash(reply, values.published ? 'admin.pages.flash.published' : 'admin.pages.flash.drafted');
    return reply.redirect('/admin/pages', 303);
  });

  app.get<{ Params: { id: string } }>('/pages/custom/:id', async (request, reply) => {
    const page = await pageOf(request);
    return form(request, reply, page, { title: page.title, slug: page.slug, body_md: page.body_md, published: page.published === 1 });
  });

  app.post<{ Params: { id: string } }>('/pages/custom/:id', async (request, reply) => {
    const page = await pageOf(request);
    const { values, errors } = checkPage(readPage(request.body));
    if (hasErrors(errors)) return form(request, reply, page, values, errors, 422);
    const result = updateSitePage(app.db, page.id, values);
    if (result === 'missing') throw notFound();
    if (result === 'slug_taken') return form(request, reply, page, values, slugTaken, 422);
    setFlash(reply, values.published ? 'admin.pages.flash.published' : 'admin.pages.flash.drafted');
    return reply.redirect('/admin/pages', 303);
  });

  app.get<{ Params: { id: string } }>('/pages/custom/:id/delete', async (request, reply) => {
    const page = await pageOf(request);
    const entries = countPageEntries(app.db, page.id);
    return render(request, reply, 'admin/page-delete', { title: request.t('admin.pages.own.delete_title', { page: page.title }), page, entries });
  });

  app.post<{ Params: { id: string } }>('/pages/custom/:id/delete', async (request, reply) => {
    const page = await pageOf(request);
    if (!deleteSitePage(app.db, page.id)) throw notFound();
    setFlash(reply, 'admin.pages.flash.deleted');
    return reply.redirect('/admin/pages', 303);
  });
}
