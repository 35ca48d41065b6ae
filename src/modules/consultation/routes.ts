// Every route of the consultation, one line each: method, path, options, named handler. Handlers
// live in a file per resource; what a URL points at is loaded in guards.ts, and the gate
// (platform/gate.ts) decides who may take part. Refusals for missing requirements are rendered
// by the platform's error handler.
import type { FastifyPluginAsync } from 'fastify';
import { onlyRole } from '../../platform/http.ts';
import { participationLimits } from '../../platform/rate-limits.ts';
import { showStep, showSection, postOpinion } from './sections.ts';
import { showItem, editItemForm, saveItem, deleteItem } from './items.ts';
import { voteOnSection, voteOnItem } from './votes.ts';
import { newAmendment, postAmendment } from './amendments.ts';
import { postArgument, deleteArgument, markUseful } from './arguments.ts';
import { postSource } from './sources.ts';
import { exportCsv } from './export.ts';
import { adminHome, postType, editType, saveType, removeType, newSection, postSection, editSection, saveSection, removeSection, shiftSection } from './admin.ts';

/** Anonymous visitors get these pages from the page cache; `query` names what the page reads. */
const cached = (query: string[] = []) => ({ config: { pageCache: { query } } });
const contribute = { config: participationLimits.contribute };
const vote = { config: participationLimits.vote };

export const routes: FastifyPluginAsync = async (app) => {
  app.get('/:stepId', cached(), showStep);
  app.get('/:stepId/sections/:sectionId', cached(['sort', 'kind', 'page']), showSection);
  app.post('/:stepId/sections/:sectionId/contributions', contribute, postOpinion);
  app.post('/:stepId/sections/:sectionId/vote', vote, voteOnSection);
  app.get('/:stepId/sections/:sectionId/amendments/new', newAmendment);
  app.post('/:stepId/sections/:sectionId/amendments', contribute, postAmendment);
  app.get('/:stepId/items/:itemId', cached(), showItem);
  app.get('/:stepId/items/:itemId/edit', editItemForm);
  app.post('/:stepId/items/:itemId/edit', saveItem);
  app.post('/:stepId/items/:itemId/delete', deleteItem);
  app.post('/:stepId/items/:itemId/vote', vote, voteOnItem);
  app.post('/:stepId/items/:itemId/arguments', contribute, postArgument);
  app.post('/:stepId/items/:itemId/sources', contribute, postSource);
  app.post('/:stepId/arguments/:argumentId/delete', deleteArgument);
  app.post('/:stepId/arguments/:argumentId/useful', vote, markUseful);
  // Administrators only.
  await app.register(async (admin) => {
    admin.addHook('preHandler', onlyRole('admin'));
    admin.get('/:stepId/export.csv', exportCsv);
    admin.get('/:stepId/admin', adminHome);
    admin.post('/:stepId/admin/types', postType);
    admin.get('/:stepId/admin/types/:typeId/edit', editType);
    admin.post('/:stepId/admin/types/:typeId', saveType);
    admin.post('/:stepId/admin/types/:typeId/delete', removeType);
    admin.get('/:stepId/admin/sections/new', newSection);
    admin.post('/:stepId/admin/sections', postSection);
    admin.get('/:stepId/admin/sections/:sectionId/edit', editSection);
    admin.post('/:stepId/admin/sections/:sectionId', saveSection);
    admin.post('/:stepId/admin/sections/:sectionId/delete', removeSection);
    admin.post('/:stepId/admin/sections/:sectionId/move', shiftSection);
  });
};
