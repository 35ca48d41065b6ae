// The projects module's catalogue, split by resource; French is the reference.
import * as lists from './messages-lists.ts';
import * as admin from './messages-admin.ts';
import * as pub from './messages-public.ts';

export const fr = { 'projects.title': 'Projets', ...lists.fr, ...admin.fr, ...pub.fr } as const;

export const en: Record<keyof typeof fr, string> = { 'projects.title': 'Projects', ...lists.en, ...admin.en, ...pub.en };

export const messages = { fr, en };
