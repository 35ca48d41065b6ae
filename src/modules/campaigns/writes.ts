// Every write of the campaigns, each one synchronous transaction: a draft saved (only while not
// sent), a test sent to the administrator, and the send itself, which marks the campaign sent
// once and queues every message with its not-before time in the same write.
import type { FastifyInstance } from 'fastify';
import type { Db } from '../../db/open.ts';
import { write, type Tx } from '../../db/write.ts';
import { getSite } from '../../platform/site.ts';
import { isLocale, type Locale, type Translate } from '../../platform/i18n.ts';
import { unsubscribeFor, type List } from '../../platform/unsubscribe.ts';
import { composeMail, notBefore, type DraftFields } from './rules.ts';
import { recipientsOf, type Campaign } from './queries.ts';
import type { Audience } from './schema.ts';

export class AlreadySent extends Error {}
export class NoRecipients extends Error {}

/** Project campaigns stop with the emails about what one takes part in; news with the news. */
export const listOf = (audience: Audience): List => (audience === 'news' ? 'news' : 'notifications');

export function insertDraft(db: Db, fields: DraftFields, authorId: number, now = new Date()): number {
  const at = now.toISOString();
  return write(db, (tx) => tx.run(db.insertInto('campaigns_emails').values({ ...fields, author_id: authorId, created_at: at, updated_at: at })).lastInsertRowid);
}

/** Saves a draft; a campaign already sent is never changed (AlreadySent). */
export function updateDraft(db: Db, id: number, fields: DraftFields, now = new Date()): void {
  write(db, (tx) => {
    const changed = tx.run(db.updateTable('campaigns_emails').set({ ...fields, updated_at: now.toISOString() }).where('id', '=', id).where('sent_at', 'is', null)).changes;
    if (changed === 0) throw new AlreadySent();
  });
}

function mailFor(app: FastifyInstance, tx: Tx, t: Translate, campaign: Campaign, userId: number) {
  const unsubscribe = unsubscribeFor(app.db, tx, app.config.baseUrl, userId, listOf(campaign.audience));
  const mail = composeMail(t, { subject: campaign.subject, body: campaign.body, audience: campaign.audience, site: getSite(app.db).name, project: campaign.project_title, unsubscribeUrl: unsubscribe.url });
  return { ...mail, headers: unsubscribe.headers };
}

/** The campaign as it will read, to the administrator alone, marked as a test; not counted. */
export function sendTest(app: FastifyInstance, campaign: Campaign, admin: { id: number; email: string; locale: string }): void {
  const locale: Locale = isLocale(admin.locale) ? admin.locale : 'fr';
  const t = app.i18n.translator(locale);
  write(app.db, (tx) => {
    const mail = mailFor(app, tx, t, campaign, admin.id);
    app.mailer.enqueue(tx, { to: admin.email, subject: `${t('campaigns.mail.test_prefix')} ${mail.subject}`, text: mail.text, headers: mail.headers });
  });
}

/**
 * Sends the campaign once: the conditional update claims it (a second send, or two at once,
 * finds it sent: AlreadySent), then every recipient's message is queued, spread at `perMinute`
 * from `now`, each in its recipient's language for what the platform adds. No recipient:
 * NoRecipients, and nothing was written. Gives the number of messages queued.
 */
export function sendCampaign(app: FastifyInstance, campaign: Campaign, senderId: number, perMinute: number, now = new Date()): number {
  const db = app.db;
  const translators = new Map<string, Translate>();
  const translator = (locale: string) => {
    const l: Locale = isLocale(locale) ? locale : 'fr';
    let t = translators.get(l);
    if (!t) translators.set(l, (t = app.i18n.translator(l)));
    return t;
  };
  return write(db, (tx) => {
    const claimed = tx.run(
      db.updateTable('campaigns_emails').set({ sent_at: now.toISOString(), sent_by_id: senderId, per_minute: perMinute }).where('id', '=', campaign.id).where('sent_at', 'is', null),
    ).changes;
    if (claimed === 0) throw new AlreadySent();
    const people = tx.all(recipientsOf(db, campaign.audience, campaign.project_id).select(['u.id', 'u.email', 'u.locale']).orderBy('u.id'));
    if (people.length === 0) throw new NoRecipients();
    people.forEach((p, i) => {
      const mail = mailFor(app, tx, translator(p.locale), campaign, p.id);
      app.mailer.enqueue(tx, { to: p.email!, subject: mail.subject, text: mail.text, headers: mail.headers, notBefore: notBefore(now, i, perMinute), campaignId: campaign.id });
    });
    tx.run(db.updateTable('campaigns_emails').set({ recipients_count: people.length }).where('id', '=', campaign.id));
    return people.length;
  });
}
