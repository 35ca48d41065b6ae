// Events: public meetings, workshops, voting booths, for the whole site or attached to a project,
// with a place or an online link and an optional registration with a capacity and a waiting list.
// The list at /events, an event at /events/<slug> (and its .ics), a calendar feed, a panel on
// project pages; administrators manage them at /admin/events.
import type { Manifest } from '../../platform/module.ts';
import { routes } from './routes.ts';
import { fr } from './messages.fr.ts';
import { en } from './messages.en.ts';
import { eventsPanel } from './panel.ts';
import { personalData } from './personal-data.ts';
import { seed } from './seed.ts';

export const manifest: Manifest = {
  slug: 'events',
  titleKey: 'events.title',
  prefix: '',
  routes,
  messages: { fr, en },
  adminLinks: [{ href: '/admin/events', labelKey: 'events.admin.title' }],
  projectPanels: [eventsPanel],
  personalData,
  seed: (ctx) => seed(ctx),
};
