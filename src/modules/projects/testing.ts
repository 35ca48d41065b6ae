// Test helpers of the projects and presentation tests: people with a live session, projects
// and steps written straight to the database, and multipart posts as a browser sends them.
import type { TestApp, Client } from '../../../test/helpers/app.ts';
import type { Db } from '../../db/open.ts';
import { write } from '../../db/write.ts';
import { insertUser } from '../../platform/users.ts';
import { createSession } from '../../platform/sessions.ts';
import type { Visibility } from '../../db/schema.ts';

let counter = 0;
type Role = 'citizen' | 'moderator' | 'admin';

export function addUser(t: TestApp, role: Role = 'citizen', opts: { confirmed?: boolean; email?: string } = {}): number {
  counter += 1;
  const email = opts.email ?? `${role}-${counter}-${process.pid}@example.org`;
  return write(t.db, (tx) => insertUser(t.db, tx, { email, passwordHash: null, displayName: `${role} ${counter}`, role, emailConfirmed: opts.confirmed ?? true }));
}

/** A client logged in as a new person of this role, holding its session's CSRF token. */
export async function loginAs(t: TestApp, role: Role = 'citizen', opts: { confirmed?: boolean } = {}): Promise<{ client: Client; userId: number }> {
  const userId = addUser(t, role, opts);
  const client = t.client();
  client.cookies.set('session', createSession(t.db, userId));
  await client.get('/pages/mentions-legales'); // any page: the header's forms carry the token
  return { client, userId };
}

/** An anonymous client holding a CSRF token (so a refusal is about permission, not CSRF). */
export async function anonymous(t: TestApp): Promise<Client> {
  const client = t.client();
  await client.get('/register');
  return client;
}

let projectCounter = 0;

export function makeProject(db: Db, fields: { title?: string; slug?: string; visibility?: Visibility; archived?: boolean; summary?: string; counters?: [number, number, number] } = {}): number {
  projectCounter += 1;
  const now = new Date().toISOString();
  return write(db, (tx) =>
    tx.run(
      db.insertInto('projects').values({
        slug: fields.slug ?? `projet-${projectCounter}-${Date.now() % 100000}`,
        title: fields.title ?? `Projet ${projectCounter}`,
        summary: fields.summary ?? '',
        visibility: fields.visibility ?? 'public',
        archived: fields.archived ? 1 : 0,
        cover_path: null,
        participants_count: fields.counters?.[0] ?? 0,
        contributions_count: fields.counters?.[1] ?? 0,
        votes_count: fields.counters?.[2] ?? 0,
        created_at: now,
        updated_at: now,
      }),
    ).lastInsertRowid,
  );
}

const DAY = 24 * 3600_000;
/** An ISO date `days` from now (negative: in the past). */
export const daysFromNow = (days: number) => new Date(Date.now() + days * DAY).toISOString();

export function makeStep(
  db: Db,
  projectId: number,
  fields: { type?: string; title?: string; starts?: string | null; ends?: string | null; position?: number; postal?: boolean; district?: boolean; checkbox?: string | null; body?: string } = {},
): number {
  const now = new Date().toISOString();
  return write(db, (tx) => {
    const last = tx.first(db.selectFrom('steps').select((eb) => eb.fn.max('position').as('p')).where('project_id', '=', projectId));
    return tx.run(
      db.insertInto('steps').values({
        project_id: projectId,
        position: fields.position ?? Number(last?.p ?? 0) + 1,
        type: fields.type ?? 'presentation',
        title: fields.title ?? 'Étape',
        body_md: fields.body ?? '',
        starts_at: fields.starts === undefined ? daysFromNow(-1) : fields.starts,
        ends_at: fields.ends === undefined ? daysFromNow(1) : fields.ends,
        require_postal_code: fields.postal ? 1 : 0,
        require_district: fields.district ? 1 : 0,
        require_checkbox_label: fields.checkbox ?? null,
        created_at: now,
        updated_at: now,
      }),
    ).lastInsertRowid;
  });
}

export function addToGroup(db: Db, groupName: string, userIds: number[], projectId?: number): number {
  return write(db, (tx) => {
    const existing = tx.first(db.selectFrom('user_groups').select('id').where('name', '=', groupName));
    const groupId = existing?.id ?? tx.run(db.insertInto('user_groups').values({ name: groupName })).lastInsertRowid;
    for (const userId of userIds) tx.run(db.insertInto('user_group_members').values({ group_id: groupId, user_id: userId }).onConflict((oc) => oc.doNothing()));
    if (projectId) tx.run(db.insertInto('project_groups').values({ project_id: projectId, group_id: groupId }).onConflict((oc) => oc.doNothing()));
    return groupId;
  });
}

export const count = (db: Db, table: 'themes' | 'districts' | 'user_groups' | 'user_group_members' | 'projects' | 'steps' | 'project_themes' | 'step_checkbox_acceptances') =>
  Number((db.sqlite.prepare(`select count(*) as n from ${table}`).get() as { n: number }).n);

type Part = { name: string; value: string } | { name: string; filename: string; type: string; data: Buffer };

/** Posts multipart/form-data in the given order (a browser sends fields in document order). */
export async function postMultipart(t: TestApp, client: Client, url: string, parts: Part[]) {
  const boundary = `----palabre${Date.now()}${Math.random().toString(16).slice(2)}`;
  const chunks: Buffer[] = [];
  for (const p of parts) {
    if ('filename' in p) {
      chunks.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${p.name}"; filename="${p.filename}"\r\nContent-Type: ${p.type}\r\n\r\n`), p.data, Buffer.from('\r\n'));
    } else {
      chunks.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${p.name}"\r\n\r\n${p.value}\r\n`));
    }
  }
  chunks.push(Buffer.from(`--${boundary}--\r\n`));
  const cookie = [...client.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
  return t.app.inject({ method: 'POST', url, payload: Buffer.concat(chunks), headers: { cookie, 'content-type': `multipart/form-data; boundary=${boundary}` } });
}
