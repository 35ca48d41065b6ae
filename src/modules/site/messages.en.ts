// English catalogue of the site module: the same keys as messages.fr.ts (the type says so).
import type { fr } from './messages.fr.ts';

export const en: Record<keyof typeof fr, string> = {
  'site.title': 'Site',
  'site.retention.title': 'What the site keeps, and for how long',
  'site.retention.intro': 'The Palabre software applies these periods by itself:',
  'site.retention.emails': 'Emails sent (address, name, text) are deleted {days} days after they were sent.',
  'site.retention.sessions': 'A login ends after {days} days, or after {idle} days without a visit.',
  'site.retention.links': 'Links sent by email (confirmation, new password) work once and expire.',
  'site.retention.rights': 'From your account you can download your data or delete your account at any time: your name, address, postal code and district are then erased, and your contributions stay signed “deleted participant”, with nothing tying them together.',
  'site.retention.export': 'download my data',
  'site.retention.delete': 'delete my account',
  'site.page.draft': 'Draft: only administrators can see this page.',
  'site.page.edit': 'Edit this page',
};
