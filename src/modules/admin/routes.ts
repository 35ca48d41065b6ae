// The back office plugin: every route below is for administrators only (one preHandler for the
// whole plugin), then the dashboard and one file of routes per resource.
import type { FastifyPluginAsync } from 'fastify';
import { onlyRole } from '../../platform/http.ts';
import { render } from '../../platform/render.ts';
import { settingsRoutes } from './settings-routes.ts';
import { pagesRoutes } from './pages-routes.ts';
import { usersRoutes } from './users-routes.ts';

export const routes: FastifyPluginAsync = async (app) => {
  app.addHook('preHandler', onlyRole('admin'));

  app.get('/', async (request, reply) => render(request, reply, 'admin/index', { title: request.t('admin.dashboard.title'), links: app.manifests.flatMap((m) => m.adminLinks ?? []) }));

  settingsRoutes(app);
  pagesRoutes(app);
  usersRoutes(app);
};
