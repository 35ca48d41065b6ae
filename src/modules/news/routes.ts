// Every route of the news, one line each: method, path, options, named handler. Mounted at the
// root: the public pages under /news, the back office under /admin/news behind onlyRole('admin').
import type { FastifyPluginAsync } from 'fastify';
import { onlyRole } from '../../platform/http.ts';
import { announcePublications, listNews, showNews } from './public.ts';
import { newsFeed } from './feed.ts';
import { adminNews, newPost, createPost, editPost, savePost, confirmDeletePost, removePost, postUpload } from './admin.ts';

/** Anonymous visitors get these pages from the page cache; `query` names what the page reads. */
const cached = (query: string[] = []) => ({ config: { pageCache: { query } } });

export const routes: FastifyPluginAsync = async (app) => {
  announcePublications(app); // cached pages expire when a scheduled post falls due
  app.get('/news', cached(['project', 'page']), listNews);
  app.get('/news/feed.atom', newsFeed);
  app.get('/news/:slug', cached(), showNews);
  // Administrators only.
  await app.register(async (admin) => {
    admin.addHook('preHandler', onlyRole('admin'));
    admin.get('/admin/news', adminNews);
    admin.get('/admin/news/new', newPost);
    admin.post('/admin/news', postUpload, createPost);
    admin.get('/admin/news/:id/edit', editPost);
    admin.post<{ Params: { id: string } }>('/admin/news/:id', postUpload, savePost);
    admin.get('/admin/news/:id/delete', confirmDeletePost);
    admin.post('/admin/news/:id/delete', removePost);
  });
};
