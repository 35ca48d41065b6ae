// Test helpers of the admin tests: people of each role with a live session, without the login
// page (owned by the accounts module) being needed.
import type { TestApp, Client } from '../../../test/helpers/app.ts';
import { write } from '../../db/write.ts';
import { insertUser } from '../../platform/users.ts';
import { createSession } from '../../platform/sessions.ts';
import type { Role } from './rules.ts';

let counter = 0;

export function addUser(t: TestApp, role: Role, fields: { email?: string; displayName?: string } = {}): number {
  counter += 1;
  const email = fields.email ?? `${role}-${counter}@example.org`;
  return write(t.db, (tx) => insertUser(t.db, tx, { email, passwordHash: null, displayName: fields.displayName ?? `${role} ${counter}`, role, emailConfirmed: true }));
}

/** A client logged in as a new person of this role, holding a CSRF token for its session. */
export async function loginAs(t: TestApp, role: Role): Promise<{ client: Client; userId: number; token: string }> {
  const userId = addUser(t, role);
  const token = createSession(t.db, userId);
  const client = t.client();
  client.cookies.set('session', token);
  await client.get('/'); // the header's logout form carries the session's CSRF token
  return { client, userId, token };
}
