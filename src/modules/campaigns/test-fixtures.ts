// Test fixtures of the campaigns, on top of test/helpers/factories.ts: campaigns written straight
// to the database (drafts or sent), and people of every kind a campaign must reach or skip.
import { addUser, uniqueEmail } from '../../../test/helpers/factories.ts';
import type { Db } from '../../db/open.ts';
import { write } from '../../db/write.ts';
import type { Audience } from './schema.ts';

let n = 0;

export interface CampaignOptions {
  audience?: Audience;
  projectId?: number | null;
  subject?: string;
  body?: string;
  /** Sent (to nobody) unless false: a record, no longer a draft. */
  sent?: boolean;
  authorId?: number | null;
}

/** A draft "Campagne <n>" to the news unless told otherwise; returns its id. */
export function makeCampaign(db: Db, o: CampaignOptions = {}): number {
  n += 1;
  const now = new Date().toISOString();
  return write(db, (tx) =>
    tx.run(
      db.insertInto('campaigns_emails').values({
        subject: o.subject ?? `Campagne ${n}`,
        body: o.body ?? `Le texte de la campagne ${n}.`,
        audience: o.audience ?? 'news',
        project_id: o.projectId ?? null,
        author_id: o.authorId ?? null,
        created_at: now,
        updated_at: now,
        sent_at: o.sent ? now : null,
      }),
    ).lastInsertRowid,
  );
}

export interface PersonOptions {
  consent?: boolean;
  confirmed?: boolean;
  suspended?: boolean;
  deleted?: boolean;
  notify?: 'immediate' | 'digest' | 'off';
  locale?: string;
  /** Took part in this project. */
  participantOf?: number;
}

/** A citizen with a fresh address, shaped as asked; returns their id and address. */
export function addPerson(db: Db, o: PersonOptions = {}): { id: number; email: string } {
  const email = uniqueEmail('campagne');
  const id = addUser(db, 'citizen', { email, confirmed: o.confirmed ?? true, locale: o.locale });
  const now = new Date().toISOString();
  write(db, (tx) => {
    tx.run(
      db
        .updateTable('users')
        .set({ news_consent: o.consent ? 1 : 0, notify_email: o.notify ?? 'immediate', suspended_at: o.suspended ? now : null, deleted_at: o.deleted ? now : null })
        .where('id', '=', id),
    );
    if (o.participantOf) tx.run(db.insertInto('project_participants').values({ project_id: o.participantOf, user_id: id }));
  });
  return { id, email };
}
