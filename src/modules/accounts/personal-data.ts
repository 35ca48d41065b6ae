// The person's data for GET /account/export (right of access and portability). Each section is
// one function; the JSON file is their results by name, so a new kind of data is one more entry.
import type { Db } from '../../db/open.ts';
import { findAccount, listUserSessions } from './queries.ts';

type Section = (db: Db, userId: number) => unknown;

const iso = (ms: number) => new Date(ms).toISOString();

export const personalDataSections: Record<string, Section> = {
  // Every column of the account except the password hash.
  account: (db, userId) => {
    const a = findAccount(db, userId);
    if (!a) return null;
    return {
      email: a.email,
      display_name: a.display_name,
      role: a.role,
      locale: a.locale,
      news_consent: a.news_consent === 1,
      terms_accepted_at: a.terms_accepted_at,
      email_confirmed_at: a.email_confirmed_at,
      created_at: a.created_at,
    };
  },
  // Dates only: session identifiers are secrets of their own.
  sessions: (db, userId) => listUserSessions(db, userId).map((s) => ({ created_at: iso(s.created_at), last_seen_at: iso(s.last_seen_at) })),
};

export function exportPersonalData(db: Db, userId: number, now = new Date()): Record<string, unknown> {
  const data: Record<string, unknown> = { exported_at: now.toISOString() };
  for (const [name, section] of Object.entries(personalDataSections)) data[name] = section(db, userId);
  return data;
}
