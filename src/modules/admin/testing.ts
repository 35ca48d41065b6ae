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

/** Posts multipart/form-data as a browser would: `_csrf` first, then the file. */
export async function postFile(t: TestApp, client: Client, url: string, file: { name: string; filename: string; type: string; data: Buffer }, csrf = client.csrf) {
  const boundary = `----palabre${Date.now()}`;
  const parts = [
    Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="_csrf"\r\n\r\n${csrf}\r\n`),
    Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${file.name}"; filename="${file.filename}"\r\nContent-Type: ${file.type}\r\n\r\n`),
    file.data,
    Buffer.from(`\r\n--${boundary}--\r\n`),
  ];
  const cookie = [...client.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
  return t.app.inject({ method: 'POST', url, payload: Buffer.concat(parts), headers: { cookie, 'content-type': `multipart/form-data; boundary=${boundary}` } });
}
