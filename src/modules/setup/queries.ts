// The one write of the setup page: first administrator, instance name, setup mark and token
// use, all in one transaction.
import type { Db } from '../../db/open.ts';
import { write } from '../../db/write.ts';
import { insertUser, adminExists } from '../../platform/users.ts';
import { getSite, forgetSite } from '../../platform/site.ts';
import { useToken } from '../../platform/tokens.ts';

/** Thrown inside the transaction (rolling it back) when another request finished setup first. */
export class SetupAlreadyDone extends Error {}

export function setupDone(db: Db): boolean {
  return adminExists(db) || !!getSite(db).setup_done_at;
}

export interface SetupInput {
  tokenId: string;
  siteName: string;
  email: string;
  displayName: string;
  passwordHash: string;
  locale: string;
}

/** Returns the new administrator's id; throws SetupAlreadyDone, or a UNIQUE violation on email. */
export function completeSetup(db: Db, input: SetupInput, now = new Date()): number {
  const iso = now.toISOString();
  try {
    return write(db, (tx) => {
      // Checked again inside the lock: two setup posts racing must not make two admins.
      const site = tx.first(db.selectFrom('site_settings').select('setup_done_at').where('id', '=', 1));
      if (site?.setup_done_at || adminExists(db)) throw new SetupAlreadyDone();
      if (!useToken(db, tx, input.tokenId, now)) throw new SetupAlreadyDone();
      const userId = insertUser(db, tx, { email: input.email, passwordHash: input.passwordHash, displayName: input.displayName, role: 'admin', locale: input.locale, emailConfirmed: true }, iso);
      tx.run(db.updateTable('site_settings').set({ name: input.siteName, setup_done_at: iso, updated_at: iso }).where('id', '=', 1));
      return userId;
    });
  } finally {
    forgetSite(db);
  }
}
