// The consultation's plugin: one sub-plugin per resource. Refusals for missing requirements are
// rendered here with what is missing; every other error goes on to the site's error pages.
import type { FastifyPluginAsync } from 'fastify';
import { render } from '../../platform/render.ts';
import { MissingRequirementsError } from './guards.ts';
import { sectionRoutes } from './section-routes.ts';
import { itemRoutes } from './item-routes.ts';
import { voteRoutes } from './vote-routes.ts';
import { adminRoutes } from './admin-routes.ts';
import { amendmentRoutes } from './amendment-routes.ts';
import { argumentRoutes } from './argument-routes.ts';
import { sourceRoutes } from './source-routes.ts';
import { exportRoutes } from './export-routes.ts';

export const routes: FastifyPluginAsync = async (app) => {
  // Set before the sub-plugins are registered so they inherit it; throwing hands the error
  // to the parent handler (the site's error pages).
  app.setErrorHandler(async (error, request, reply) => {
    if (!(error instanceof MissingRequirementsError)) throw error;
    return render(request, reply, 'consultation/refused', { title: request.t('errors.403.title'), missing: error.missing, step: error.step }, { status: 403 });
  });
  await app.register(sectionRoutes);
  await app.register(itemRoutes);
  await app.register(voteRoutes);
  await app.register(amendmentRoutes);
  await app.register(argumentRoutes);
  await app.register(sourceRoutes);
  await app.register(exportRoutes);
  await app.register(adminRoutes, { prefix: '/:stepId/admin' });
};
