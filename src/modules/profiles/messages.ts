// Catalogue of public profiles: the person, and the list of what they published.
export const fr = {
  'profiles.title': 'Profils publics',
  'profiles.show.joined': 'Inscrit·e depuis le {date}',
  'profiles.show.contributions': 'Contributions publiées',
  'profiles.show.in_project': 'dans « {project} »',
  'profiles.kind.opinion': 'Contribution',
  'profiles.kind.amendment': 'Amendement',
  'profiles.kind.argument': 'Argument',
  'profiles.kind.source': 'Source',
  'profiles.kind.other': 'Participation',
} as const;

export const en: Record<keyof typeof fr, string> = {
  'profiles.title': 'Public profiles',
  'profiles.show.joined': 'Member since {date}',
  'profiles.show.contributions': 'Published contributions',
  'profiles.show.in_project': 'in “{project}”',
  'profiles.kind.opinion': 'Contribution',
  'profiles.kind.amendment': 'Amendment',
  'profiles.kind.argument': 'Argument',
  'profiles.kind.source': 'Source',
  'profiles.kind.other': 'Participation',
};

export const messages = { fr, en };
