// English catalogue of the profiles module: the same keys as messages.fr.ts (the type says so).
import type { fr } from './messages.fr.ts';

export const en: Record<keyof typeof fr, string> = {
  'profiles.title': 'Public profiles',
  'profiles.show.joined': 'Member since {date}',
  'profiles.show.contributions': 'Published contributions',
  'profiles.show.in_project': 'in “{project}”',
  'profiles.kind.other': 'Participation',
};
