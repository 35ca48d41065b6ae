// The back office: the instance's identity, legal pages and accounts, for administrators only.
import type { Manifest } from '../../platform/module.ts';
import { routes } from './routes.ts';
import { fr } from './messages.fr.ts';
import { en } from './messages.en.ts';

export const manifest: Manifest = {
  slug: 'admin',
  titleKey: 'admin.title',
  prefix: '/admin',
  routes,
  messages: { fr, en },
  adminLinks: [
    { href: '/admin/settings', labelKey: 'admin.dashboard.settings' },
    { href: '/admin/pages', labelKey: 'admin.dashboard.pages' },
    { href: '/admin/users', labelKey: 'admin.dashboard.users' },
  ],
};
