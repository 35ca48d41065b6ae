// The consultation step ("Parlement & Citoyens"): a draft text in sections that citizens vote
// on, comment, amend and argue about. Steps of type 'consultation' are served at /consultation/<id>.
import type { Manifest } from '../../platform/module.ts';
import { routes } from './routes.ts';
import { fr, en } from './messages.ts';
import { frAdmin, enAdmin } from './messages-admin.ts';
import { frDebate, enDebate } from './messages-debate.ts';
import { seed } from './seed.ts';
import { personalData } from './personal-data.ts';

export const manifest: Manifest = {
  slug: 'consultation',
  titleKey: 'consultation.title',
  prefix: '/consultation',
  routes,
  messages: { fr: { ...fr, ...frAdmin, ...frDebate }, en: { ...en, ...enAdmin, ...enDebate } },
  step: { adminPath: (id) => `/consultation/${id}/admin` },
  personalData,
  seed: (ctx) => seed(ctx),
};
