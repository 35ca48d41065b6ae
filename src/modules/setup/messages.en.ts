// English catalogue of the setup module: the same keys as messages.fr.ts (the type says so).
import type { fr } from './messages.fr.ts';

export const en: Record<keyof typeof fr, string> = {
  'setup.title': 'Setup',
  'setup.form.title': 'Set up Palabre',
  'setup.form.intro': 'Welcome! Give the platform a name and create the account of the first person who will administer it.',
  'setup.form.site_legend': 'The platform',
  'setup.form.site_name': 'Name of the local authority or platform',
  'setup.form.site_name_hint': 'For example: Ville de Rezé. It appears at the top of every page.',
  'setup.form.admin_legend': 'The administrator account',
  'setup.form.email': 'Email address',
  'setup.form.display_name': 'Display name',
  'setup.form.display_name_hint': 'The name your actions appear under, for example “Local democracy department”.',
  'setup.form.password': 'Password',
  'setup.form.password_hint': 'At least 8 characters. A phrase of several words is easy to remember and hard to guess.',
  'setup.form.demo': 'Load demonstration content (fictional projects and contributions, to delete before opening to the public)',
  'setup.form.submit': 'Finish setup',
  'setup.errors.invalid_link': 'This setup link is not valid. Use the link printed in the console when the server starts.',
  'setup.errors.used_link': 'This setup link has already been used.',
  'setup.errors.already_done': 'Setup is already done: log in with the administrator account.',
  'setup.errors.email_taken': 'An account already uses this email address.',
  'setup.flash.done': 'Setup is done. Welcome to the administration of the platform.',
  'setup.flash.done_with_demo': 'Setup is done and the demonstration content has been loaded.',
  'setup.flash.demo_failed': 'Setup is done, but the demonstration content could not be loaded (see the server log).',
};
