// /admin/pages: the four legal pages (LEGAL_PAGES, fixed slugs, never deleted) and the
// administrator's own pages side by side; then the routes of those pages and of the menus.
import type { FastifyInstance } from 'fastify';
import { render } from '../../platform/render.ts';
import { notFound } from '../../platform/http.ts';
import { LEGAL_PAGES } from '../../platform/site.ts';
import { setFlash } from '../../platform/flash.ts';
import { raw, checkText, hasErrors, type FormErrors } from '../../platform/forms.ts';
import { LEGAL_BODY_MAX } from './rules.ts';
import { isLegalSlug } from './pages-rules.ts';
import { listLegalPages, findLegalPage, saveLegalPage } from './site-queries.ts';
import { listSitePages } from './pages-queries.ts';
import { customPagesRoutes } from './custom-pages-routes.ts';
import { menusRoutes } from './menus-routes.ts';

export function pagesRoutes(app: FastifyInstance): void {
  app.get('/pages', async (request, reply) => {
    const rows = await listLegalPages(app.db);
    // In the order of LEGAL_PAGES, as in the default footer.
    const pages = LEGAL_PAGES.map((slug) => rows.find((r) => r.slug === slug)).filter((p) => p !== undefined);
    return render(request, reply, 'admin/pages', { title: request.t('admin.pages.title'), pages, own: await listSitePages(app.db) });
  });

  customPagesRoutes(app);
  menusRoutes(app);

  app.get<{ Params: { slug: string } }>('/pages/:slug', async (request, reply) => {
    const slug = request.params.slug;
    const page = isLegalSlug(slug) ? await findLegalPage(app.db, slug) : undefined;
    if (!page) throw notFound();
    return render(request, reply, 'admin/page-edit', { title: request.t('admin.pages.edit_title', { page: request.t(`legal.${slug}`) }), slug, values: { body_md: page.body_md }, errors: {} });
  });

  app.post<{ Params: { slug: string } }>('/pages/:slug', async (request, reply) => {
    const slug = request.params.slug;
    if (!isLegalSlug(slug)) throw notFound();
    const values = { body_md: raw(request.body, 'body_md').trimEnd() };
    const errors: FormErrors = {};
    checkText(errors, 'body_md', values.body_md, { max: LEGAL_BODY_MAX });
    if (hasErrors(errors)) {
      return render(request, reply, 'admin/page-edit', { title: request.t('admin.pages.edit_title', { page: request.t(`legal.${slug}`) }), slug, values, errors }, { status: 422 });
    }
    if (!saveLegalPage(app.db, slug, values.body_md)) throw notFound();
    setFlash(reply, 'admin.pages.flash.saved');
    return reply.redirect('/admin/pages', 303);
  });
}
