// The projects module's routes, mounted at the root: the public pages (home, project pages,
// requirements) and, in an admin-only scope, the admin lists, projects and steps.
import type { FastifyPluginAsync } from 'fastify';
import { onlyRole } from '../../platform/http.ts';
import { listRoutes } from './lists-routes.ts';
import { projectAdminRoutes } from './project-admin-routes.ts';
import { stepAdminRoutes } from './step-admin-routes.ts';
import { publicRoutes } from './public-routes.ts';

export const routes: FastifyPluginAsync = async (app) => {
  publicRoutes(app);
  // Encapsulated: the role check applies to these routes only (anonymous → login, others 403).
  await app.register(async (admin) => {
    admin.addHook('preHandler', onlyRole('admin'));
    listRoutes(admin);
    projectAdminRoutes(admin);
    stepAdminRoutes(admin);
  });
};
