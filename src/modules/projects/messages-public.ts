// Catalogue of the public pages: home list, project page, step states, requirements.
export const fr = {
  'projects.state.upcoming': 'À venir',
  'projects.state.open': 'En cours',
  'projects.state.closed': 'Terminé',
  'projects.breadcrumb': 'Fil d’Ariane',
  'projects.dates.from_to': 'Du {start} au {end}',
  'projects.dates.from': 'À partir du {start}',
  'projects.dates.until': 'Jusqu’au {end}',
  'projects.dates.none': 'Sans date limite',
} as const;

export const en: Record<keyof typeof fr, string> = {
  'projects.state.upcoming': 'Upcoming',
  'projects.state.open': 'Open',
  'projects.state.closed': 'Closed',
  'projects.breadcrumb': 'Breadcrumb',
  'projects.dates.from_to': 'From {start} to {end}',
  'projects.dates.from': 'From {start}',
  'projects.dates.until': 'Until {end}',
  'projects.dates.none': 'No time limit',
};
