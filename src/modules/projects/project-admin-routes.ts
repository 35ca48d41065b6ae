// Projects admin: the list, the new/edit form (multipart: the cover image rides with the
// fields), and deletion after a confirmation page. Mounted inside the admin-only scope.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { render } from '../../platform/render.ts';
import { notFound } from '../../platform/http.ts';
import { setFlash } from '../../platform/flash.ts';
import { text, raw, checked, checkText, hasErrors, type FormErrors, type FieldError, parseId } from '../../platform/forms.ts';
import { isUniqueViolation } from '../../platform/users.ts';
import type { Visibility } from '../../db/schema.ts';
import { TITLE_MAX, SLUG_MAX, SUMMARY_MAX, BODY_MAX, SLUG, slugify, idList } from './rules.ts';
import { processImage, storeUpload, removeUpload, NotAnImage, ImageTooLarge, imageTooLargeError, IMAGE_MAX_BYTES } from '../../platform/uploads.ts';
import { uploadRoute, type Upload } from '../../platform/multipart.ts';

// Covers fit 1200×630 (the usual sharing-card size), as WebP, in uploads/projects.
const COVER = { width: 1200, height: 630, format: 'webp' } as const;
const storeCover = (dataDir: string, webp: Buffer) => storeUpload(dataDir, 'projects', '', webp, 'webp');
const removeCover = (dataDir: string, stored: string | null | undefined) => removeUpload(dataDir, 'projects', stored);
import * as q from './project-queries.ts';
import { listStepsOfProject } from './step-queries.ts';
import { stepState } from '../../platform/participation.ts';

const VISIBILITIES: readonly Visibility[] = ['draft', 'public', 'restricted'];

interface FormValues extends q.ProjectFields, q.ProjectLinks {
  cover_path: string | null;
}

/** Reads and checks the form; the slug comes from the title when left empty. */
function readProject(db: FastifyInstance['db'], body: unknown, id: number | null): { values: FormValues; errors: FormErrors } {
  const errors: FormErrors = {};
  const title = text(body, 'title');
  let slug = text(body, 'slug').toLowerCase();
  const visibility = text(body, 'visibility') as Visibility;
  const values: FormValues = {
    title,
    slug,
    summary: text(body, 'summary'),
    body_md: raw(body, 'body_md').replace(/\r\n/g, '\n'),
    visibility,
    archived: checked(body, 'archived'),
    themeIds: idList(body, 'theme_ids'),
    districtIds: idList(body, 'district_ids'),
    groupIds: idList(body, 'group_ids'),
    cover_path: null,
  };
  checkText(errors, 'title', title, { required: true, max: TITLE_MAX });
  checkText(errors, 'summary', values.summary, { max: SUMMARY_MAX });
  checkText(errors, 'body_md', values.body_md, { max: BODY_MAX });
  if (!VISIBILITIES.includes(visibility)) errors.visibility = { key: 'forms.invalid_choice' };
  else if (visibility === 'restricted' && values.groupIds.length === 0) errors.group_ids = { key: 'projects.admin.errors.groups_required' };
  if (!slug && title) slug = values.slug = slugify(title);
  if (title || text(body, 'slug')) {
    if (!slug) errors.slug = { key: 'projects.admin.errors.slug_required' };
    else if (slug.length > SLUG_MAX || !SLUG.test(slug)) errors.slug = { key: 'projects.admin.errors.slug_format', params: { max: SLUG_MAX } };
    else if (q.slugTaken(db, slug, id)) errors.slug = { key: 'projects.admin.errors.slug_taken' };
  }
  return { values, errors };
}

// The form's text fields: a dozen, plus one checkbox per theme, district and group.
const PROJECT_FORM = { file: 'cover', fileBytes: IMAGE_MAX_BYTES, fields: 1000, fieldBytes: 4 * BODY_MAX, totalFieldBytes: 6 * BODY_MAX };

/** The uploaded cover as WebP, null when no file was chosen, or an error. */
async function readCover(upload: Upload): Promise<Buffer | null | { error: FieldError }> {
  if (upload.tooBig) return { error: { key: 'projects.admin.errors.cover_too_big' } };
  if (!upload.file) return null;
  try {
    return await processImage(upload.file, COVER);
  } catch (err) {
    if (err instanceof ImageTooLarge) return { error: imageTooLargeError };
    if (err instanceof NotAnImage) return { error: { key: 'projects.admin.errors.cover_not_image' } };
    throw err;
  }
}

const splitFields = (v: FormValues): [q.ProjectFields, q.ProjectLinks] => [
  { title: v.title, slug: v.slug, summary: v.summary, body_md: v.body_md, visibility: v.visibility, archived: v.archived },
  { themeIds: v.themeIds, districtIds: v.districtIds, groupIds: v.groupIds },
];

