// English catalogue of a winner's follow-up after publication, typed after the French reference.
import type { frFollowUp } from './messages-followup.fr.ts';

export const enFollowUp: Record<keyof typeof frFollowUp, string> = {
  'selection.follow_up.move.up': 'Move the milestone “{title}” up',
  'selection.follow_up.move.down': 'Move the milestone “{title}” down',
  'selection.follow_up.error.bad_direction': 'Invalid request: a milestone moves up or down.',
  'selection.follow_up.flash.milestone_moved': 'The milestone is moved.',
  'selection.follow_up.update.edit': 'Edit the news “{title}”',
  'selection.follow_up.update.edit_title': 'Edit the news “{title}”',
  'selection.follow_up.update.edit_hint': 'Published on {date}. A correction sends no new email to the people following the proposal; the page shows when it was edited.',
  'selection.follow_up.update.save': 'Save the news',
  'selection.follow_up.update.delete_title': 'Delete the news “{title}”?',
  'selection.follow_up.update.delete_warning': 'The news “{title}”, published on {date}, will disappear from the proposal’s page. Deleting it cannot be undone.',
  'selection.follow_up.update.delete_confirm': 'Delete for good',
  'selection.follow_up.flash.update_saved': 'The news is saved. No email is sent for a correction.',
  'selection.follow_up.edited': 'edited on {date}',
};
