// The public pages of the news: the list (newest first, filtered by project, paginated; htmx
// swaps the list when the filter changes) and a post's own page. A post of a project this person
// may not see, and a post not yet published, is a 404 (administrators may read drafts).
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { render } from '../../platform/render.ts';
import { notFound } from '../../platform/http.ts';
import { canSeeProject } from '../../platform/participation.ts';
import { findPostBySlug, findProject, listNewsProjects, listPublishedPosts, nextScheduledAt } from './queries.ts';
import { renderMarkdown } from '../../platform/markdown.ts';
import { parsePage, plainExcerpt, postState } from './rules.ts';

type ListQuery = { project?: string; page?: string };

/** The list's address for a project (slug) and a page; the links keep one when the other changes. */
export function newsUrl(o: { project?: string | null; page?: number }): string {
  const params = new URLSearchParams();
  if (o.project) params.set('project', o.project);
  if (o.page && o.page > 1) params.set('page', String(o.page));
  const s = params.toString();
  return s ? `/news?${s}` : '/news';
}

/**
 * Tells the page cache when the next scheduled post falls due: no cached page (the list, a
 * project's page with its news panel) outlives it, so the post shows on its date, never before.
 */
export function announcePublications(app: FastifyInstance): void {
  app.pageCache.changesAt((after) => {
    const due = nextScheduledAt(app.db, new Date(after));
    return due === undefined ? null : Date.parse(due);
  });
}

export async function listNews(request: FastifyRequest<{ Querystring: ListQuery }>, reply: FastifyReply) {
  const db = request.server.db;
  const page = parsePage(request.query.page);
  const slug = typeof request.query.project === 'string' ? request.query.project : '';
  // Missing and hidden look the same: filtering on a hidden project reveals nothing.
  const project = slug ? findProject(db, slug) : undefined;
  if (slug && (!project || !canSeeProject(db, request.user, project))) throw notFound();
  const { posts, hasNext } = listPublishedPosts(db, { user: request.user, projectId: project?.id ?? null, page });
  // An htmx filter change needs only the list: skip the choices query.
  const choices = request.wantsFragment ? [] : listNewsProjects(db, request.user);
  if (project && !choices.some((c) => c.id === project.id)) choices.push(project);
  return render(
    request,
    reply,
    'news/index',
    { title: request.t('news.list.title'), posts: posts.map((p) => ({ ...p, excerpt: plainExcerpt(renderMarkdown(p.body_md)) })), hasNext, page, project: project ?? null, choices, newsUrl },
    { fragment: 'news/_list' },
  );
}

export async function showNews(request: FastifyRequest<{ Params: { slug: string } }>, reply: FastifyReply) {
  const db = request.server.db;
  const post = findPostBySlug(db, request.params.slug);
  const admin = request.user?.role === 'admin';
  if (!post) throw notFound();
  const state = postState(post.published_at);
  if (state !== 'published' && !admin) throw notFound();
  if (post.project_id !== null && !canSeeProject(db, request.user, { id: post.project_id, visibility: post.project_visibility! })) throw notFound();
  return render(request, reply, 'news/show', { title: post.title, post, state, adminPath: admin ? `/admin/news/${post.id}/edit` : null });
}
