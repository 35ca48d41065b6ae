// Every route of the selection step, one line each: method, path, options, named handler.
// Handlers live in a file per resource; what a URL points at is loaded in guards.ts, and the
// platform's gate decides who may take part.
import type { FastifyPluginAsync } from 'fastify';
import { showSelection } from './page.ts';

/** Anonymous visitors get these pages from the page cache; `query` names what the page reads. */
const cached = (query: string[] = []) => ({ config: { pageCache: { query } } });

export const routes: FastifyPluginAsync = async (app) => {
  app.get('/:stepId', cached(), showSelection);
};
