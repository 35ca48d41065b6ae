// The debate step: a question (the step's title) with two sides. People vote for or against and
// give at most one argument per side; arguments can be marked useful; the administrator adds two
// invited opinions and, after the close, a conclusion. Steps of type 'debate' are served at
// /debate/<step id>. The example docs/new-step.md copies: the smallest module that takes part.
import type { Manifest } from '../../platform/module.ts';
import { routes } from './routes.ts';
import { fr } from './messages.fr.ts';
import { en } from './messages.en.ts';
import { seed } from './seed.ts';
import { personalData } from './personal-data.ts';
import { SETTINGS } from './rules.ts';
import { onArgumentStatusChange } from './writes.ts';

export const manifest: Manifest = {
  slug: 'debate',
  titleKey: 'debate.title',
  prefix: '/debate',
  routes,
  messages: { fr, en },
  step: {
    settings: SETTINGS,
    // Requirements can be set per action on the step form (a postal code to vote, not to argue).
    actions: {
      vote: { labelKey: 'debate.action.vote' },
      contribute: { labelKey: 'debate.action.contribute' },
    },
    adminPath: (id) => `/debate/${id}/admin`,
  },
  contributions: {
    // Its own page, so the link works whatever the sort and page of the columns.
    argument: { labelKey: 'debate.kind.argument', permalink: (c) => `/debate/${c.step_id}/arguments/${c.id}`, onStatusChange: onArgumentStatusChange },
  },
  personalData,
  seed: (ctx) => seed(ctx),
};
