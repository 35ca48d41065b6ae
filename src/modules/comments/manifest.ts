// Comments on the contributions of any module that takes them (its manifest's
// `contributions[kind].comments(step)`, e.g. a consultation step setting): one level of
// replies, "useful" marks, sorts, pages without counting rows, officials' badge. A comment is a
// contribution of kind 'comment' in the commented contribution's step; this module provides no
// step type, so it owns the kind in every step (platform/contributions.ts kindOf).
import type { Manifest } from '../../platform/module.ts';
import { routes } from './routes.ts';
import { fr } from './messages.fr.ts';
import { en } from './messages.en.ts';
import { onStatusChange } from './writes.ts';
import { personalData } from './personal-data.ts';

export const manifest: Manifest = {
  slug: 'comments',
  titleKey: 'comments.title',
  prefix: '/comments',
  routes,
  messages: { fr, en },
  contributions: {
    comment: {
      labelKey: 'comments.kind.comment',
      // parent_id is the commented contribution; a reply's page is its comment's.
      permalink: (c) => `/comments/${c.parent_id}/${c.id}#comment-${c.id}`,
      onStatusChange(db, tx, c, from, to) {
        const step = tx.first(db.selectFrom('steps').select(['id', 'project_id', 'premoderation']).where('id', '=', c.step_id));
        if (step) onStatusChange(db, tx, step, c.id, from, to);
      },
    },
  },
  personalData,
};
