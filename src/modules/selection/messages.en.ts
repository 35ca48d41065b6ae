// English catalogue of the selection step (selection.*).
import type { fr } from './messages.fr.ts';
import { enPages } from './messages-pages.en.ts';
import { enVotes } from './messages-votes.en.ts';
import { enResults } from './messages-results.en.ts';
import { enFollowUp } from './messages-followup.en.ts';

export const en: Record<keyof typeof fr, string> = {
  ...enPages,
  'selection.title': 'Vote on proposals',
  'selection.action.vote': 'vote for proposals',
  'selection.settings.vote_type': 'Type of vote',
  'selection.settings.vote_type.support': 'Support: one vote per chosen proposal',
  'selection.settings.vote_type.budget': 'Budget: each choice costs the proposal’s amount',
  'selection.settings.budget': 'Budget of each envelope, in euros (budget votes)',
  'selection.settings.votes_max': 'Maximum number of votes per person (0: no limit)',
  'selection.settings.votes_min': 'Minimum number of votes for a person’s votes to count (0: none)',
  'selection.settings.ranked': 'Ranked vote: people order their choices, the first earns the most points',
  'selection.settings.envelopes': 'Envelopes',
  'selection.settings.envelopes.none': 'One envelope for the whole community',
  'selection.settings.envelopes.districts': 'One envelope per district: people vote in one district',
  'selection.settings.envelopes.districts_and_city': 'One envelope per district, plus one for the whole community',
  'selection.settings.confirm': 'Votes count once the person validates their ballot',
  'selection.notice.upcoming': 'Voting opens on {date}.',
  'selection.notice.closed': 'Voting has ended.',
  ...enVotes,
  ...enResults,
  ...enFollowUp,
};
