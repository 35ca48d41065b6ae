// Every route of the campaigns, one line each: method, path, named handler. All of them are for
// administrators only (deny unless allowed: citizens and moderators get 403, visitors the login).
import type { FastifyPluginAsync } from 'fastify';
import { onlyRole } from '../../platform/http.ts';
import { adminCampaigns, newCampaign, createCampaign, editCampaign, saveCampaign } from './drafts.ts';
import { showCampaign, testCampaign, sendNow, showProgress } from './sending.ts';

export const routes: FastifyPluginAsync = async (app) => {
  app.addHook('preHandler', onlyRole('admin'));
  app.get('/admin/campaigns', adminCampaigns);
  app.get('/admin/campaigns/new', newCampaign);
  app.post('/admin/campaigns', createCampaign);
  app.get('/admin/campaigns/:id', showCampaign);
  app.get('/admin/campaigns/:id/edit', editCampaign);
  app.post('/admin/campaigns/:id', saveCampaign);
  app.post('/admin/campaigns/:id/test', testCampaign);
  app.post('/admin/campaigns/:id/send', sendNow);
  app.get('/admin/campaigns/:id/progress', showProgress);
};
