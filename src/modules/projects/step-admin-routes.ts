// Steps admin, inside a project: add a step of a type some module provides, edit it (dates in
// the instance's time zone, requirements, the module's declared settings), delete it, and
// move it up or down. Mounted inside the admin-only scope.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { render } from '../../platform/render.ts';
import { notFound, HttpError } from '../../platform/http.ts';
import { setFlash } from '../../platform/flash.ts';
import { text, raw, checked, checkText, hasErrors, type FormErrors, parseId } from '../../platform/forms.ts';
import type { Manifest, SettingDecl } from '../../platform/module.ts';
import { REQUIREMENTS, requirementActions, stepState } from '../../platform/participation.ts';
import { STEP_TITLE_MAX, BODY_MAX, CHECKBOX_LABEL_MAX, localToUtc, utcToLocal } from './rules.ts';
import { parseSettings, settingsWithDefaults, type SettingValue } from '../../platform/step-settings.ts';
import { findProjectById } from './project-queries.ts';
import * as q from './step-queries.ts';

type Values = Record<string, string | boolean | string[]>;

/** Values of a repeated form field (checkboxes), kept if they are among `allowed`. */
function chosen(body: unknown, name: string, allowed: readonly string[]): string[] {
  const value = (body as Record<string, unknown> | undefined)?.[name];
  return (Array.isArray(value) ? value : [value]).filter((v): v is string => typeof v === 'string' && allowed.includes(v));
}

/**
 * Which actions each requirement applies to, from the `actions_<requirement>` checkboxes. None or
 * all ticked: it applies to every action, which is stored as no entry.
 */
function readRequirementActions(body: unknown, actions: readonly string[]): Record<string, string[]> {
  const limited: Record<string, string[]> = {};
  for (const r of REQUIREMENTS) {
    const list = chosen(body, `actions_${r}`, actions);
    if (list.length > 0 && list.length < actions.length) limited[r] = list;
  }
  return limited;
}

/** A setting as the form shows it. */
const settingValue = (v: SettingValue) => (typeof v === 'boolean' ? v : String(v));

/**
 * The stored settings of a step that has opened, which settings declared fixedOnceOpen keep
 * (undefined for a new or upcoming step: everything may change).
 */
function fixedSettings(type: StepModule, step: { starts_at: string | null; ends_at: string | null; settings: string }) {
  return stepState(step) === 'upcoming' ? undefined : settingsWithDefaults(type.step.settings, step.settings);
}

/** Reads and checks the step form; dates arrive as local wall-clock times. */
function readStep(body: unknown, type: StepModule, timeZone: string, fixed?: Record<string, SettingValue>): { values: Values; fields: q.StepFields; errors: FormErrors } {
  const decls = type.step.settings ?? {};
  const actions = Object.keys(type.step.actions ?? {});
  const limitedTo = readRequirementActions(body, actions);
  const errors: FormErrors = {};
  const values: Values = {
    title: text(body, 'title'),
    body_md: raw(body, 'body_md').replace(/\r\n/g, '\n'),
    starts_at: text(body, 'starts_at'),
    ends_at: text(body, 'ends_at'),
    require_postal_code: checked(body, 'require_postal_code'),
    require_district: checked(body, 'require_district'),
    require_checkbox_label: text(body, 'require_checkbox_label'),
    premoderation: checked(body, 'premoderation'),
  };
  for (const [name, decl] of Object.entries(decls)) values[`setting_${name}`] = fixed && decl.fixedOnceOpen ? settingValue(fixed[name]!) : text(body, `setting_${name}`);
  for (const r of REQUIREMENTS) values[`actions_${r}`] = limitedTo[r] ?? actions;
  checkText(errors, 'title', values.title as string, { required: true, max: STEP_TITLE_MAX });
  checkText(errors, 'body_md', values.body_md as string, { max: BODY_MAX });
  checkText(errors, 'require_checkbox_label', values.require_checkbox_label as string, { max: CHECKBOX_LABEL_MAX });
  const date = (name: 'starts_at' | 'ends_at') => {
    const local = values[name] as string;
    if (!local) return null;
    const utc = localToUtc(local, timeZone);
    if (!utc) errors[name] = { key: 'projects.steps.errors.date_invalid' };
    return utc;
  };
  const starts = date('starts_at');
  const ends = date('ends_at');
  if (starts && ends && ends <= starts) errors.ends_at = { key: 'projects.steps.errors.ends_before_starts' };
  const settings = parseSettings(decls, body as Record<string, unknown> | undefined, errors, fixed);
  const fields: q.StepFields = {
    title: values.title as string,
    body_md: values.body_md as string,
    starts_at: starts,
    ends_at: ends,
    require_postal_code: values.require_postal_code as boolean,
    require_district: values.require_district as boolean,
    require_checkbox_label: (values.require_checkbox_label as string) || null,
    requirement_actions: JSON.stringify(limitedTo),
    premoderation: values.premoderation as boolean,
    settings: JSON.stringify(settings),
  };
  return { values, fields, errors };
}

