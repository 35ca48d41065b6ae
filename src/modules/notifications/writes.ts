// The writes of the notifications' pages, each one synchronous transaction with the unread
// counter it moves: marking all read, opening one, following or not, the email choice, and the
// one-click unsubscribe of a key.
import type { Db } from '../../db/open.ts';
import { write } from '../../db/write.ts';
import { follow, unfollow, type Target } from '../../platform/notifications.ts';
import type { List } from '../../platform/unsubscribe.ts';
import type { EmailChoice } from './rules.ts';

// No public page shows notifications, follows or email choices: the page cache stays.
const QUIET = { quiet: true };

/** Every notification of the person read, and the header's count back to 0, together. */
export function markAllRead(db: Db, userId: number, now = new Date().toISOString()): number {
  return write(
    db,
    (tx) => {
      const read = tx.run(db.updateTable('notifications').set({ read_at: now }).where('user_id', '=', userId).where('read_at', 'is', null)).changes;
      tx.run(db.updateTable('users').set({ unread_notifications: 0 }).where('id', '=', userId));
      return read;
    },
    QUIET,
  );
}

/** One notification of the person read; the counter moves only when it really was unread. */
export function markRead(db: Db, userId: number, id: number, now = new Date().toISOString()): boolean {
  return write(
    db,
    (tx) => {
      const read = tx.run(db.updateTable('notifications').set({ read_at: now }).where('id', '=', id).where('user_id', '=', userId).where('read_at', 'is', null)).changes;
      if (read) tx.run(db.updateTable('users').set((eb) => ({ unread_notifications: eb('unread_notifications', '-', 1) })).where('id', '=', userId).where('unread_notifications', '>', 0));
      return read > 0;
    },
    QUIET,
  );
}

/** The wanted state, not a toggle: a double click leaves it as asked. */
export function setFollow(db: Db, userId: number, target: Target, wanted: boolean): void {
  write(db, (tx) => (wanted ? follow(db, tx, userId, target) : unfollow(db, tx, userId, target)), QUIET);
}

export function saveEmailChoice(db: Db, userId: number, choice: EmailChoice): void {
  write(db, (tx) => tx.run(db.updateTable('users').set({ notify_email: choice }).where('id', '=', userId)), QUIET);
}

/** What the key's owner stops receiving: notification emails, or the instance's news. */
export function unsubscribe(db: Db, userId: number, list: List): void {
  write(
    db,
    (tx) => tx.run(db.updateTable('users').set(list === 'notifications' ? { notify_email: 'off' } : { news_consent: 0 }).where('id', '=', userId)),
    QUIET,
  );
}
