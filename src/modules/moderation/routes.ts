// Every route of the moderation, one line each: method, path, options, named handler. Reporting
// is for anyone logged in; the queue, an item's page and the actions for moderators and
// administrators; the log for administrators only. Each POST carries the CSRF token (checked by
// the platform before any handler).
import type { FastifyPluginAsync } from 'fastify';
import { onlyRole } from '../../platform/http.ts';
import { participationLimits } from '../../platform/rate-limits.ts';
import { showReportForm, postReport } from './reports.ts';
import { showQueue } from './queue.ts';
import { showItem, hideItem, restoreItem, trashItem, approveItem, dismissReports, editItem } from './items.ts';
import { showLog } from './log.ts';
import { suspendAuthor, unsuspendAuthor } from './suspensions.ts';

const contribute = { config: participationLimits.contribute };

export const routes: FastifyPluginAsync = async (app) => {
  app.get('/report/:id', showReportForm);
  app.post('/report/:id', contribute, postReport);
  // Moderators and administrators.
  await app.register(async (mod) => {
    mod.addHook('preHandler', onlyRole('moderator'));
    mod.get('/', showQueue);
    mod.get('/items/:id', showItem);
    mod.post('/items/:id/hide', hideItem);
    mod.post('/items/:id/restore', restoreItem);
    mod.post('/items/:id/trash', trashItem);
    mod.post('/items/:id/approve', approveItem);
    mod.post('/items/:id/dismiss', dismissReports);
    mod.post('/items/:id/edit', editItem);
  });
  // Administrators only.
  await app.register(async (admin) => {
    admin.addHook('preHandler', onlyRole('admin'));
    admin.get('/log', showLog);
    admin.post('/items/:id/suspend-author', suspendAuthor);
    admin.post('/items/:id/unsuspend-author', unsuspendAuthor);
  });
};
