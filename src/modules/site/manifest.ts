// The public shell of the site: legal pages and the administrator's own pages, the header and
// footer menus, language switch and theme stylesheet.
import type { Manifest } from '../../platform/module.ts';
import { routes } from './routes.ts';
import { fr } from './messages.fr.ts';
import { en } from './messages.en.ts';
import { seed } from './seed.ts';

export const manifest: Manifest = { slug: 'site', titleKey: 'site.title', prefix: '', routes, messages: { fr, en }, seed: (ctx) => seed(ctx) };
