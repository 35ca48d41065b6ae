// Every route of the selection step, one line each: method, path, options, named handler.
// Handlers live in a file per resource; what a URL points at is loaded in guards.ts, and the
// platform's gate decides who may take part.
import type { FastifyPluginAsync } from 'fastify';
import { announceCounts, showSelection } from './page.ts';
import { showProposal } from './proposal.ts';

// The ballot: votes, the ballot page, the district and the validation (H3).
import { participationLimits } from '../../platform/rate-limits.ts';
import { postVote, deleteVote, postMove, postDistrict, postValidate } from './vote-posts.ts';
import { getBallot } from './ballot-page.ts';
import { adminHome, postImport, postRemove, postEnvelopes, postCountsDate } from './admin.ts';

// Results, paper ballots, publication, follow-up and export (H4).
import { onlyRole } from '../../platform/http.ts';
import { showResults, postPublish } from './results.ts';
import { showResultsAdmin, postWinnersMax, postPaperCounts } from './results-admin.ts';
import { exportResultsCsv } from './export.ts';
import { showFollowUpAdmin, postProgress, postMilestone, postMilestoneDone, postMilestoneDelete, postFollowUpdate, postUpdateDelete } from './follow-up.ts';
import { showMilestoneEdit, postMilestoneEdit } from './follow-up-milestone.ts';

/** Anonymous visitors get these pages from the page cache; `query` names what the page reads. */
const cached = (query: string[] = []) => ({ config: { pageCache: { query } } });

export const routes: FastifyPluginAsync = async (app) => {
  // Public pages (H5): the list of the proposals in the vote and a proposal's page.
  announceCounts(app); // cached pages expire when a step's counts become public
  app.get('/:stepId', cached(['q', 'category', 'district', 'status', 'sort', 'page', 'view']), showSelection);
  app.get('/:stepId/proposals/:proposalId', cached(), showProposal);
  // The ballot (H3): votes added, taken back and moved, the district, the validation, the ballot page.
  const vote = { config: participationLimits.vote };
  app.post('/:stepId/votes', vote, postVote);
  app.post('/:stepId/votes/:proposalId/delete', vote, deleteVote);
  app.post('/:stepId/votes/:proposalId/move', vote, postMove);
  app.post('/:stepId/ballot/district', vote, postDistrict);
  app.post('/:stepId/ballot/validate', vote, postValidate);
  app.get('/:stepId/ballot', getBallot);
  // The admin page (H3, administrators only): import, proposals out of the vote, envelopes' budgets, counts' date.
  await app.register(async (admin) => {
    admin.addHook('preHandler', onlyRole('admin'));
    admin.get('/:stepId/admin', adminHome);
    admin.post('/:stepId/admin/import', postImport);
    admin.post('/:stepId/admin/proposals/:proposalId/remove', postRemove);
    admin.post('/:stepId/admin/envelopes', postEnvelopes);
    admin.post('/:stepId/admin/counts', postCountsDate);
  });
  // Results, paper ballots, publication, follow-up and export (H4): the results page is public
  // (its numbers shown once published), the rest is for administrators.
  app.get('/:stepId/results', cached(), showResults);
  await app.register(async (admin) => {
    admin.addHook('preHandler', onlyRole('admin'));
    admin.get('/:stepId/results/admin', showResultsAdmin);
    admin.post('/:stepId/results/winners', postWinnersMax);
    admin.post('/:stepId/results/paper', postPaperCounts);
    admin.post('/:stepId/results/publish', postPublish);
    admin.get('/:stepId/results.csv', exportResultsCsv);
    const followUp = '/:stepId/proposals/:proposalId/follow-up';
    admin.get(followUp, showFollowUpAdmin);
    admin.post(`${followUp}/progress`, postProgress);
    admin.post(`${followUp}/milestones`, postMilestone);
    admin.get(`${followUp}/milestones/:itemId`, showMilestoneEdit);
    admin.post(`${followUp}/milestones/:itemId`, postMilestoneEdit);
    admin.post(`${followUp}/milestones/:itemId/done`, postMilestoneDone);
    admin.post(`${followUp}/milestones/:itemId/delete`, postMilestoneDelete);
    admin.post(`${followUp}/updates`, postFollowUpdate);
    admin.post(`${followUp}/updates/:itemId/delete`, postUpdateDelete);
  });
};
