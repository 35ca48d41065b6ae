// The presentation step: the smallest step type, a dated page of Markdown text inside a project,
// where nobody takes part. `step: {}` is what makes it a step type: administrators can then add
// steps of this type to projects, served at /<slug>/<step id>. A step where people take part
// starts from the debate instead: docs/new-step.md.
import type { Manifest } from '../../platform/module.ts';
import { routes } from './routes.ts';
import { fr } from './messages.fr.ts';
import { en } from './messages.en.ts';

export const manifest: Manifest = {
  slug: 'presentation',
  titleKey: 'presentation.title', // the name administrators choose from when adding a step
  prefix: '/presentation',
  routes,
  messages: { fr, en },
  // No settings and no admin page of its own: a step's title, dates and body are enough.
  // A module with options declares them here, e.g. { settings: { max_votes: { type: 'integer',
  // default: 3, min: 1, max: 10, labelKey: 'mymodule.settings.max_votes' } } }.
  step: {},
};
