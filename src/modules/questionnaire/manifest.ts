// The questionnaire step: a form of any length built by administrators with the platform's form
// engine (src/platform/questions), answered page by page with drafts, by accounts or anonymously,
// its results kept as counters (charts, means, majority judgment) and its responses exported.
// Steps of type 'questionnaire' are served at /questionnaire/<step id>.
import type { Manifest } from '../../platform/module.ts';
import { routes } from './routes.ts';
import { fr } from './messages.fr.ts';
import { en } from './messages.en.ts';
import { seed } from './seed.ts';
import { personalData } from './personal-data.ts';
import { SETTINGS } from './rules.ts';

export const manifest: Manifest = {
  slug: 'questionnaire',
  titleKey: 'questionnaire.title',
  prefix: '/questionnaire',
  routes,
  messages: { fr, en },
  step: {
    settings: SETTINGS,
    actions: { answer: { labelKey: 'questionnaire.action.answer' } },
    adminPath: (id) => `/questionnaire/${id}/admin`,
  },
  personalData,
  seed: (ctx) => seed(ctx),
};
