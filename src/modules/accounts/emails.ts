// The plain-text emails of the accounts module, written in the recipient's language (the
// `locale` column, or the current one on registration) with absolute links to this instance.
import type { FastifyInstance } from 'fastify';
import { isLocale } from '../../platform/i18n.ts';
import type { Message } from '../../platform/mail.ts';
import { getSite } from '../../platform/site.ts';
import { nameForMail } from '../../platform/names.ts';

export interface Recipient {
  email: string;
  displayName: string | null;
  locale: string;
}

type Kind = 'confirm' | 'reset' | 'change' | 'change_notice' | 'password_changed';

/**
 * Greeting, the reason for the message, the link if any, then what to do if the person did not
 * ask: "ignore it" when nothing happens without the link, "react" when something already changed.
 */
function compose(app: FastifyInstance, to: Recipient, kind: Kind, opts: { link?: string; params?: Record<string, string>; closing: 'ignore' | 'alert' }): Message {
  const t = app.i18n.translator(isLocale(to.locale) ? to.locale : 'fr');
  const site = getSite(app.db).name;
  const lines = [t('accounts.mail.greeting', { name: nameForMail(to.displayName) }), '', t(`accounts.mail.${kind}.body`, opts.params)];
  if (opts.link) lines.push('', opts.link);
  lines.push('', t(`accounts.mail.${opts.closing}`), '', t('accounts.mail.signature', { site }));
  return { to: to.email, subject: t(`accounts.mail.${kind}.subject`, { site }), text: lines.join('\n') + '\n' };
}

const link = (app: FastifyInstance, path: string, token: string) => `${app.config.baseUrl}${path}?token=${encodeURIComponent(token)}`;

export const confirmEmailMail = (app: FastifyInstance, to: Recipient, token: string) =>
  compose(app, to, 'confirm', { link: link(app, '/confirm', token), closing: 'ignore' });

export const resetPasswordMail = (app: FastifyInstance, to: Recipient, token: string) =>
  compose(app, to, 'reset', { link: link(app, '/password/reset', token), closing: 'ignore' });

/** Sent to the new address: the change happens only when this link is opened. */
export const changeEmailMail = (app: FastifyInstance, to: Recipient, token: string) =>
  compose(app, to, 'change', { link: link(app, '/account/email/confirm', token), closing: 'ignore' });

/** Sent to the old address so a hijack attempt does not go unnoticed. */
export const changeEmailNoticeMail = (app: FastifyInstance, to: Recipient, newEmail: string) =>
  compose(app, to, 'change_notice', { params: { email: newEmail }, closing: 'alert' });

export const passwordChangedMail = (app: FastifyInstance, to: Recipient) =>
  compose(app, to, 'password_changed', { link: `${app.config.baseUrl}/password/forgot`, closing: 'alert' });
