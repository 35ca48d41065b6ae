// One-click unsubscribe (RFC 8058) for every email sent to a person about what they follow
// ('notifications') or about the instance's news ('news'): a link in the text and the
// List-Unsubscribe / List-Unsubscribe-Post headers, both to /unsubscribe/<key>/<list>, which
// works without logging in (the notifications module serves it). The key is random, one per
// person, and only ever unsubscribes: it is never a login.
import type { Db } from '../db/open.ts';
import type { Tx } from '../db/write.ts';
import { randomString } from './secrets.ts';

export const LISTS = ['notifications', 'news'] as const;
export type List = (typeof LISTS)[number];

/** The person's key, made on their first email; inside the caller's transaction. */
export function unsubscribeKey(db: Db, tx: Tx, userId: number): string {
  const key = tx.first(db.selectFrom('users').select('unsubscribe_key').where('id', '=', userId))?.unsubscribe_key;
  if (key) return key;
  const made = randomString();
  tx.run(db.updateTable('users').set({ unsubscribe_key: made }).where('id', '=', userId));
  return made;
}

/** The link to put in the email's text, and the headers that let mail clients offer one click. */
export function unsubscribeFor(db: Db, tx: Tx, baseUrl: string, userId: number, list: List): { url: string; headers: Record<string, string> } {
  const url = `${baseUrl}/unsubscribe/${unsubscribeKey(db, tx, userId)}/${list}`;
  return { url, headers: { 'List-Unsubscribe': `<${url}>`, 'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click' } };
}
