// What the moderation stores about a person: the reports they made, and the moderation actions
// they took or that concerned them (the log). Erasure deletes their reports (their open ones no
// longer count in the queue), keeps the log's actions with the moderator's reference emptied,
// and drops the originals of texts a moderator edited out of their contributions (those hold
// the very personal data that was taken out).
import type { PersonalData } from '../../platform/module.ts';
import { readSync } from '../../db/write.ts';

export const personalData: PersonalData = {
  tables: ['moderation_reports', 'moderation_log'],
  export(db, userId) {
    const r = readSync(db);
    return {
      reports: r.all(db.selectFrom('moderation_reports').select(['contribution_id', 'reason', 'details', 'created_at', 'closed_at']).where('reporter_id', '=', userId).orderBy('id')),
      // What they did as a moderator or an administrator.
      actions_taken: r.all(db.selectFrom('moderation_log').select(['action', 'contribution_id', 'subject_id', 'reason', 'created_at']).where('moderator_id', '=', userId).orderBy('id')),
      // What moderation did to their contributions or their account.
      actions_about_them: r.all(
        db.selectFrom('moderation_log').select(['action', 'contribution_id', 'from_status', 'to_status', 'reason', 'original_title', 'original_body', 'created_at']).where('subject_id', '=', userId).orderBy('id'),
      ),
    };
  },
  erase(db, tx, userId) {
    // Their open reports leave the counters first, then the reports go.
    const open = tx.all(
      db.selectFrom('moderation_reports').select(['contribution_id', (eb) => eb.fn.countAll<number>().as('n')]).where('reporter_id', '=', userId).where('closed_at', 'is', null).groupBy('contribution_id'),
    );
    for (const o of open) {
      tx.run(db.updateTable('moderation_flags').set((eb) => ({ open_reports: eb('open_reports', '-', Number(o.n)) })).where('contribution_id', '=', o.contribution_id));
    }
    tx.run(db.deleteFrom('moderation_reports').where('reporter_id', '=', userId));
    tx.run(db.updateTable('moderation_log').set({ moderator_id: null }).where('moderator_id', '=', userId));
    tx.run(db.updateTable('moderation_log').set({ original_title: null, original_body: null }).where('subject_id', '=', userId));
  },
};
