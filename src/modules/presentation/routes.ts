// GET /presentation/:stepId — the step's title, dates, state and Markdown body under its
// project's breadcrumb. Every step module checks the same two things before showing anything:
// the step exists with this module's type, and the visitor may see its project (else 404, so a
// hidden project is not revealed).
import type { FastifyPluginAsync } from 'fastify';
import { render } from '../../platform/render.ts';
import { notFound } from '../../platform/http.ts';
import { canSeeProject, stepState } from '../../platform/participation.ts';
import { findPresentationStep } from './queries.ts';

export const routes: FastifyPluginAsync = async (app) => {
  app.get<{ Params: { stepId: string } }>('/:stepId', { config: { pageCache: true } }, async (request, reply) => {
    const id = /^\d{1,12}$/.test(request.params.stepId) ? Number(request.params.stepId) : 0;
    const step = id ? findPresentationStep(app.db, id) : undefined;
    if (!step || !canSeeProject(app.db, request.user, { id: step.project_id, visibility: step.project_visibility })) throw notFound();
    return render(request, reply, 'presentation/show', {
      title: step.title,
      step,
      project: { slug: step.project_slug, title: step.project_title },
      state: stepState(step),
    });
  });
};
