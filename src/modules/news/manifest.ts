// News posts: instance-wide or attached to a project, with a Markdown body, an optional image and
// a publication date (scheduled posts appear on their date). The list at /news, a post at
// /news/<slug>, an Atom feed, a panel on project pages; administrators write them at /admin/news.
import type { Manifest } from '../../platform/module.ts';
import { routes } from './routes.ts';
import { fr } from './messages.fr.ts';
import { en } from './messages.en.ts';
import { seed } from './seed.ts';
import { newsPanel } from './panel.ts';

export const manifest: Manifest = {
  slug: 'news',
  titleKey: 'news.title',
  prefix: '',
  routes,
  messages: { fr, en },
  adminLinks: [{ href: '/admin/news', labelKey: 'news.admin.title' }],
  projectPanels: [newsPanel],
  // News stores nothing about a person: no personalData.
  seed: (ctx) => seed(ctx),
};
