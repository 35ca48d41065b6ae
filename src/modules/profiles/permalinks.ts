// Where each kind of contribution lives, keyed by step type and kind: modules that add kinds
// add a line here (the profile page must not import them). Unknown kinds are listed unlinked.
import type { ProfileContribution } from './queries.ts';

type Link = (c: Pick<ProfileContribution, 'id' | 'step_id' | 'parent_id'>) => string;

const item: Link = (c) => `/consultation/${c.step_id}/items/${c.id}`;

const permalinks: Record<string, Link> = {
  'consultation:opinion': item,
  'consultation:amendment': item,
  'consultation:argument': (c) => `/consultation/${c.step_id}/items/${c.parent_id}#argument-${c.id}`,
  'consultation:source': (c) => `/consultation/${c.step_id}/items/${c.parent_id}#source-${c.id}`,
};

export function permalinkOf(c: Pick<ProfileContribution, 'id' | 'step_id' | 'parent_id' | 'kind' | 'step_type'>): string | null {
  const link = permalinks[`${c.step_type}:${c.kind}`];
  return link ? link(c) : null;
}
