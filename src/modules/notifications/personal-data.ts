// What the notifications keep about a person: what they follow and the notifications they
// received (the `follows` and `notifications` tables are the platform's, written by every
// module; this module shows and exports them). Erasure deletes both: they only say what the
// person was interested in, and no public count is made of them.
import type { PersonalData } from '../../platform/module.ts';
import { readSync } from '../../db/write.ts';

export const personalData: PersonalData = {
  // The tables are the platform's (no `notifications_` prefix): platform/personal-data.ts
  // declares them; this module only exports and erases their rows.
  tables: [],
  export(db, userId) {
    const r = readSync(db);
    return {
      email_choice: r.first(db.selectFrom('users').select('notify_email').where('id', '=', userId))?.notify_email ?? null,
      follows: r.all(db.selectFrom('follows').select(['target_kind', 'target_id', 'created_at']).where('user_id', '=', userId).orderBy('created_at')),
      notifications: r.all(
        db.selectFrom('notifications').select(['kind', 'project_id', 'step_id', 'contribution_id', 'created_at', 'read_at']).where('user_id', '=', userId).orderBy('id'),
      ),
    };
  },
  erase(db, tx, userId) {
    tx.run(db.deleteFrom('follows').where('user_id', '=', userId));
    tx.run(db.deleteFrom('notifications').where('user_id', '=', userId));
    // The unsubscribe key named the person; the emptied account has nothing left to stop.
    tx.run(db.updateTable('users').set({ unread_notifications: 0, unsubscribe_key: null }).where('id', '=', userId));
  },
};
