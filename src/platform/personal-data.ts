// What Palabre stores about a person, for the right of access (the JSON export) and the right
// to erasure. The platform declares its own tables here; each module declares its own in its
// manifest (`personalData`), and a test fails when a table referencing users is declared by
// nobody. Erasure empties the account row and deletes what identifies or links the person;
// rows that keep public counts right (votes, "useful" marks, participations) stay, tied to an
// account that no longer says who it was, and contributions stay under "deleted participant".
import type { Db } from '../db/open.ts';
import type { Tx } from '../db/write.ts';
import { readSync } from '../db/write.ts';
import type { Manifest, PersonalData } from './module.ts';

const iso = (ms: number) => new Date(ms).toISOString();

export const platformPersonalData: PersonalData = {
  tables: ['users', 'sessions', 'one_time_tokens', 'mail_outbox', 'contributions', 'project_participants', 'step_checkbox_acceptances', 'user_group_members', 'follows', 'notifications'],
  export(db, userId) {
    const r = readSync(db);
    const a = r.first(
      db
        .selectFrom('users as u')
        .leftJoin('districts as d', 'd.id', 'u.district_id')
        .select(['u.email', 'u.display_name', 'u.role', 'u.locale', 'u.news_consent', 'u.terms_accepted_at', 'u.email_confirmed_at', 'u.created_at', 'u.postal_code', 'd.name as district'])
        .where('u.id', '=', userId)
        .where('u.deleted_at', 'is', null),
    );
    if (!a) return {};
    return {
      // Every column of the account but the password hash.
      account: { ...a, news_consent: a.news_consent === 1 },
      // Dates only: session identifiers are secrets of their own.
      sessions: r
        .all(db.selectFrom('sessions').select(['created_at', 'last_seen_at']).where('user_id', '=', userId).orderBy('created_at'))
        .map((s) => ({ created_at: iso(s.created_at), last_seen_at: iso(s.last_seen_at) })),
      // Links sent and not yet used or expired (their secrets stay secret).
      pending_links: r.all(db.selectFrom('one_time_tokens').select(['purpose', 'created_at', 'expires_at']).where('user_id', '=', userId).where('used_at', 'is', null)),
      // Subjects and dates: the texts hold one-time links that must not travel in a file.
      emails: r.all(db.selectFrom('mail_outbox').select(['subject', 'created_at', 'sent_at']).where('to_address', '=', a.email ?? '').orderBy('id')),
      contributions: r.all(
        db
          .selectFrom('contributions as c')
          .innerJoin('steps as s', 's.id', 'c.step_id')
          .innerJoin('projects as p', 'p.id', 's.project_id')
          .select(['c.id', 'c.kind', 'c.status', 'c.parent_id', 'c.title', 'c.body_md as text', 'c.created_at', 'c.edited_at', 's.id as step_id', 's.title as step', 'p.title as project'])
          .where('c.author_id', '=', userId)
          .orderBy('c.id'),
      ),
      projects_taken_part_in: r
        .all(db.selectFrom('project_participants as pp').innerJoin('projects as p', 'p.id', 'pp.project_id').select('p.title').where('pp.user_id', '=', userId).orderBy('p.title'))
        .map((p) => p.title),
      statements_accepted: r.all(
        db
          .selectFrom('step_checkbox_acceptances as a')
          .innerJoin('steps as s', 's.id', 'a.step_id')
          .select(['s.title as step', 's.require_checkbox_label as statement', 'a.accepted_at'])
          .where('a.user_id', '=', userId),
      ),
      groups: r
        .all(db.selectFrom('user_group_members as m').innerJoin('user_groups as g', 'g.id', 'm.group_id').select('g.name').where('m.user_id', '=', userId).orderBy('g.name'))
        .map((g) => g.name),
    };
  },
  erase(db, tx, userId) {
    const email = tx.first(db.selectFrom('users').select('email').where('id', '=', userId))?.email;
    if (email) tx.run(db.deleteFrom('mail_outbox').where('to_address', '=', email));
    tx.run(db.deleteFrom('one_time_tokens').where('user_id', '=', userId));
    tx.run(db.deleteFrom('sessions').where('user_id', '=', userId));
    tx.run(db.deleteFrom('step_checkbox_acceptances').where('user_id', '=', userId));
    tx.run(db.deleteFrom('user_group_members').where('user_id', '=', userId));
    tx.run(
      db
        .updateTable('users')
        .set({ email: null, password_hash: null, display_name: null, news_consent: 0, postal_code: null, district_id: null, deleted_at: new Date().toISOString() })
        .where('id', '=', userId)
        .where('deleted_at', 'is', null),
    );
  },
};

function declarations(manifests: readonly Manifest[]): PersonalData[] {
  return [platformPersonalData, ...manifests.flatMap((m) => (m.personalData ? [m.personalData] : []))];
}

/** Everything the person gave, platform first, then each module's part under its slug. */
export function exportPersonalData(db: Db, manifests: readonly Manifest[], userId: number, now = new Date()): Record<string, unknown> {
  const data: Record<string, unknown> = { exported_at: now.toISOString(), ...platformPersonalData.export(db, userId) };
  for (const m of manifests) if (m.personalData) data[m.slug] = m.personalData.export(db, userId);
  return data;
}

/** Inside the caller's transaction: the modules first (they may still read the account), the account last. */
export function erasePersonalData(db: Db, tx: Tx, manifests: readonly Manifest[], userId: number): void {
  for (const d of declarations(manifests).reverse()) d.erase?.(db, tx, userId);
}

/** Every table some declaration covers (the completeness test compares it with the schema). */
export function declaredTables(manifests: readonly Manifest[]): string[] {
  return declarations(manifests).flatMap((d) => d.tables);
}
