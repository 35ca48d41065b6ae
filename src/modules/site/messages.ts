export const fr = {
  'site.title': 'Site',
} as const;

export const en: Record<keyof typeof fr, string> = {
  'site.title': 'Site',
};

export const messages = { fr, en };
