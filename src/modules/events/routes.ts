// Every route of the events, one line each: method, path, options, named handler. Mounted at the
// root: the public pages under /events, the back office under /admin/events behind onlyRole('admin').
import type { FastifyPluginAsync } from 'fastify';
import { onlyRole } from '../../platform/http.ts';
import { listEventsPage, showEvent } from './public.ts';
import { eventIcs, eventsFeed } from './ical.ts';
import { cancelRegistration, registerForEvent } from './registration.ts';
import { adminEvents, newEvent, createEvent, editEvent, saveEvent, confirmDeleteEvent, removeEvent, eventRegistrations } from './admin.ts';
import { rememberApp } from './emails.ts';

/** Anonymous visitors get these pages from the page cache; `query` names what the page reads. */
const cached = (query: string[] = []) => ({ config: { pageCache: { query } } });

export const routes: FastifyPluginAsync = async (app) => {
  rememberApp(app);
  app.get('/events', cached(['project', 'page']), listEventsPage);
  app.get('/events/feed.ics', eventsFeed);
  app.get('/events/:slug.ics', eventIcs);
  app.get('/events/:slug', cached(), showEvent);
  app.post('/events/:slug/registration', registerForEvent);
  app.post('/events/:slug/registration/cancel', cancelRegistration);
  // Administrators only.
  await app.register(async (admin) => {
    admin.addHook('preHandler', onlyRole('admin'));
    admin.get('/admin/events', adminEvents);
    admin.get('/admin/events/new', newEvent);
    admin.post('/admin/events', createEvent);
    admin.get('/admin/events/:id/edit', editEvent);
    admin.post('/admin/events/:id', saveEvent);
    admin.get('/admin/events/:id/registrations', eventRegistrations);
    admin.get('/admin/events/:id/delete', confirmDeleteEvent);
    admin.post('/admin/events/:id/delete', removeEvent);
  });
};