export function projectAdminRoutes(app: FastifyInstance): void {
  const formPage = (request: FastifyRequest, reply: FastifyReply, id: number | null, values: FormValues, errors: FormErrors = {}, status = 200) =>
    render(
      request,
      reply,
      id ? 'projects/admin/edit' : 'projects/admin/new',
      {
        title: request.t(id ? 'projects.admin.edit_title' : 'projects.admin.new_title'),
        id,
        values,
        errors,
        choices: q.listProjectChoices(app.db),
        steps: id ? listStepsOfProject(app.db, id).map((step) => ({ ...step, state: stepState(step) })) : [],
        stepTypes: app.manifests.filter((m) => m.step).map((m) => ({ slug: m.slug, titleKey: m.titleKey, adminPath: m.step?.adminPath })),
      },
      { status },
    );

  const projectFrom = (request: FastifyRequest) => {
    const id = parseId((request.params as { id?: string }).id);
    const project = id ? q.findProjectById(app.db, id) : undefined;
    if (!project) throw notFound();
    return project;
  };

  app.get('/admin/projects', async (request, reply) =>
    render(request, reply, 'projects/admin/index', { title: request.t('projects.admin.title'), projects: q.listAllProjects(app.db) }),
  );

  app.get('/admin/projects/new', async (request, reply) =>
    formPage(request, reply, null, { title: '', slug: '', summary: '', body_md: '', visibility: 'draft', archived: false, themeIds: [], districtIds: [], groupIds: [], cover_path: null }),
  );

  app.post('/admin/projects', uploadRoute(PROJECT_FORM), async (request, reply) => {
    const { values, errors } = readProject(app.db, request.body, null);
    const cover = await readCover(request.upload);
    if (cover && 'error' in cover) errors.cover = cover.error;
    if (hasErrors(errors)) return formPage(request, reply, null, values, errors, 422);
    const coverPath = cover ? await storeCover(app.config.dataDir, cover as Buffer) : null;
    let id: number;
    try {
      id = q.insertProject(app.db, ...splitFields(values), coverPath);
    } catch (err) {
      if (coverPath && !q.coverInUse(app.db, coverPath)) await removeCover(app.config.dataDir, coverPath);
      if (!isUniqueViolation(err)) throw err;
      return formPage(request, reply, null, values, { slug: { key: 'projects.admin.errors.slug_taken' } }, 422);
    }
    setFlash(reply, 'projects.admin.flash.created');
    return reply.redirect(`/admin/projects/${id}/edit`, 303);
  });

  app.get('/admin/projects/:id/edit', async (request, reply) => {
    const project = projectFrom(request);
    const links = q.findProjectLinks(app.db, project.id);
    return formPage(request, reply, project.id, { ...project, archived: !!project.archived, ...links });
  });

  app.post('/admin/projects/:id', uploadRoute(PROJECT_FORM), async (request, reply) => {
    const project = projectFrom(request);
    const { values, errors } = readProject(app.db, request.body, project.id);
    values.cover_path = project.cover_path;
    const cover = await readCover(request.upload);
    if (cover && 'error' in cover) errors.cover = cover.error;
    if (hasErrors(errors)) return formPage(request, reply, project.id, values, errors, 422);
    let newCover: string | null | undefined = undefined;
    if (cover) newCover = await storeCover(app.config.dataDir, cover as Buffer);
    else if (checked(request.body, 'remove_cover')) newCover = null;
    let previous: string | null;
    try {
      previous = q.updateProject(app.db, project.id, ...splitFields(values), newCover);
    } catch (err) {
      if (newCover && !q.coverInUse(app.db, newCover)) await removeCover(app.config.dataDir, newCover);
      if (!isUniqueViolation(err)) throw err;
      return formPage(request, reply, project.id, values, { slug: { key: 'projects.admin.errors.slug_taken' } }, 422);
    }
    if (previous && newCover !== undefined && previous !== newCover && !q.coverInUse(app.db, previous)) await removeCover(app.config.dataDir, previous);
    setFlash(reply, 'projects.admin.flash.saved');
    return reply.redirect(`/admin/projects/${project.id}/edit`, 303);
  });

  app.get('/admin/projects/:id/delete', async (request, reply) => {
    const project = projectFrom(request);
    return render(request, reply, 'projects/admin/delete', { title: request.t('projects.admin.delete_title'), project });
  });

  app.post('/admin/projects/:id/delete', async (request, reply) => {
    const project = projectFrom(request);
    const removed = q.deleteProject(app.db, project.id);
    if (removed?.cover_path && !q.coverInUse(app.db, removed.cover_path)) await removeCover(app.config.dataDir, removed.cover_path);
    setFlash(reply, 'projects.admin.flash.deleted');
    return reply.redirect('/admin/projects', 303);
  });
}
