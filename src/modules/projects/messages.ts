// The projects module's catalogue, split by resource; French is the reference.
import * as lists from './messages-lists.ts';

export const fr = { 'projects.title': 'Projets', ...lists.fr } as const;

export const en: Record<keyof typeof fr, string> = { 'projects.title': 'Projects', ...lists.en };

export const messages = { fr, en };
