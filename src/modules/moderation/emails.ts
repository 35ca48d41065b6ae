// The email moderators and administrators get when an item receives its first open report: one
// per item until it is dealt with, in the recipient's language, with the item's permalink and
// the moderation page's link (absolute, to this instance).
import type { FastifyInstance } from 'fastify';
import { isLocale } from '../../platform/i18n.ts';
import type { Message } from '../../platform/mail.ts';
import { getSite } from '../../platform/site.ts';
import { nameForMail } from '../../platform/names.ts';
import type { Reason } from './rules.ts';

export interface ReportedItem {
  id: number;
  kindKey: string;
  permalink: string | null;
  projectTitle: string;
}

export function reportedMail(app: FastifyInstance, to: { email: string; display_name: string | null; locale: string }, item: ReportedItem, reason: Reason): Message {
  const t = app.i18n.translator(isLocale(to.locale) ? to.locale : 'fr');
  const site = getSite(app.db).name;
  const base = app.config.baseUrl;
  const kind = t(item.kindKey);
  const lines = [
    t('moderation.mail.greeting', { name: nameForMail(to.display_name) }),
    '',
    t('moderation.mail.body', { kind, project: item.projectTitle, reason: t(`moderation.reason.${reason}`) }),
  ];
  if (item.permalink) lines.push('', t('moderation.mail.permalink'), `${base}${item.permalink}`);
  lines.push('', t('moderation.mail.item'), `${base}/moderation/items/${item.id}`, '', t('moderation.mail.queue'), `${base}/moderation`, '', t('moderation.mail.once'), '', t('moderation.mail.signature', { site }));
  return { to: to.email, subject: t('moderation.mail.subject', { site, kind }), text: lines.join('\n') + '\n' };
}
