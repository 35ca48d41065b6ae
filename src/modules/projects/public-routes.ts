// Public pages: the home page (projects list with filters, updated in place by htmx), a
// project's page with its step timeline, and the requirements form any step page links to.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { render } from '../../platform/render.ts';
import { notFound, requireUser, safeNext } from '../../platform/http.ts';
import { setFlash } from '../../platform/flash.ts';
import { text, checked, hasErrors, type FormErrors, parseId } from '../../platform/forms.ts';
import { loadVisibleStep, type StepContext } from '../../platform/gate.ts';
import { followWidget } from '../../platform/notifications.ts';
import { canSeeProject, missingRequirements, stepState, type StepState } from '../../platform/participation.ts';
import { projectState, POSTAL_CODE } from './rules.ts';
import { listDistricts } from './lists-queries.ts';
import * as q from './public-queries.ts';

function readFilters(query: Record<string, unknown>): q.HomeFilters {
  const state = typeof query.state === 'string' && (q.STATES as readonly string[]).includes(query.state) ? (query.state as StepState) : null;
  const page = typeof query.page === 'string' && /^\d{1,4}$/.test(query.page) && Number(query.page) > 0 ? Number(query.page) : 1;
  return { theme: parseId(query.theme), district: parseId(query.district), state, page };
}

/** The home URL for these filters (links keep the others when one changes). */
export function homeUrl(f: Partial<q.HomeFilters>): string {
  const params = new URLSearchParams();
  if (f.theme) params.set('theme', String(f.theme));
  if (f.district) params.set('district', String(f.district));
  if (f.state) params.set('state', f.state);
  if (f.page && f.page > 1) params.set('page', String(f.page));
  const s = params.toString();
  return s ? `/?${s}` : '/';
}

export function publicRoutes(app: FastifyInstance): void {
  app.get('/', { config: { pageCache: { query: ['theme', 'district', 'state', 'page'] } } }, async (request, reply) => {
    const filters = readFilters(request.query as Record<string, unknown>);
    const { projects, more } = q.listHomeProjects(app.db, request.user, filters);
    // An htmx filter change needs only the list: skip the choices query.
    const choices = request.wantsFragment ? { themes: [], districts: [] } : q.listFilterChoices(app.db);
    return render(request, reply, 'projects/home', { title: request.t('projects.home.title'), projects, more, filters, choices, homeUrl }, { fragment: 'projects/_list' });
  });

  app.get<{ Params: { slug: string } }>('/projects/:slug', { config: { pageCache: true } }, async (request, reply) => {
    const project = q.findProjectBySlug(app.db, request.params.slug);
    // Hidden and missing look the same: a 404 does not reveal that the project exists.
    if (!project || !canSeeProject(app.db, request.user, project)) throw notFound();
    const now = new Date();
    const steps = q.listProjectSteps(app.db, project.id).map((s) => ({ ...s, state: stepState(s, now) }));
    const current = steps.find((s) => s.state === 'open')?.id ?? null;
    const labels = q.listProjectLabels(app.db, project.id);
    // What other modules show on a project's page (news, events...), through their manifests.
    const panels = app.manifests.flatMap((m) => m.projectPanels ?? []).flatMap((panel) => {
      const data = panel.load(app.db, project, request.user, now);
      return data ? [{ template: panel.template, data }] : [];
    });
    return render(request, reply, 'projects/show', { title: project.title, project, steps, current, labels, panels, follow: followWidget(app.db, request.user, { kind: 'project', id: project.id }), state: projectState(steps.map((s) => s.state)) });
  });

  const requirementsPage = (request: FastifyRequest, reply: FastifyReply, { step, project, state }: StepContext, next: string, extra: { errors?: FormErrors; values?: Record<string, string> } = {}, status = 200) =>
    render(
      request,
      reply,
      'projects/requirements',
      {
        title: request.t('projects.requirements.title'),
        step,
        project,
        state,
        missing: missingRequirements(app.db, request.user, step),
        districts: listDistricts(app.db),
        next,
        errors: extra.errors ?? {},
        values: extra.values ?? {},
      },
      { status },
    );

  app.get<{ Params: { stepId: string }; Querystring: { next?: string } }>('/steps/:stepId/requirements', async (request, reply) => {
    const ctx = loadVisibleStep(request, request.params.stepId);
    return requirementsPage(request, reply, ctx, safeNext(request.query.next ?? `/${ctx.step.type}/${ctx.step.id}`));
  });

  // Saves what the step asks for and is still missing: postal code and district on the
  // person's account, the ticked statement per step.
  app.post<{ Params: { stepId: string } }>('/steps/:stepId/requirements', async (request, reply) => {
    const user = requireUser(request, reply);
    if (!user) return reply;
    const ctx = loadVisibleStep(request, request.params.stepId);
    const step = ctx.step;
    const body = request.body;
    const next = safeNext(text(body, 'next') || `/${step.type}/${step.id}`);
    const missing = missingRequirements(app.db, user, step);
    const values = { postal_code: text(body, 'postal_code').replace(/\s+/g, ''), district_id: text(body, 'district_id') };
    const errors: FormErrors = {};
    let districtId: number | null = null;
    if (missing.includes('postal_code') && !POSTAL_CODE.test(values.postal_code)) {
      errors.postal_code = { key: values.postal_code ? 'projects.requirements.errors.postal_code' : 'forms.required' };
    }
    if (missing.includes('district')) {
      districtId = parseId(values.district_id);
      if (!districtId || !listDistricts(app.db).some((d) => d.id === districtId)) errors.district_id = { key: values.district_id ? 'forms.invalid_choice' : 'forms.required' };
    }
    if (missing.includes('checkbox') && !checked(body, 'accept')) errors.accept = { key: 'projects.requirements.errors.accept' };
    if (hasErrors(errors)) return requirementsPage(request, reply, ctx, next, { errors, values }, 422);
    q.saveRequirements(app.db, user.id, step.id, {
      postalCode: missing.includes('postal_code') ? values.postal_code : null,
      districtId,
      accept: missing.includes('checkbox'),
    });
    setFlash(reply, 'projects.requirements.flash.saved');
    return reply.redirect(next, 303);
  });
}
