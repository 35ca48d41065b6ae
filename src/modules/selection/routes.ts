// Every route of the selection step, one line each: method, path, options, named handler.
// Handlers live in a file per resource; what a URL points at is loaded in guards.ts, and the
// platform's gate decides who may take part.
import type { FastifyPluginAsync } from 'fastify';
import { onlyRole } from '../../platform/http.ts';
import { participationLimits } from '../../platform/rate-limits.ts';
import { announceCounts, showSelection } from './page.ts';
import { showProposal } from './proposal.ts';
import { postVote, deleteVote, postMove, postDistrict, postValidate } from './vote-posts.ts';
import { getBallot } from './ballot-page.ts';
import { showResults, postPublish } from './results.ts';
import { adminHome, postImport, postRemove, postEnvelopes, postCountsDate } from './admin.ts';
import { showResultsAdmin, postWinnersMax, postPaperCounts, postWithdraw } from './results-admin.ts';
import { exportResultsCsv } from './export.ts';
import { showFollowUpAdmin, postProgress, postMilestone, postMilestoneDone, postMilestoneMove, postMilestoneDelete, postFollowUpdate } from './follow-up.ts';
import { showMilestoneEdit, postMilestoneEdit } from './follow-up-milestone.ts';
import { showUpdateEdit, postUpdateEdit, showUpdateDelete, postUpdateDelete } from './follow-up-update.ts';

/** Anonymous visitors get these pages from the page cache; `query` names what the page reads. */
const cached = (query: string[] = []) => ({ config: { pageCache: { query } } });
const vote = { config: participationLimits.vote };
const followUp = '/:stepId/proposals/:proposalId/follow-up';

export const routes: FastifyPluginAsync = async (app) => {
  announceCounts(app); // cached pages expire when a step's counts become public
  app.get('/:stepId', cached(['q', 'category', 'district', 'status', 'sort', 'page', 'view']), showSelection);
  app.get('/:stepId/proposals/:proposalId', cached(), showProposal);
  // The results page is public; its numbers are shown once published.
  app.get('/:stepId/results', cached(), showResults);
  // A person's ballot: votes added, taken back and moved (ranked), the district, the validation.
  app.get('/:stepId/ballot', getBallot);
  app.post('/:stepId/votes', vote, postVote);
  app.post('/:stepId/votes/:proposalId/delete', vote, deleteVote);
  app.post('/:stepId/votes/:proposalId/move', vote, postMove);
  app.post('/:stepId/ballot/district', vote, postDistrict);
  app.post('/:stepId/ballot/validate', vote, postValidate);
  // Administrators only.
  await app.register(async (admin) => {
    admin.addHook('preHandler', onlyRole('admin'));
    // The vote: proposals imported from a collect step or taken out, envelopes' budgets, counts' date.
    admin.get('/:stepId/admin', adminHome);
    admin.post('/:stepId/admin/import', postImport);
    admin.post('/:stepId/admin/proposals/:proposalId/remove', postRemove);
    admin.post('/:stepId/admin/envelopes', postEnvelopes);
    admin.post('/:stepId/admin/counts', postCountsDate);
    // The results: paper ballots, the number of winners, publication (and its withdrawal), the export.
    admin.get('/:stepId/results/admin', showResultsAdmin);
    admin.post('/:stepId/results/winners', postWinnersMax);
    admin.post('/:stepId/results/paper', postPaperCounts);
    admin.post('/:stepId/results/publish', postPublish);
    admin.post('/:stepId/results/withdraw', postWithdraw);
    admin.get('/:stepId/results.csv', exportResultsCsv);
    // A winner's follow-up: progress, milestones (ordered), news (edited, removed after a question).
    admin.get(followUp, showFollowUpAdmin);
    admin.post(`${followUp}/progress`, postProgress);
    admin.post(`${followUp}/milestones`, postMilestone);
    admin.get(`${followUp}/milestones/:itemId`, showMilestoneEdit);
    admin.post(`${followUp}/milestones/:itemId`, postMilestoneEdit);
    admin.post(`${followUp}/milestones/:itemId/done`, postMilestoneDone);
    admin.post(`${followUp}/milestones/:itemId/move`, postMilestoneMove);
    admin.post(`${followUp}/milestones/:itemId/delete`, postMilestoneDelete);
    admin.post(`${followUp}/updates`, postFollowUpdate);
    admin.get(`${followUp}/updates/:itemId`, showUpdateEdit);
    admin.post(`${followUp}/updates/:itemId`, postUpdateEdit);
    admin.get(`${followUp}/updates/:itemId/delete`, showUpdateDelete);
    admin.post(`${followUp}/updates/:itemId/delete`, postUpdateDelete);
  });
};
