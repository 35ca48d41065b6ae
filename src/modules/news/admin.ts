// The news back office (administrators only, checked by the route list): the list of posts with
// their state, the new / edit form (multipart: the image rides with the fields, read after the
// role and CSRF checks), and deletion after a confirmation page.
import type { FastifyReply, FastifyRequest } from 'fastify';
import { render } from '../../platform/render.ts';
import { notFound } from '../../platform/http.ts';
import { setFlash } from '../../platform/flash.ts';
import { checked, hasErrors, parseId, type FieldError, type FormErrors } from '../../platform/forms.ts';
import { isUniqueViolation } from '../../platform/users.ts';
import { uploadRoute, type Upload } from '../../platform/multipart.ts';
import { processImage, storeUpload, removeUpload, NotAnImage, ImageTooLarge, imageTooLargeError, IMAGE_MAX_BYTES } from '../../platform/uploads.ts';
import { listProjectChoices, projectExists, slugTaken } from '../../platform/admin-form-lookups.ts';
import { findPostById, imageInUse, listAllPosts } from './queries.ts';
import { deletePost, insertPost, updatePost } from './writes.ts';
import { ADMIN_PAGE_SIZE, BODY_MAX, IMAGE_ALT_MAX, TITLE_MAX, emptyPostValues, parsePage, postState, readPost, valuesOfPost, type PostValues } from './rules.ts';
import { SLUG_MAX } from '../../platform/slugs.ts';

// Images fit 1200×630 (the usual sharing-card size), as WebP, in uploads/news; the formats the
// form names (and its accept attribute) are the only ones taken.
const IMAGE = { width: 1200, height: 630, format: 'webp', accept: ['png', 'jpeg', 'webp'] } as const;
const FOLDER = 'news';
/** The form: a dozen text fields at most, the body the largest. */
export const postUpload = uploadRoute({ file: 'image', fileBytes: IMAGE_MAX_BYTES, fields: 20, fieldBytes: 4 * BODY_MAX, totalFieldBytes: 6 * BODY_MAX });

type IdParams = { Params: { id: string } };

function loadPost(request: FastifyRequest<IdParams>) {
  const id = parseId(request.params.id);
  const post = id === null ? undefined : findPostById(request.server.db, id);
  if (!post) throw notFound();
  return post;
}

/** The uploaded image as WebP, null when no file was chosen, or the form's error. */
async function readImage(upload: Upload): Promise<Buffer | null | { error: FieldError }> {
  if (upload.tooBig) return { error: { key: 'news.admin.errors.image_too_big' } };
  if (!upload.file) return null;
  try {
    return await processImage(upload.file, IMAGE);
  } catch (err) {
    if (err instanceof ImageTooLarge) return { error: imageTooLargeError };
    if (err instanceof NotAnImage) return { error: { key: 'news.admin.errors.image_not_image' } };
    throw err;
  }
}

async function dropImage(request: FastifyRequest, path: string | null | undefined) {
  if (path && !imageInUse(request.server.db, path)) await removeUpload(request.server.config.dataDir, FOLDER, path);
}

/** The new (post null) or edit form; the saved post's slug, not the one typed, leads to its page. */
function formPage(request: FastifyRequest, reply: FastifyReply, post: { id: number; slug: string } | null, values: PostValues, imagePath: string | null, errors: FormErrors = {}, status = 200) {
  return render(
    request,
    reply,
    post ? 'news/admin/edit' : 'news/admin/new',
    {
      title: request.t(post ? 'news.admin.edit_title' : 'news.admin.new_title'),
      id: post?.id ?? null,
      savedSlug: post?.slug ?? null,
      values,
      imagePath,
      errors,
      projects: listProjectChoices(request.server.db),
      timeZone: request.server.config.timeZone,
      limits: { title: TITLE_MAX, slug: SLUG_MAX, body: BODY_MAX, alt: IMAGE_ALT_MAX },
    },
    { status },
  );
}

