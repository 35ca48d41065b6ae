// Catalogue of the public pages: home list, project page, step states, requirements.
export const fr = {
  'projects.state.upcoming': 'À venir',
  'projects.state.open': 'En cours',
  'projects.state.closed': 'Terminé',
} as const;

export const en: Record<keyof typeof fr, string> = {
  'projects.state.upcoming': 'Upcoming',
  'projects.state.open': 'Open',
  'projects.state.closed': 'Closed',
};
