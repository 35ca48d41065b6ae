// Every route of the notifications, one line each: the person's list and their email choice
// (logged in), the follow buttons' posts, and the one-click unsubscribe (no login, no CSRF: the
// key in the address proves the caller, RFC 8058).
import type { FastifyPluginAsync } from 'fastify';
import { openNotification, readAll, showList } from './list.ts';
import { saveSettings, showSettings } from './settings.ts';
import { followTarget, showFollow, unfollowTarget } from './follows.ts';
import { confirmUnsubscribe, postUnsubscribe } from './unsubscribe.ts';

const oneClick = { config: { csrf: false } };

export const routes: FastifyPluginAsync = async (app) => {
  app.get('/notifications', showList);
  app.post('/notifications/read', readAll);
  app.get('/notifications/settings', showSettings);
  app.post('/notifications/settings', saveSettings);
  app.get('/notifications/:id', openNotification);
  app.get('/follow', showFollow);
  app.post('/follow', followTarget);
  app.post('/unfollow', unfollowTarget);
  app.get('/unsubscribe/:key/:list', confirmUnsubscribe);
  app.post('/unsubscribe/:key/:list', oneClick, postUnsubscribe);
};
