// French catalogue of the profiles module: the reference. Keys start with the module's slug.
export const fr = {
  'profiles.title': 'Profils publics',
  'profiles.show.joined': 'Inscrit·e depuis le {date}',
  'profiles.show.contributions': 'Contributions publiées',
  'profiles.show.in_project': 'dans « {project} »',
  'profiles.kind.other': 'Participation',
} as const;