export async function adminNews(request: FastifyRequest<{ Querystring: { page?: string } }>, reply: FastifyReply) {
  const page = parsePage(request.query.page);
  const { posts, hasNext } = listAllPosts(request.server.db, page, ADMIN_PAGE_SIZE);
  const now = new Date();
  return render(request, reply, 'news/admin/index', { title: request.t('news.admin.title'), posts: posts.map((p) => ({ ...p, state: postState(p.published_at, now) })), page, hasNext });
}

export async function newPost(request: FastifyRequest, reply: FastifyReply) {
  return formPage(request, reply, null, emptyPostValues(new Date(), request.server.config.timeZone), null);
}

/** Reads the form and the image; the errors of both are shown together. */
async function readForm(request: FastifyRequest, id: number | null) {
  const db = request.server.db;
  const { values, fields, errors } = readPost(request.body, request.server.config.timeZone, (projectId) => projectExists(db, projectId));
  if (!errors.slug && slugTaken(db, 'news_posts', fields.slug, id)) errors.slug = { key: 'news.admin.errors.slug_taken' };
  const image = await readImage(request.upload);
  if (image && 'error' in image) errors.image = image.error;
  return { values, fields, errors, image: image && !('error' in image) ? image : null };
}

const slugTakenError = { slug: { key: 'news.admin.errors.slug_taken' } };

export async function createPost(request: FastifyRequest, reply: FastifyReply) {
  const { values, fields, errors, image } = await readForm(request, null);
  if (hasErrors(errors)) return formPage(request, reply, null, values, null, errors, 422);
  const imagePath = image ? await storeUpload(request.server.config.dataDir, FOLDER, '', image, 'webp') : null;
  let id: number;
  try {
    id = insertPost(request.server.db, fields, imagePath);
  } catch (err) {
    await dropImage(request, imagePath);
    if (!isUniqueViolation(err)) throw err;
    return formPage(request, reply, null, values, null, slugTakenError, 422);
  }
  setFlash(reply, 'news.admin.flash.created');
  return reply.redirect(`/admin/news/${id}/edit`, 303);
}

export async function editPost(request: FastifyRequest<IdParams>, reply: FastifyReply) {
  const post = loadPost(request);
  return formPage(request, reply, post, valuesOfPost(post, request.server.config.timeZone), post.image_path);
}

export async function savePost(request: FastifyRequest<IdParams>, reply: FastifyReply) {
  const post = loadPost(request);
  const { values, fields, errors, image } = await readForm(request, post.id);
  if (hasErrors(errors)) return formPage(request, reply, post, values, post.image_path, errors, 422);
  let imagePath: string | null | undefined = undefined;
  if (image) imagePath = await storeUpload(request.server.config.dataDir, FOLDER, '', image, 'webp');
  else if (checked(request.body, 'remove_image')) imagePath = null;
  let previous: string | null;
  try {
    previous = updatePost(request.server.db, post.id, fields, imagePath);
  } catch (err) {
    if (imagePath) await dropImage(request, imagePath);
    if (!isUniqueViolation(err)) throw err;
    return formPage(request, reply, post, values, post.image_path, slugTakenError, 422);
  }
  if (imagePath !== undefined && previous !== imagePath) await dropImage(request, previous);
  setFlash(reply, 'news.admin.flash.saved');
  return reply.redirect(`/admin/news/${post.id}/edit`, 303);
}

export async function confirmDeletePost(request: FastifyRequest<IdParams>, reply: FastifyReply) {
  const post = loadPost(request);
  return render(request, reply, 'news/admin/delete', { title: request.t('news.admin.delete_title'), post });
}

export async function removePost(request: FastifyRequest<IdParams>, reply: FastifyReply) {
  const post = loadPost(request);
  const image = deletePost(request.server.db, post.id);
  await dropImage(request, image);
  setFlash(reply, 'news.admin.flash.deleted');
  return reply.redirect('/admin/news', 303);
}
