// Every route of the debate, one line each: method, path, options, named handler. Handlers live
// in a file per resource; what a URL points at is loaded in guards.ts, and the platform's gate
// decides who may take part (its refused page is rendered by the platform's error handler).
import type { FastifyPluginAsync } from 'fastify';
import { onlyRole } from '../../platform/http.ts';
import { participationLimits } from '../../platform/rate-limits.ts';
import { showDebate } from './page.ts';
import { voteOnDebate } from './votes.ts';
import { postArgument, showArgument, deleteArgument, markUseful } from './arguments.ts';
import { adminHome, postOpinions, postConclusion } from './admin.ts';
import { exportCsv } from './export.ts';

/** Anonymous visitors get these pages from the page cache; `query` names what the page reads. */
const cached = (query: string[] = []) => ({ config: { pageCache: { query } } });
const contribute = { config: participationLimits.contribute };
const vote = { config: participationLimits.vote };

export const routes: FastifyPluginAsync = async (app) => {
  app.get('/:stepId', cached(['sort', 'page']), showDebate);
  app.post('/:stepId/vote', vote, voteOnDebate);
  app.post('/:stepId/arguments', contribute, postArgument);
  app.get('/:stepId/arguments/:argumentId', cached(), showArgument);
  app.post('/:stepId/arguments/:argumentId/delete', deleteArgument);
  app.post('/:stepId/arguments/:argumentId/useful', vote, markUseful);
  // Administrators only.
  await app.register(async (admin) => {
    admin.addHook('preHandler', onlyRole('admin'));
    admin.get('/:stepId/admin', adminHome);
    admin.post('/:stepId/admin/opinions', postOpinions);
    admin.post('/:stepId/admin/conclusion', postConclusion);
    admin.get('/:stepId/export.csv', exportCsv);
  });
};
