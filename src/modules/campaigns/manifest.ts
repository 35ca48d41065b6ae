// Email campaigns: administrators write an email to a project's participants or to everyone who
// consented to the news, preview it, send a test to themselves, see how many it reaches, then
// send it once through the outbox at a steady pace and follow its progress, at /admin/campaigns.
import type { Manifest } from '../../platform/module.ts';
import { routes } from './routes.ts';
import { fr } from './messages.fr.ts';
import { en } from './messages.en.ts';
import { personalData } from './personal-data.ts';

export const manifest: Manifest = {
  slug: 'campaigns',
  titleKey: 'campaigns.title',
  prefix: '',
  routes,
  messages: { fr, en },
  adminLinks: [{ href: '/admin/campaigns', labelKey: 'campaigns.admin.title' }],
  personalData,
};
