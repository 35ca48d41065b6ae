// The collect step: idea boxes, calls for projects and budget submissions. Citizens submit
// proposals (contributions of kind 'proposal' with a reference number, a category, a district,
// an address, an estimated cost and answers to the step's custom questions), save drafts, edit
// and delete them while the step is open; everyone lists, filters, searches and comments them.
// Steps of type 'collect' are served at /collect/<step id>.
import type { Manifest } from '../../platform/module.ts';
import { routes } from './routes.ts';
import { fr } from './messages.fr.ts';
import { en } from './messages.en.ts';
import { seed } from './seed.ts';
import { personalData } from './personal-data.ts';
import { sweepJob } from './media.ts';
import { SETTINGS, commentsOn } from './rules.ts';
import { onProposalStatusChange } from './writes.ts';

export const manifest: Manifest = {
  slug: 'collect',
  titleKey: 'collect.title',
  prefix: '/collect',
  routes,
  messages: { fr, en },
  step: {
    settings: SETTINGS,
    actions: { contribute: { labelKey: 'collect.action.contribute' } },
    adminPath: (id) => `/collect/${id}/admin`,
  },
  contributions: {
    // Its own page, so the link works whatever the filters, sort and page of the list.
    proposal: { labelKey: 'collect.kind.proposal', permalink: (c) => `/collect/${c.step_id}/proposals/${c.id}`, comments: commentsOn, onStatusChange: onProposalStatusChange },
  },
  personalData,
  jobs: [sweepJob],
  seed: (ctx) => seed(ctx),
};
