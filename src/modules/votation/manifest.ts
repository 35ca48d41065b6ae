// The votation step: one or more questions (single choice, approval, majority judgment, ranked)
// answered by secret ballot, by accounts or by the holders of an electoral roll's access codes;
// turnout while open, then results, the ballot file and its hash. Served at /votation/<step id>.
import type { Manifest } from '../../platform/module.ts';
import { routes } from './routes.ts';
import { fr } from './messages.fr.ts';
import { en } from './messages.en.ts';
import { personalData } from './personal-data.ts';
import { seed } from './seed.ts';
import { SETTINGS } from './rules.ts';

export const manifest: Manifest = {
  slug: 'votation',
  titleKey: 'votation.title',
  prefix: '/votation',
  routes,
  messages: { fr, en },
  step: {
    settings: SETTINGS,
    actions: { vote: { labelKey: 'votation.action.vote' } },
    adminPath: (id) => `/votation/${id}/admin`,
    resultsAtClose: true,
  },
  personalData,
  seed: (ctx) => seed(ctx),
};
