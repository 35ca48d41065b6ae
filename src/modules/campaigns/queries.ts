// Reads of the campaigns: a page of the list (limit + 1, no count), one campaign, the projects to
// choose from, who a campaign reaches (counted once on the confirmation page, read in full by the
// send), and a send's progress from the outbox in one aggregate.
import { sql } from 'kysely';
import type { Db } from '../../db/open.ts';
import { readSync } from '../../db/write.ts';
import { MAX_ATTEMPTS } from '../../platform/mail.ts';
import { PAGE_SIZE, progressOf, type Progress } from './rules.ts';
import type { Audience } from './schema.ts';

export function listCampaigns(db: Db, page: number) {
  const rows = readSync(db).all(
    db
      .selectFrom('campaigns_emails as c')
      .leftJoin('projects as p', 'p.id', 'c.project_id')
      .select(['c.id', 'c.subject', 'c.audience', 'c.created_at', 'c.sent_at', 'c.recipients_count', 'p.title as project_title'])
      .orderBy('c.created_at', 'desc')
      .orderBy('c.id', 'desc')
      .limit(sql.lit(PAGE_SIZE + 1))
      .offset((page - 1) * PAGE_SIZE),
  );
  return { campaigns: rows.slice(0, PAGE_SIZE), hasNext: rows.length > PAGE_SIZE };
}

export type Campaign = NonNullable<ReturnType<typeof findCampaign>>;

export function findCampaign(db: Db, id: number) {
  return readSync(db).first(
    db
      .selectFrom('campaigns_emails as c')
      .leftJoin('projects as p', 'p.id', 'c.project_id')
      .select(['c.id', 'c.subject', 'c.body', 'c.audience', 'c.project_id', 'c.created_at', 'c.updated_at', 'c.sent_at', 'c.recipients_count', 'c.per_minute', 'p.title as project_title'])
      .where('c.id', '=', id),
  );
}

/**
 * Who a campaign reaches: live accounts (neither deleted nor suspended) with a confirmed address,
 * and then, for the news, only those who consented to them; for a project, its participants who
 * have not turned off the emails about what they take part in (legitimate interest: the project
 * they took part in, with an unsubscribe link in every message).
 */
export function recipientsOf(db: Db, audience: Audience, projectId: number | null) {
  const live = db
    .selectFrom('users as u')
    .where('u.deleted_at', 'is', null)
    .where('u.suspended_at', 'is', null)
    .where('u.email', 'is not', null)
    .where('u.email_confirmed_at', 'is not', null);
  if (audience === 'news') return live.where('u.news_consent', '=', 1);
  return live
    .innerJoin('project_participants as pp', 'pp.user_id', 'u.id')
    .where('pp.project_id', '=', projectId ?? 0)
    .where('u.notify_email', '!=', 'off');
}

/** The number of recipients, for the administrator's confirmation (one COUNT, not on a list). */
export function countRecipients(db: Db, audience: Audience, projectId: number | null): number {
  if (audience === 'project' && projectId === null) return 0;
  return Number(readSync(db).first(recipientsOf(db, audience, projectId).select((eb) => eb.fn.countAll().as('n')))?.n ?? 0);
}

/** Where a sent campaign stands: its unsent outbox rows, still waiting or abandoned, in one read. */
export function campaignProgress(db: Db, campaign: { id: number; recipients_count: number }): Progress {
  const row = readSync(db).first(
    db
      .selectFrom('mail_outbox')
      .select((eb) => [eb.fn.countAll().as('unsent'), eb.fn.sum(eb.case().when('attempts', '>=', MAX_ATTEMPTS).then(1).else(0).end()).as('failed')])
      .where('campaign_id', '=', campaign.id)
      .where('sent_at', 'is', null),
  );
  const failed = Number(row?.failed ?? 0);
  return progressOf(campaign.recipients_count, Number(row?.unsent ?? 0) - failed, failed);
}
