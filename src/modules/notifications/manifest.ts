// Follows and notifications: the person's list at /notifications with the header's unread
// count, their choice of emails (right away, a daily digest, never), the follow buttons of
// projects, steps and contributions, the emails through the outbox with a one-click unsubscribe,
// and the reminders when a step opens or its results are out. Modules write follows and
// notifications inside their own writes (platform/notifications.ts); this module shows them.
import type { Manifest } from '../../platform/module.ts';
import { routes } from './routes.ts';
import { fr } from './messages.fr.ts';
import { en } from './messages.en.ts';
import { personalData } from './personal-data.ts';
import { jobs } from './jobs.ts';

export const manifest: Manifest = {
  slug: 'notifications',
  titleKey: 'notifications.title',
  // Its pages are /notifications, /follow, /unfollow and /unsubscribe: mounted at the root.
  prefix: '',
  routes,
  messages: { fr, en },
  jobs,
  personalData,
};
