// GET /presentation/:stepId — the step's title, dates, state and Markdown body under its
// project's breadcrumb. Like every step module, it starts from loadVisibleStep: the step exists
// with this module's type and the visitor may see its project (else 404, so a hidden project
// is not revealed).
import type { FastifyPluginAsync } from 'fastify';
import { render } from '../../platform/render.ts';
import { loadVisibleStep } from '../../platform/gate.ts';

export const routes: FastifyPluginAsync = async (app) => {
  app.get<{ Params: { stepId: string } }>('/:stepId', { config: { pageCache: true } }, async (request, reply) => {
    const { step, project, state } = loadVisibleStep(request, request.params.stepId, 'presentation');
    return render(request, reply, 'presentation/show', { title: step.title, step, project, state });
  });
};
