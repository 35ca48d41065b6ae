// The consultation step ("Parlement & Citoyens"): a draft text in sections that citizens vote
// on, comment, amend and argue about. Steps of type 'consultation' are served at /consultation/<id>.
import type { Manifest } from '../../platform/module.ts';
import { routes } from './routes.ts';
import { fr } from './messages.fr.ts';
import { en } from './messages.en.ts';
import { seed } from './seed.ts';
import { personalData } from './personal-data.ts';
import { SETTINGS, commentsOn } from './rules.ts';
import { onStatusChange } from './moderation.ts';

const item = (stepId: number, id: number) => `/consultation/${stepId}/items/${id}`;

export const manifest: Manifest = {
  slug: 'consultation',
  titleKey: 'consultation.title',
  prefix: '/consultation',
  routes,
  messages: { fr, en },
  step: {
    settings: SETTINGS,
    actions: {
      contribute: { labelKey: 'consultation.action.contribute' },
      vote: { labelKey: 'consultation.action.vote' },
      comment: { labelKey: 'consultation.action.comment' },
    },
    adminPath: (id) => `/consultation/${id}/admin`,
    // Its results are the votes and texts as they stand at the close.
    resultsAtClose: true,
  },
  contributions: {
    opinion: { labelKey: 'consultation.kind.opinion', permalink: (c) => item(c.step_id, c.id), comments: commentsOn, onStatusChange },
    amendment: { labelKey: 'consultation.kind.amendment', permalink: (c) => item(c.step_id, c.id), comments: commentsOn, onStatusChange },
    argument: { labelKey: 'consultation.kind.argument', permalink: (c) => `${item(c.step_id, c.parent_id!)}#argument-${c.id}`, onStatusChange },
    source: { labelKey: 'consultation.kind.source', permalink: (c) => `${item(c.step_id, c.parent_id!)}#source-${c.id}`, onStatusChange },
  },
  personalData,
  seed: (ctx) => seed(ctx),
};
