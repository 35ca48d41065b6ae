// Accounts: registration, email confirmation, login and logout, password reset, and the
// person's own pages (profile, email, password, data export, deletion). Mounted at the root.
import type { Manifest } from '../../platform/module.ts';
import { routes } from './routes.ts';
import { fr } from './messages.fr.ts';
import { en } from './messages.en.ts';

export const manifest: Manifest = { slug: 'accounts', titleKey: 'accounts.title', prefix: '', routes, messages: { fr, en } };
