// Moderation (issue 8): anyone logged in reports a contribution of any module, moderators get
// one email per reported item and a queue (reported, and pre-moderated contributions waiting),
// and hide, restore, trash, approve, dismiss or edit out personal data; every action is logged
// for administrators. Each module moves its own copies and counters through its kinds'
// onStatusChange hook. Served at /moderation.
import type { Manifest } from '../../platform/module.ts';
import { routes } from './routes.ts';
import { fr } from './messages.fr.ts';
import { en } from './messages.en.ts';
import { personalData } from './personal-data.ts';

export const manifest: Manifest = {
  slug: 'moderation',
  titleKey: 'moderation.title',
  prefix: '/moderation',
  routes,
  messages: { fr, en },
  adminLinks: [
    { href: '/moderation', labelKey: 'moderation.admin_link.queue' },
    { href: '/moderation/log', labelKey: 'moderation.admin_link.log' },
  ],
  personalData,
};