/** The settings form, generic over the declarations (labels from the module's catalogue); a
 * setting fixed since the step opened is shown, not editable. */
function settingsForm(request: FastifyRequest, decls: Record<string, SettingDecl>, opened: boolean) {
  return Object.entries(decls).map(([name, d]) => ({
    name: `setting_${name}`,
    type: d.type,
    fixed: opened && !!d.fixedOnceOpen,
    label: request.t(d.labelKey),
    max: d.type === 'string' ? d.max : undefined,
    min: d.type === 'integer' ? d.min : undefined,
    maxValue: d.type === 'integer' ? d.max : undefined,
    options: d.type === 'enum' ? d.options.map((o) => ({ value: o, label: request.server.i18n.has(`${d.labelKey}.${o}`) ? request.t(`${d.labelKey}.${o}`) : o })) : [],
  }));
}

type StepModule = Manifest & { step: NonNullable<Manifest['step']> };

export function stepAdminRoutes(app: FastifyInstance): void {
  const stepTypes = () => app.manifests.filter((m): m is StepModule => !!m.step);
  const tz = app.config.timeZone;

  const projectFrom = (request: FastifyRequest) => {
    const id = parseId((request.params as { id?: string }).id);
    const project = id ? findProjectById(app.db, id) : undefined;
    if (!project) throw notFound();
    return project;
  };
  /** The step named in the URL, only if it belongs to the project named there. */
  const stepFrom = (request: FastifyRequest) => {
    const project = projectFrom(request);
    const stepId = parseId((request.params as { stepId?: string }).stepId);
    const step = stepId ? q.findStepInProject(app.db, project.id, stepId) : undefined;
    if (!step) throw notFound();
    return { project, step };
  };

  const formPage = (request: FastifyRequest, reply: FastifyReply, ctx: { project: { id: number; title: string }; type: Manifest; stepId: number | null; opened?: boolean }, values: Values, errors: FormErrors = {}, status = 200) =>
    render(
      request,
      reply,
      'projects/admin/step-form',
      {
        title: ctx.stepId ? request.t('projects.steps.edit_title') : request.t('projects.steps.new_title', { type: request.t(ctx.type.titleKey) }),
        project: ctx.project,
        type: { slug: ctx.type.slug, titleKey: ctx.type.titleKey },
        stepId: ctx.stepId,
        values,
        errors,
        settings: settingsForm(request, ctx.type.step?.settings ?? {}, !!ctx.opened),
        actions: Object.entries(ctx.type.step?.actions ?? {}).map(([name, a]) => ({ name, label: request.t(a.labelKey) })),
        requirements: REQUIREMENTS,
        timeZone: tz,
      },
      { status },
    );

  const typeOf = (slug: string) => stepTypes().find((m) => m.slug === slug);

  app.get<{ Querystring: { type?: string } }>('/admin/projects/:id/steps/new', async (request, reply) => {
    const project = projectFrom(request);
    const type = typeOf(String(request.query.type ?? ''));
    if (!type) throw new HttpError(400, 'projects.steps.errors.unknown_type');
    const values: Values = { title: '', body_md: '', starts_at: '', ends_at: '', require_checkbox_label: '' };
    for (const r of REQUIREMENTS) values[`actions_${r}`] = Object.keys(type.step.actions ?? {});
    for (const [name, v] of Object.entries(settingsWithDefaults(type.step.settings, '{}'))) values[`setting_${name}`] = settingValue(v);
    return formPage(request, reply, { project, type, stepId: null }, values);
  });

  app.post('/admin/projects/:id/steps', async (request, reply) => {
    const project = projectFrom(request);
    const type = typeOf(text(request.body, 'type'));
    if (!type) throw new HttpError(400, 'projects.steps.errors.unknown_type');
    const { values, fields, errors } = readStep(request.body, type, tz);
    if (hasErrors(errors)) return formPage(request, reply, { project, type, stepId: null }, values, errors, 422);
    q.insertStep(app.db, project.id, type.slug, fields);
    setFlash(reply, 'projects.steps.flash.created');
    return reply.redirect(`/admin/projects/${project.id}/edit#steps`, 303);
  });

  app.get('/admin/projects/:id/steps/:stepId/edit', async (request, reply) => {
    const { project, step } = stepFrom(request);
    const type = typeOf(step.type);
    if (!type) throw notFound(); // its module was disabled: nothing to edit it with
    const values: Values = {
      title: step.title,
      body_md: step.body_md,
      starts_at: utcToLocal(step.starts_at, tz),
      ends_at: utcToLocal(step.ends_at, tz),
      require_postal_code: !!step.require_postal_code,
      require_district: !!step.require_district,
      require_checkbox_label: step.require_checkbox_label ?? '',
      premoderation: !!step.premoderation,
    };
    const limited = requirementActions(step);
    for (const r of REQUIREMENTS) values[`actions_${r}`] = limited[r] ?? Object.keys(type.step.actions ?? {});
    for (const [name, v] of Object.entries(settingsWithDefaults(type.step.settings, step.settings))) values[`setting_${name}`] = settingValue(v);
    return formPage(request, reply, { project, type, stepId: step.id, opened: !!fixedSettings(type, step) }, values);
  });

  app.post('/admin/projects/:id/steps/:stepId', async (request, reply) => {
    const { project, step } = stepFrom(request);
    const type = typeOf(step.type);
    if (!type) throw notFound();
    const fixed = fixedSettings(type, step);
    const { values, fields, errors } = readStep(request.body, type, tz, fixed);
    if (hasErrors(errors)) return formPage(request, reply, { project, type, stepId: step.id, opened: !!fixed }, values, errors, 422);
    q.updateStep(app.db, step.id, fields);
    setFlash(reply, 'projects.steps.flash.saved');
    return reply.redirect(`/admin/projects/${project.id}/edit#steps`, 303);
  });

  app.post('/admin/projects/:id/steps/:stepId/delete', async (request, reply) => {
    const { project, step } = stepFrom(request);
    q.deleteStep(app.db, step.id);
    setFlash(reply, 'projects.steps.flash.deleted');
    return reply.redirect(`/admin/projects/${project.id}/edit#steps`, 303);
  });

  app.post('/admin/projects/:id/steps/:stepId/move', async (request, reply) => {
    const { project, step } = stepFrom(request);
    const direction = text(request.body, 'direction');
    if (direction !== 'up' && direction !== 'down') throw new HttpError(400, 'errors.400.text');
    q.moveStep(app.db, project.id, step.id, direction);
    setFlash(reply, 'projects.steps.flash.moved');
    return reply.redirect(`/admin/projects/${project.id}/edit#steps`, 303);
  });
}
