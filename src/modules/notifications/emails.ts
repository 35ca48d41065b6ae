// The notification emails, through the outbox: every minute one email per person in
// 'immediate' gathering what was not emailed yet; once a day, from DIGEST_HOUR in the instance's
// time zone, one digest per person in 'digest'. Each email is queued in the same write that marks
// its notifications emailed, so none is sent twice or lost. People who chose 'off', and accounts
// that cannot receive mail (unconfirmed, suspended, deleted), get none: theirs are only marked.
import type { FastifyInstance } from 'fastify';
import { sql, type ExpressionBuilder } from 'kysely';
import { write, type Tx } from '../../db/write.ts';
import type { Schema } from '../../db/schema.ts';
import { isLocale } from '../../platform/i18n.ts';
import { nameForMail } from '../../platform/names.ts';
import { getSite } from '../../platform/site.ts';
import { projectVisibleTo } from '../../platform/participation.ts';
import { unsubscribeFor } from '../../platform/unsubscribe.ts';
import type { SessionUser } from '../../platform/sessions.ts';
import { withWhatItShows, type ProjectEb } from './queries.ts';
import { composeMail, describe, digestDay, DIGEST_HOUR, MAIL_MAX_ITEMS } from './rules.ts';

/** What the jobs use of the app (tests may give another mailer). */
export type JobApp = Pick<FastifyInstance, 'db' | 'mailer' | 'config' | 'i18n' | 'manifests'>;

const BATCH = 50; // people per write: short transactions, few commits
const QUIET = { quiet: true };

type Mode = 'immediate' | 'digest';

interface Person {
  id: number;
  email: string | null;
  display_name: string | null;
  locale: string;
  role: SessionUser['role'];
  notify_email: 'immediate' | 'digest' | 'off';
  email_confirmed_at: string | null;
  suspended_at: string | null;
  deleted_at: string | null;
}

const live = (p: Person) => !!p.email && !!p.email_confirmed_at && !p.suspended_at && !p.deleted_at;

/** People with notifications not yet emailed: the immediate run takes all but live digest readers. */
function nextPeople(app: JobApp, tx: Tx, mode: Mode, afterId: number): Person[] {
  const db = app.db;
  const liveSql = (eb: ExpressionBuilder<Schema, 'users'>) =>
    eb.and([eb('email', 'is not', null), eb('email_confirmed_at', 'is not', null), eb('suspended_at', 'is', null), eb('deleted_at', 'is', null)]);
  return tx.all(
    db
      .selectFrom('users')
      .select(['id', 'email', 'display_name', 'locale', 'role', 'notify_email', 'email_confirmed_at', 'suspended_at', 'deleted_at'])
      // The partial index notifications_to_email holds exactly these rows.
      .where('id', 'in', db.selectFrom('notifications').select('user_id').where('emailed', '=', sql.lit(0)))
      .where('id', '>', afterId)
      .where((eb) => (mode === 'digest' ? eb.and([eb('notify_email', '=', 'digest'), liveSql(eb)]) : eb.or([eb('notify_email', '!=', 'digest'), eb.not(liveSql(eb))])))
      .orderBy('id')
      .limit(sql.lit(BATCH)),
  );
}

/** Inside the batch's write: the person's email (if any is due), and their notifications marked. */
function mailPerson(app: JobApp, tx: Tx, p: Person, mode: Mode, now: Date): boolean {
  const db = app.db;
  const last = tx.first(db.selectFrom('notifications').select((eb) => eb.fn.max('id').as('id')).where('user_id', '=', p.id).where('emailed', '=', sql.lit(0)))?.id;
  if (!last) return false;
  const markEmailed = () => tx.run(db.updateTable('notifications').set({ emailed: 1 }).where('user_id', '=', p.id).where('emailed', '=', sql.lit(0)).where('id', '<=', Number(last)));
  if (!live(p) || p.notify_email === 'off') {
    markEmailed();
    return false;
  }
  const viewer = { id: p.id, role: p.role, email_confirmed_at: p.email_confirmed_at } as SessionUser;
  const due = withWhatItShows(db)
    .where('n.user_id', '=', p.id)
    .where('n.emailed', '=', sql.lit(0))
    .where('n.id', '<=', Number(last))
    .where((eb) => eb.or([eb('n.project_id', 'is', null), projectVisibleTo(eb as unknown as ProjectEb, viewer)]));
  const rows = tx.all(due.orderBy('n.id').limit(sql.lit(MAIL_MAX_ITEMS)));
  const total = rows.length < MAIL_MAX_ITEMS ? rows.length : Number(tx.first(due.clearSelect().select((eb) => eb.fn.countAll().as('n')))?.n ?? 0);
  if (rows.length === 0) {
    markEmailed();
    return false;
  }
  const locale = isLocale(p.locale) ? p.locale : 'fr';
  const t = app.i18n.translator(locale);
  const reader = { id: p.id, official: p.role === 'admin' || p.role === 'moderator' };
  const site = getSite(db).name;
  const baseUrl = app.config.baseUrl;
  const unsubscribe = unsubscribeFor(db, tx, baseUrl, p.id, 'notifications');
  const mail = composeMail(t, {
    site,
    baseUrl,
    name: nameForMail(p.display_name),
    items: rows.map((r) => describe(t, app.manifests, reader, r)),
    more: total - rows.length,
    digest: mode === 'digest',
    day: app.i18n.formatter(locale).date(now),
    unsubscribeUrl: unsubscribe.url,
  });
  app.mailer.enqueue(tx, { to: p.email!, subject: mail.subject, text: mail.text, headers: unsubscribe.headers });
  markEmailed();
  return true;
}

/** One pass over everyone concerned, a batch of people per write; gives the emails queued. */
function sendAll(app: JobApp, mode: Mode, now: Date): number {
  let sent = 0;
  let after = 0;
  for (;;) {
    const { count, last } = write(
      app.db,
      (tx) => {
        const people = nextPeople(app, tx, mode, after);
        for (const p of people) if (mailPerson(app, tx, p, mode, now)) sent++;
        return { count: people.length, last: people[people.length - 1]?.id ?? after };
      },
      QUIET,
    );
    if (count < BATCH) return sent;
    after = last;
  }
}

/** The minute's job: one email per person in 'immediate' gathering what is new. */
export function sendImmediate(app: JobApp, now = new Date()): number {
  return sendAll(app, 'immediate', now);
}

/**
 * The digest job, run every minute: from `hour` in TIME_ZONE, once per local day (the day is
 * claimed in the database, so a restart does not send a second digest), one email per person in
 * 'digest' with everything not emailed since their last one.
 */
export function sendDigests(app: JobApp, now = new Date(), hour = DIGEST_HOUR): number {
  const day = digestDay(now, app.config.timeZone, hour);
  if (!day) return 0;
  const db = app.db;
  const claimed = write(db, (tx) => tx.run(db.insertInto('notifications_digests').values({ day, started_at: now.toISOString() }).onConflict((oc) => oc.doNothing())).changes, QUIET);
  if (!claimed) return 0;
  return sendAll(app, 'digest', now);
}
