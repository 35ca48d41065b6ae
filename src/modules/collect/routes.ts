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
import { serveCard, serveFile, withFiles } from './media.ts';
import { showGeocode } from './geocode.ts';
import { adminHome, postForm, postCategory, editCategory, saveCategory, removeCategory } from './admin.ts';
import { postQuestion, editQuestion, saveQuestion, removeQuestion, shiftQuestion } from './admin-questions.ts';
import { showAnalysisList, showProposalAnalysis } from './analysis.ts';
import { postOpinion, postDecision, postProposalStatus, postAnalyst, removeAnalyst } from './analysis-posts.ts';
import { showDeciders, postDecider, deleteDecider } from './analysis-admin.ts';
import { showStatuses, postNewStatus, editStatus, saveStatus, removeStatus, shiftStatus } from './statuses.ts';
import { showMerge, postMerge } from './merge.ts';
import { showDuplicates, postDistinct } from './duplicates.ts';
import { exportProposals, exportAnalyses } from './exports.ts';

/** Anonymous visitors get these pages from the page cache; `query` names what the page reads. */
const cached = (query: string[] = []) => ({ config: { pageCache: { query } } });
const contribute = { config: participationLimits.contribute };
// A full-text search asked as people type: as many as votes, per account (or per address).
const searching = { config: perAccount(600, 10) };
// An address search asks a public service: a few searches a minute per account are plenty.
const geocoding = { config: perAccount(120, 10) };

export const routes: FastifyPluginAsync = async (app) => {
  app.get('/:stepId', cached(['q', 'category', 'district', 'status', 'sort', 'page', 'view']), showCollect);
  app.get('/:stepId/similar', searching, showSimilar);
  app.get('/:stepId/proposals/new', newProposal);
  app.post('/:stepId/proposals', withFiles(contribute), postProposal);
  app.get('/:stepId/proposals/:proposalId', cached(), showProposal);
  app.get('/:stepId/proposals/:proposalId/edit', editProposalForm);
  app.post('/:stepId/proposals/:proposalId/edit', withFiles(contribute), saveProposal);
  app.post('/:stepId/proposals/:proposalId/delete', deleteProposal);
  app.get('/:stepId/drafts/:draftId', showDraft);
  app.post('/:stepId/drafts/:draftId', withFiles(contribute), postDraft);
  app.post('/:stepId/drafts/:draftId/delete', removeDraft);
  // Analysis by officials (analysis*.ts, statuses.ts, merge.ts, exports.ts): the analysis pages check the person's role on the step.
  app.get('/:stepId/analysis', showAnalysisList);
  app.get('/:stepId/analysis/proposals/:proposalId', showProposalAnalysis);
  app.post('/:stepId/analysis/proposals/:proposalId/opinion', postOpinion);
  app.post('/:stepId/analysis/proposals/:proposalId/decision', postDecision);
  app.post('/:stepId/analysis/proposals/:proposalId/status', postProposalStatus);
  app.post('/:stepId/analysis/proposals/:proposalId/analysts', postAnalyst);
  app.post('/:stepId/analysis/proposals/:proposalId/analysts/:userId/delete', removeAnalyst);
  await app.register(async (admin) => {
    admin.addHook('preHandler', onlyRole('admin'));
    admin.get('/:stepId/admin/statuses', showStatuses);
    admin.post('/:stepId/admin/statuses', postNewStatus);
    admin.get('/:stepId/admin/statuses/:statusId/edit', editStatus);
    admin.post('/:stepId/admin/statuses/:statusId', saveStatus);
    admin.post('/:stepId/admin/statuses/:statusId/delete', removeStatus);
    admin.post('/:stepId/admin/statuses/:statusId/move', shiftStatus);
    admin.get('/:stepId/admin/deciders', showDeciders);
    admin.post('/:stepId/admin/deciders', postDecider);
    admin.post('/:stepId/admin/deciders/:userId/delete', deleteDecider);
    admin.get('/:stepId/admin/merge', showMerge);
    admin.post('/:stepId/admin/merge', postMerge);
    admin.get('/:stepId/admin/proposals.csv', exportProposals);
    admin.get('/:stepId/admin/analyses.csv', exportAnalyses);
  });
  // The queue of likely duplicates: moderators and administrators (duplicates.ts).
  await app.register(async (moderators) => {
    moderators.addHook('preHandler', onlyRole('moderator'));
    moderators.get('/:stepId/admin/duplicates', showDuplicates);
    moderators.post('/:stepId/admin/duplicates/distinct', postDistinct);
  });
  // Media: a proposal's image and attachments, served as its page is (the form's posts take
  // files through withFiles above).
  app.get('/:stepId/files/:fileId', serveFile);
  app.get('/:stepId/files/:fileId/card', serveCard);
  // Address search through the server (geocode.ts), off unless configured.
  app.get('/:stepId/geocode', geocoding, showGeocode);
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
