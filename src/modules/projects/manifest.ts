// Projects and their steps: admin lists (themes, districts, groups), projects, steps, the home
// page and project pages. Mounted at the root: it serves `/`, `/projects/...`, `/admin/...`.
import type { Manifest } from '../../platform/module.ts';
import { routes } from './routes.ts';
import { fr } from './messages.fr.ts';
import { en } from './messages.en.ts';
import { seed } from './seed.ts';

export const manifest: Manifest = {
  slug: 'projects',
  titleKey: 'projects.title',
  prefix: '',
  routes,
  messages: { fr, en },
  seed: (ctx) => seed(ctx),
  adminLinks: [
    { href: '/admin/projects', labelKey: 'projects.admin.title' },
    { href: '/admin/themes', labelKey: 'projects.themes.title' },
    { href: '/admin/districts', labelKey: 'projects.districts.title' },
    { href: '/admin/groups', labelKey: 'projects.groups.title' },
  ],
};
