// Every route of the comments, one line each: method, path, options, named handler. A thread is
// named by the commented contribution's id, whatever its module; loaders live in guards.ts and
// the platform's gate decides who may comment (action 'comment' of the contribution's step).
import type { FastifyPluginAsync } from 'fastify';
import { participationLimits } from '../../platform/rate-limits.ts';
import { showComment, showThread } from './thread.ts';
import { editForm, markUseful, postComment, postReply, removeComment, saveEdit } from './posts.ts';

/** Anonymous visitors get these pages from the page cache; `query` names what the page reads. */
const cached = (query: string[] = []) => ({ config: { pageCache: { query } } });
const contribute = { config: participationLimits.contribute };
const mark = { config: participationLimits.vote };

export const routes: FastifyPluginAsync = async (app) => {
  app.get('/:targetId', cached(['sort', 'page', 'embed']), showThread);
  app.post('/:targetId', contribute, postComment);
  app.get('/:targetId/:commentId', cached(['page']), showComment);
  app.post('/:targetId/:commentId/replies', contribute, postReply);
  app.get('/:targetId/:commentId/edit', editForm);
  app.post('/:targetId/:commentId', contribute, saveEdit);
  app.post('/:targetId/:commentId/delete', removeComment);
  app.post('/:targetId/:commentId/useful', mark, markUseful);
};
