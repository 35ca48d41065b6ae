// The consultation step ("Parlement & Citoyens"): a draft text in sections that citizens vote
// on, comment, amend and argue about. Steps of type 'consultation' are served at /consultation/<id>.
import type { Manifest } from '../../platform/module.ts';
import { routes } from './routes.ts';
import { fr } from './messages.fr.ts';
import { en } from './messages.en.ts';
import { seed } from './seed.ts';
import { personalData } from './personal-data.ts';

const item = (stepId: number, id: number) => `/consultation/${stepId}/items/${id}`;

export const manifest: Manifest = {
  slug: 'consultation',
  titleKey: 'consultation.title',
  prefix: '/consultation',
  routes,
  messages: { fr, en },
  step: {
    actions: {
      contribute: { labelKey: 'consultation.action.contribute' },
      vote: { labelKey: 'consultation.action.vote' },
    },
    adminPath: (id) => `/consultation/${id}/admin`,
  },
  contributions: {
    opinion: { labelKey: 'consultation.kind.opinion', permalink: (c) => item(c.step_id, c.id) },
    amendment: { labelKey: 'consultation.kind.amendment', permalink: (c) => item(c.step_id, c.id) },
    argument: { labelKey: 'consultation.kind.argument', permalink: (c) => `${item(c.step_id, c.parent_id!)}#argument-${c.id}` },
    source: { labelKey: 'consultation.kind.source', permalink: (c) => `${item(c.step_id, c.parent_id!)}#source-${c.id}` },
  },
  personalData,
  seed: (ctx) => seed(ctx),
};
