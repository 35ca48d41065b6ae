// /admin/settings: name, colour, welcome text, contact address; and the logo upload and removal.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { render } from '../../platform/render.ts';
import { getSite } from '../../platform/site.ts';
import { setFlash } from '../../platform/flash.ts';
import { text, raw, hasErrors, type FormErrors, type FieldError } from '../../platform/forms.ts';
import { checkSettings, type SettingsValues } from './rules.ts';
import { saveSiteSettings, setLogoPath } from './site-queries.ts';
import { processImage, storeUpload, removeUpload, NotAnImage, ImageTooLarge, imageTooLargeError, IMAGE_MAX_BYTES } from '../../platform/uploads.ts';
import { uploadRoute } from '../../platform/multipart.ts';

// The logo sits in the header: a PNG that fits 400×160, at the root of the uploads folder.
const LOGO = { width: 400, height: 160, format: 'png', accept: ['png', 'jpeg', 'webp'] } as const;
// The form sends its CSRF token and the file, nothing else.
const LOGO_FORM = { file: 'logo', fileBytes: IMAGE_MAX_BYTES, fields: 1, fieldBytes: 200, totalFieldBytes: 200 };

function currentValues(request: FastifyRequest): SettingsValues {
  const site = getSite(request.server.db);
  return { name: site.name, primary_color: site.primary_color, intro_md: site.intro_md, contact_email: site.contact_email ?? '' };
}

function settingsPage(request: FastifyRequest, reply: FastifyReply, data: { values?: SettingsValues; errors?: FormErrors; logoErrors?: FormErrors }, status = 200) {
  return render(
    request,
    reply,
    'admin/settings',
    { title: request.t('admin.settings.title'), values: data.values ?? currentValues(request), errors: data.errors ?? {}, logoErrors: data.logoErrors ?? {} },
    { status },
  );
}

export function settingsRoutes(app: FastifyInstance): void {
  app.get('/settings', async (request, reply) => settingsPage(request, reply, {}));

  app.post('/settings', async (request, reply) => {
    const body = request.body;
    const submitted = { name: text(body, 'name'), primary_color: text(body, 'primary_color'), intro_md: raw(body, 'intro_md').trimEnd(), contact_email: text(body, 'contact_email') };
    const { values, errors } = checkSettings(submitted, request.locale);
    if (hasErrors(errors)) return settingsPage(request, reply, { values, errors }, 422);
    saveSiteSettings(app.db, values);
    setFlash(reply, 'admin.settings.flash.saved');
    return reply.redirect('/admin/settings', 303);
  });

  app.post('/settings/logo', uploadRoute(LOGO_FORM), async (request, reply) => {
    const { file, tooBig } = request.upload;
    const refuse = (error: string | FieldError, status = 422) => settingsPage(request, reply, { logoErrors: { logo: typeof error === 'string' ? { key: error } : error } }, status);
    if (tooBig) return refuse('admin.logo.errors.too_big', 413);
    if (!file) return refuse('admin.logo.errors.missing');
    let png: Buffer;
    try {
      png = await processImage(file, LOGO);
    } catch (err) {
      if (err instanceof ImageTooLarge) return refuse(imageTooLargeError);
      if (err instanceof NotAnImage) return refuse('admin.logo.errors.not_image');
      throw err;
    }
    const name = await storeUpload(app.config.dataDir, '', 'logo-', png, 'png');
    const previous = setLogoPath(app.db, name);
    if (previous !== name) await removeUpload(app.config.dataDir, '', previous);
    setFlash(reply, 'admin.logo.flash.saved');
    return reply.redirect('/admin/settings', 303);
  });

  app.post('/settings/logo/delete', async (_request, reply) => {
    const previous = setLogoPath(app.db, null);
    await removeUpload(app.config.dataDir, '', previous);
    setFlash(reply, 'admin.logo.flash.deleted');
    return reply.redirect('/admin/settings', 303);
  });
}
