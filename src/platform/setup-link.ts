// The first-run link printed by `palabre serve`: while no administrator exists and setup is not
// done, each start issues a fresh 'setup' token (valid until used) and returns its address.
import type { Db } from '../db/open.ts';
import { write } from '../db/write.ts';
import { adminExists } from './users.ts';
import { getSite } from './site.ts';
import { issueToken } from './tokens.ts';

export function setupLinkIfNeeded(db: Db, baseUrl: string): string | null {
  if (adminExists(db) || getSite(db).setup_done_at) return null;
  const token = write(db, (tx) => {
    // Only the newest link works: links printed at earlier starts may sit in old logs.
    tx.run(db.deleteFrom('one_time_tokens').where('purpose', '=', 'setup').where('used_at', 'is', null));
    return issueToken(db, tx, 'setup', null);
  });
  return `${baseUrl.replace(/\/+$/, '')}/setup?token=${encodeURIComponent(token)}`;
}
