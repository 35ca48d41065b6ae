// The selection step: the proposals of a collect step brought into a vote. People support them,
// or spend a budget on them, within the step's limits (a maximum and a minimum of votes, envelopes
// per district, a ranked ballot, a ballot to validate); staff add paper ballots; the results name
// the winners per envelope, and the winners' realisation is followed. Steps of type 'selection'
// are served at /selection/<step id>.
// It works on the collect module's proposals (tables collect_proposals and contributions), read
// through the database, never through the collect module's code: keep both modules enabled.
import type { Manifest } from '../../platform/module.ts';
import { routes } from './routes.ts';
import { fr } from './messages.fr.ts';
import { en } from './messages.en.ts';
import { personalData } from './personal-data.ts';
import { withResultsData } from './personal-data-results.ts';
import { SETTINGS } from './rules.ts';
import { seed } from './seed.ts';

export const manifest: Manifest = {
  slug: 'selection',
  titleKey: 'selection.title',
  prefix: '/selection',
  routes,
  messages: { fr, en },
  step: {
    settings: SETTINGS,
    actions: { vote: { labelKey: 'selection.action.vote' } },
    adminPath: (id) => `/selection/${id}/admin`,
  },
  personalData: withResultsData(personalData),
  seed: (ctx) => seed(ctx),
};
