// The email to a person who moves from the waiting list to a place, written in their language
// (the `locale` of their account) with an absolute link to the event, queued in the outbox inside
// the transaction that gave them the place. The account erasure has only the database in hand:
// the app that serves it is remembered by its database, to write these emails there too.
import type { FastifyInstance } from 'fastify';
import type { Db } from '../../db/open.ts';
import type { Tx } from '../../db/write.ts';
import { isLocale } from '../../platform/i18n.ts';
import { getSite } from '../../platform/site.ts';
import { nameForMail } from '../../platform/names.ts';
import type { OnPromoted } from './writes.ts';

export function promotionMail(app: FastifyInstance, tx: Tx, eventId: number, userId: number): void {
  const db = app.db;
  const person = tx.first(db.selectFrom('users').select(['email', 'display_name', 'locale', 'deleted_at']).where('id', '=', userId));
  const event = tx.first(db.selectFrom('events_events').select(['slug', 'title', 'starts_at', 'place', 'online_url']).where('id', '=', eventId));
  if (!person?.email || person.deleted_at || !event) return;
  const locale = isLocale(person.locale) ? person.locale : 'fr';
  const t = app.i18n.translator(locale);
  const date = app.i18n.formatter(locale).dateTime(event.starts_at);
  const site = getSite(db).name;
  const where = event.place || event.online_url || '';
  const lines = [
    t('events.mail.greeting', { name: nameForMail(person.display_name) }),
    '',
    t('events.mail.promoted.body', { title: event.title, date }),
    ...(where ? [t('events.mail.promoted.where', { where })] : []),
    '',
    `${app.config.baseUrl}/events/${encodeURIComponent(event.slug)}`,
    '',
    t('events.mail.promoted.cancel'),
    '',
    t('events.mail.signature', { site }),
  ];
  app.mailer.enqueue(tx, { to: person.email, subject: t('events.mail.promoted.subject', { title: event.title }), text: lines.join('\n') + '\n' });
}

/** What the routes of this app give the writes: each promoted person gets the email. */
export const mailPromotions = (app: FastifyInstance): OnPromoted => (tx, p) => promotionMail(app, tx, p.eventId, p.userId);

const apps = new WeakMap<object, FastifyInstance>();

/** Called when the module's routes are registered: this app serves that database. */
export function rememberApp(app: FastifyInstance): void {
  apps.set(app.db.sqlite, app);
}

/** For the erasure: the emails of the app serving `db`, or none outside a running app. */
export function promotionsFor(db: Db): OnPromoted {
  const app = apps.get(db.sqlite);
  return app ? mailPromotions(app) : () => {};
}
