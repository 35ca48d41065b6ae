// The email a person gets when a decision maker names them analyst of a proposal: queued in the
// outbox inside the write that names them (so a refused or repeated naming sends nothing), in
// their language, with the proposal's permalink and its analysis page (absolute links).
import type { FastifyInstance } from 'fastify';
import type { Tx } from '../../db/write.ts';
import { isLocale } from '../../platform/i18n.ts';
import { getSite } from '../../platform/site.ts';
import { nameForMail } from '../../platform/names.ts';

export interface NamedAnalyst {
  stepId: number;
  proposalId: number;
  reference: number;
  title: string;
  projectTitle: string;
  /** The official who named them: told nothing when they name themselves. */
  actorId: number;
}

/**
 * Inside the naming's transaction. Only an account that can receive mail gets it (an address
 * confirmed, not suspended nor erased), as for the notification emails. True when queued.
 */
export function mailNamedAnalyst(app: Pick<FastifyInstance, 'db' | 'mailer' | 'config' | 'i18n'>, tx: Tx, userId: number, p: NamedAnalyst): boolean {
  if (userId === p.actorId) return false;
  const db = app.db;
  const person = tx.first(db.selectFrom('users').select(['email', 'display_name', 'locale', 'email_confirmed_at', 'suspended_at', 'deleted_at']).where('id', '=', userId));
  if (!person?.email || !person.email_confirmed_at || person.suspended_at || person.deleted_at) return false;
  const t = app.i18n.translator(isLocale(person.locale) ? person.locale : 'fr');
  const site = getSite(db).name;
  const base = app.config.baseUrl;
  const lines = [
    t('collect.analysts.mail.greeting', { name: nameForMail(person.display_name) }),
    '',
    t('collect.analysts.mail.body', { reference: p.reference, title: p.title, project: p.projectTitle }),
    '',
    t('collect.analysts.mail.permalink'),
    `${base}/collect/${p.stepId}/proposals/${p.proposalId}`,
    '',
    t('collect.analysts.mail.analysis'),
    `${base}/collect/${p.stepId}/analysis/proposals/${p.proposalId}`,
    '',
    t('collect.analysts.mail.signature', { site }),
  ];
  app.mailer.enqueue(tx, { to: person.email, subject: t('collect.analysts.mail.subject', { site, reference: p.reference }), text: lines.join('\n') + '\n' });
  return true;
}
