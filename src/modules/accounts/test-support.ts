// Shared by the accounts tests: people created straight in the database (fast, known state),
// logging in through the real form, and row counts to prove nothing was written.
import type { TestApp, Client } from '../../../test/helpers/app.ts';
import { write, readSync } from '../../db/write.ts';
import { insertUser } from '../../platform/users.ts';
import { hashPassword } from '../../platform/passwords.ts';

export const PASSWORD = 'une phrase de passe solide';

let counter = 0;
/** A fresh address per call, so tests sharing one app never collide. */
export const uniqueEmail = (prefix = 'person') => `${prefix}-${process.pid}-${++counter}@example.org`;

export async function makeUser(t: TestApp, opts: { email?: string; name?: string; password?: string; confirmed?: boolean; locale?: string } = {}) {
  const email = opts.email ?? uniqueEmail();
  const passwordHash = await hashPassword(opts.password ?? PASSWORD);
  const id = write(t.db, (tx) =>
    insertUser(t.db, tx, { email, passwordHash, displayName: opts.name ?? 'Camille', locale: opts.locale ?? 'fr', emailConfirmed: opts.confirmed ?? true }),
  );
  return { id, email };
}

/** Logs a client in through the form; fails loudly if it did not work. */
export async function loginAs(c: Client, email: string, password = PASSWORD): Promise<void> {
  const res = await c.submit('/login', { email, password });
  if (res.statusCode !== 303) throw new Error(`login failed for ${email}: ${res.statusCode}`);
  await c.get('/account'); // picks up the CSRF token bound to the new session
}

export function count(t: TestApp, table: 'users' | 'sessions' | 'one_time_tokens' | 'mail_outbox'): number {
  return readSync(t.db).first(t.db.selectFrom(table).select((eb) => eb.fn.countAll<number>().as('n')))!.n;
}

export function userRow(t: TestApp, id: number) {
  return readSync(t.db).first(t.db.selectFrom('users').selectAll().where('id', '=', id))!;
}

/** Everything that can change in one account, to compare before and after a refused request. */
export function snapshot(t: TestApp, id?: number) {
  return {
    users: count(t, 'users'),
    sessions: count(t, 'sessions'),
    tokens: count(t, 'one_time_tokens'),
    mails: count(t, 'mail_outbox'),
    user: id === undefined ? null : userRow(t, id),
  };
}
