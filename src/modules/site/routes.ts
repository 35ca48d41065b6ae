// Legal pages and the administrator's own pages, language switch, and the stylesheet carrying
// the chosen colour. (The home page, which lists projects, belongs to the projects module.)
import type { FastifyPluginAsync } from 'fastify';
import { render } from '../../platform/render.ts';
import { getSite, provideMenus, LEGAL_PAGES } from '../../platform/site.ts';
import { notFound, safeNext } from '../../platform/http.ts';
import { isLocale } from '../../platform/i18n.ts';
import { findLegalPage, findSitePage, loadMenus } from './queries.ts';
import { themeCss } from '../../platform/colour.ts';
import { SESSION_IDLE_MS, SESSION_LIFETIME_MS } from '../../platform/sessions.ts';

const DAY = 24 * 3600_000;

export const routes: FastifyPluginAsync = async (app) => {
  // The header and footer read the menus with the site's settings, kept in memory by getSite.
  provideMenus(loadMenus);

  app.get<{ Params: { slug: string } }>('/pages/:slug', { config: { pageCache: true } }, async (request, reply) => {
    const slug = request.params.slug;
    if (!(LEGAL_PAGES as readonly string[]).includes(slug)) {
      const page = await findSitePage(app.db, slug);
      // A draft is the administrators' preview; to anyone else it does not exist.
      const admin = request.user?.role === 'admin';
      if (!page || (!page.published && !admin)) throw notFound();
      return render(request, reply, 'site/page', { title: page.title, page, admin });
    }
    const page = await findLegalPage(app.db, slug);
    if (!page) throw notFound();
    // The personal data page also says what the software itself keeps, whatever the town wrote.
    const retention = slug === 'donnees-personnelles' ? { mailDays: app.config.mailRetentionDays, sessionDays: SESSION_LIFETIME_MS / DAY, idleDays: SESSION_IDLE_MS / DAY } : null;
    return render(request, reply, 'site/legal', { title: request.t(`legal.${slug}`), page, retention });
  });

  // A plain link (works without JavaScript); it only sets a preference cookie.
  app.get<{ Params: { locale: string }; Querystring: { next?: string } }>('/lang/:locale', async (request, reply) => {
    if (!isLocale(request.params.locale)) throw notFound();
    reply.setCookie('lang', request.params.locale, { path: '/', sameSite: 'lax', maxAge: 365 * 24 * 3600, secure: app.config.secure });
    return reply.redirect(safeNext(request.query.next), 303);
  });

  app.get('/theme.css', async (_request, reply) => {
    const site = getSite(app.db);
    return reply.type('text/css; charset=utf-8').header('cache-control', 'public, max-age=31536000, immutable').send(themeCss(site.primary_color));
  });
};
