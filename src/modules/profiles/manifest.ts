// Public profiles at /users/<id>: who a participant is and what they published.
import type { Manifest } from '../../platform/module.ts';
import { routes } from './routes.ts';
import { messages } from './messages.ts';

export const manifest: Manifest = { slug: 'profiles', titleKey: 'profiles.title', prefix: '/users', routes, messages };
