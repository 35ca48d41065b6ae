// English catalogue of the presentation module: the same keys as messages.fr.ts (the type says so).
import type { fr } from './messages.fr.ts';

export const en: Record<keyof typeof fr, string> = {
  'presentation.title': 'Presentation',
};
