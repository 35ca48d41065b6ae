// The consultation step ("Parlement & Citoyens"): a draft text in sections that citizens vote
// on, comment, amend and argue about. Steps of type 'consultation' are served at /consultation/<id>.
import type { Manifest } from '../../platform/module.ts';
import { routes } from './routes.ts';
import { fr } from './messages.fr.ts';
import { en } from './messages.en.ts';
import { seed } from './seed.ts';
import { personalData } from './personal-data.ts';

export const manifest: Manifest = {
  slug: 'consultation',
  titleKey: 'consultation.title',
  prefix: '/consultation',
  routes,
  messages: { fr, en },
  step: { adminPath: (id) => `/consultation/${id}/admin` },
  personalData,
  seed: (ctx) => seed(ctx),
};
