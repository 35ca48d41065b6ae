// Every route of the collect step, one line each: method, path, options, named handler. Handlers
// live in a file per resource; what a URL points at is loaded in guards.ts, and the platform's
// gate decides who may take part (its refused page is rendered by the platform's error handler).
import type { FastifyPluginAsync } from 'fastify';
import { onlyRole } from '../../platform/http.ts';
import { participationLimits, perAccount } from '../../platform/rate-limits.ts';
import { showCollect } from './page.ts';
import { showSimilar } from './similar.ts';
import { newProposal, postProposal, showProposal, editProposalForm, saveProposal, deleteProposal } from './proposals.ts';
import { showDraft, postDraft, removeDraft } from './drafts.ts';
import { adminHome, postForm, postCategory, editCategory, saveCategory, removeCategory } from './admin.ts';
import { postQuestion, editQuestion, saveQuestion, removeQuestion, shiftQuestion } from './admin-questions.ts';

/** Anonymous visitors get these pages from the page cache; `query` names what the page reads. */
const cached = (query: string[] = []) => ({ config: { pageCache: { query } } });
const contribute = { config: participationLimits.contribute };
// A full-text search asked as people type: as many as votes, per account (or per address).
const searching = { config: perAccount(600, 10) };

export const routes: FastifyPluginAsync = async (app) => {
  app.get('/:stepId', cached(['q', 'category', 'district', 'status', 'sort', 'page', 'view']), showCollect);
  app.get('/:stepId/similar', searching, showSimilar);
  app.get('/:stepId/proposals/new', newProposal);
  app.post('/:stepId/proposals', contribute, postProposal);
  app.get('/:stepId/proposals/:proposalId', cached(), showProposal);
  app.get('/:stepId/proposals/:proposalId/edit', editProposalForm);
  app.post('/:stepId/proposals/:proposalId/edit', contribute, saveProposal);
  app.post('/:stepId/proposals/:proposalId/delete', deleteProposal);
  app.get('/:stepId/drafts/:draftId', showDraft);
  app.post('/:stepId/drafts/:draftId', contribute, postDraft);
  app.post('/:stepId/drafts/:draftId/delete', removeDraft);
  // Administrators only.
  await app.register(async (admin) => {
    admin.addHook('preHandler', onlyRole('admin'));
    admin.get('/:stepId/admin', adminHome);
    admin.post('/:stepId/admin/form', postForm);
    admin.post('/:stepId/admin/categories', postCategory);
    admin.get('/:stepId/admin/categories/:categoryId/edit', editCategory);
    admin.post('/:stepId/admin/categories/:categoryId', saveCategory);
    admin.post('/:stepId/admin/categories/:categoryId/delete', removeCategory);
    admin.post('/:stepId/admin/questions', postQuestion);
    admin.get('/:stepId/admin/questions/:questionId/edit', editQuestion);
    admin.post('/:stepId/admin/questions/:questionId', saveQuestion);
    admin.post('/:stepId/admin/questions/:questionId/delete', removeQuestion);
    admin.post('/:stepId/admin/questions/:questionId/move', shiftQuestion);
  });
};
