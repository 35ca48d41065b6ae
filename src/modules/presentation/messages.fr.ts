// French catalogue of the presentation module: the reference. Keys start with the module's slug.
export const fr = {
  'presentation.title': 'Présentation',
} as const;
