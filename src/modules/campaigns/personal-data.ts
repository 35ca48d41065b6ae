// What the campaigns store about a person: which campaigns they wrote or sent, as administrators
// (the recipients are not stored here: their messages are the outbox's, the platform's data).
// Erasure removes the person from those records; the campaigns stay, as the instance's.
import type { PersonalData } from '../../platform/module.ts';
import { readSync } from '../../db/write.ts';

export const personalData: PersonalData = {
  tables: ['campaigns_emails'],
  export(db, userId) {
    const rows = readSync(db).all(
      db
        .selectFrom('campaigns_emails')
        .select(['id', 'subject', 'created_at', 'sent_at', 'author_id', 'sent_by_id'])
        .where((eb) => eb.or([eb('author_id', '=', userId), eb('sent_by_id', '=', userId)]))
        .orderBy('id'),
    );
    return { campaigns: rows.map(({ author_id, sent_by_id, ...c }) => ({ ...c, wrote: author_id === userId, sent: sent_by_id === userId })) };
  },
  erase(db, tx, userId) {
    tx.run(db.updateTable('campaigns_emails').set({ author_id: null }).where('author_id', '=', userId));
    tx.run(db.updateTable('campaigns_emails').set({ sent_by_id: null }).where('sent_by_id', '=', userId));
  },
};
