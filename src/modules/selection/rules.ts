// Pure rules of the selection step: its settings (the vote's type and limits, set on the step
// form and fixed once the vote has opened, since changing them mid-vote would change ballots
// already cast).
import type { SettingDecl } from '../../platform/module.ts';
import type { Step } from '../../platform/participation.ts';
import { settingsWithDefaults } from '../../platform/step-settings.ts';

export const VOTE_TYPES = ['support', 'budget'] as const;
export type VoteType = (typeof VOTE_TYPES)[number];
/** none: one ballot for the whole step; districts: a person votes in one district's envelope;
 * districts_and_city: in one district's envelope and in the city-wide one. */
export const ENVELOPES = ['none', 'districts', 'districts_and_city'] as const;
export type Envelopes = (typeof ENVELOPES)[number];

export const SETTINGS = {
  vote_type: { type: 'enum', default: 'support', options: VOTE_TYPES, labelKey: 'selection.settings.vote_type', fixedOnceOpen: true },
  budget: { type: 'integer', default: 0, min: 0, max: 1_000_000_000, labelKey: 'selection.settings.budget', fixedOnceOpen: true },
  votes_max: { type: 'integer', default: 0, min: 0, max: 1000, labelKey: 'selection.settings.votes_max', fixedOnceOpen: true },
  votes_min: { type: 'integer', default: 0, min: 0, max: 1000, labelKey: 'selection.settings.votes_min', fixedOnceOpen: true },
  ranked: { type: 'boolean', default: false, labelKey: 'selection.settings.ranked', fixedOnceOpen: true },
  envelopes: { type: 'enum', default: 'none', options: ENVELOPES, labelKey: 'selection.settings.envelopes', fixedOnceOpen: true },
  confirm: { type: 'boolean', default: false, labelKey: 'selection.settings.confirm', fixedOnceOpen: true },
} satisfies Record<string, SettingDecl>;

export interface VoteSettings {
  type: VoteType;
  /** Euros per envelope (budget votes), unless selection_envelopes sets another. */
  budget: number;
  /** 0: no maximum. */
  votesMax: number;
  votesMin: number;
  ranked: boolean;
  envelopes: Envelopes;
  /** Votes count once the person validates the ballot. */
  confirm: boolean;
}

export function voteSettings(step: Pick<Step, 'settings'>): VoteSettings {
  const s = settingsWithDefaults(SETTINGS, step.settings);
  return {
    type: s.vote_type === 'budget' ? 'budget' : 'support',
    budget: Number(s.budget),
    votesMax: Number(s.votes_max),
    votesMin: Number(s.votes_min),
    ranked: s.ranked === true,
    envelopes: (ENVELOPES as readonly unknown[]).includes(s.envelopes) ? (s.envelopes as Envelopes) : 'none',
    confirm: s.confirm === true,
  };
}
