// Suspending an account or lifting its suspension, wherever an administrator does it (the
// accounts list, a contribution's moderation page): the account, the end of its sessions and
// the moderation log's row commit together, and nothing is logged when nothing changed.
import type { Db } from '../db/open.ts';
import { write } from '../db/write.ts';
import { deleteUserSessionsQuery } from './sessions.ts';
import { logModeration } from './moderation-log.ts';

export interface Suspension {
  adminId: number;
  userId: number;
  suspend: boolean;
  reason?: string | null;
  now?: string;
}

/** True when the account changed; false when it is erased or already in the asked state. */
export function setSuspended(db: Db, s: Suspension): boolean {
  const now = s.now ?? new Date().toISOString();
  return write(db, (tx) => {
    const q = db.updateTable('users').set({ suspended_at: s.suspend ? now : null }).where('id', '=', s.userId).where('deleted_at', 'is', null);
    const changed = tx.run(s.suspend ? q.where('suspended_at', 'is', null) : q.where('suspended_at', 'is not', null)).changes;
    if (changed === 0) return false;
    if (s.suspend) tx.run(deleteUserSessionsQuery(db, s.userId));
    logModeration(db, tx, { moderatorId: s.adminId, action: s.suspend ? 'suspend' : 'unsuspend', subjectId: s.userId, reason: s.reason || null, now });
    return true;
  });
}
