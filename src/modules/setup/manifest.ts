// First-run setup: names the instance and creates its first administrator from a one-time link.
import type { Manifest } from '../../platform/module.ts';
import { routes } from './routes.ts';
import { fr } from './messages.fr.ts';
import { en } from './messages.en.ts';

export const manifest: Manifest = { slug: 'setup', titleKey: 'setup.title', prefix: '/setup', routes, messages: { fr, en } };
