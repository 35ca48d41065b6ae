// Public profiles at /users/<id>: who a participant is and what they published.
import type { Manifest } from '../../platform/module.ts';
import { routes } from './routes.ts';
import { fr } from './messages.fr.ts';
import { en } from './messages.en.ts';

export const manifest: Manifest = { slug: 'profiles', titleKey: 'profiles.title', prefix: '/users', routes, messages: { fr, en } };
