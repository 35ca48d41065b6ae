// The presentation step's strings; keys start with the module slug. French is the reference.
export const fr = {
  'presentation.title': 'Présentation',
} as const;

export const en: Record<keyof typeof fr, string> = {
  'presentation.title': 'Presentation',
};

export const messages = { fr, en };
