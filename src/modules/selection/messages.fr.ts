// French catalogue of the selection step (selection.*): the reference.
import { frPages } from './messages-pages.fr.ts';
import { frVotes } from './messages-votes.fr.ts';
import { frResults } from './messages-results.fr.ts';
import { frFollowUp } from './messages-followup.fr.ts';
export const fr = {
  ...frPages,
  'selection.title': 'Vote sur les propositions',
  'selection.action.vote': 'voter pour des propositions',
  'selection.settings.vote_type': 'Type de vote',
  'selection.settings.vote_type.support': 'Soutien : une voix par proposition choisie',
  'selection.settings.vote_type.budget': 'Budget : chaque choix coûte le montant de la proposition',
  'selection.settings.budget': 'Budget de chaque enveloppe, en euros (vote au budget)',
  'selection.settings.votes_max': 'Nombre maximal de votes par personne (0 : sans limite)',
  'selection.settings.votes_min': 'Nombre minimal de votes pour que les votes d’une personne comptent (0 : aucun)',
  'selection.settings.ranked': 'Vote classé : la personne ordonne ses choix, le premier rapporte le plus de points',
  'selection.settings.envelopes': 'Enveloppes',
  'selection.settings.envelopes.none': 'Une seule enveloppe pour toute la collectivité',
  'selection.settings.envelopes.districts': 'Une enveloppe par quartier : on vote dans un seul quartier',
  'selection.settings.envelopes.districts_and_city': 'Une enveloppe par quartier, plus une enveloppe pour toute la collectivité',
  'selection.settings.confirm': 'Les votes comptent quand la personne valide son bulletin',
  'selection.notice.upcoming': 'Le vote ouvrira le {date}.',
  'selection.notice.closed': 'Le vote est terminé.',
  ...frVotes,
  ...frResults,
  ...frFollowUp,
};
