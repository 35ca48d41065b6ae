// Shared test factories: people of each role written straight to the database, clients logged in
// with a live session and its CSRF token, projects, steps and groups, and row counts. Module
// fixtures build their own data on these; nothing here knows a module.
import type { Db } from '../../src/db/open.ts';
import type { Schema, Visibility } from '../../src/db/schema.ts';
import { write } from '../../src/db/write.ts';
import { insertUser } from '../../src/platform/users.ts';
import { hashPassword } from '../../src/platform/passwords.ts';
import { createSession } from '../../src/platform/sessions.ts';
import { cookieNames } from '../../src/platform/session-cookie.ts';
import type { Client, TestApp } from './app.ts';

export type Role = 'citizen' | 'moderator' | 'admin';

/** The password of people made by `addUserWithPassword` unless they are given another. */
export const PASSWORD = 'une phrase de passe solide';

let counter = 0;
/** A fresh address per call, so tests sharing one app never collide. */
export const uniqueEmail = (prefix = 'person') => `${prefix}-${process.pid}-${++counter}@example.org`;

export interface UserFields {
  /** Confirmed unless false. */
  confirmed?: boolean;
  /** `<role> <n>` unless given. */
  name?: string;
  /** `<role>-<pid>-<n>@example.org` unless given: a search for the role finds the person. */
  email?: string;
  locale?: string;
}

let people = 0;
function insertPerson(db: Db, role: Role, fields: UserFields, passwordHash: string | null): { id: number; email: string } {
  people += 1;
  const email = fields.email ?? uniqueEmail(role);
  const displayName = fields.name ?? `${role} ${people}`;
  const id = write(db, (tx) => insertUser(db, tx, { email, passwordHash, displayName, role, locale: fields.locale, emailConfirmed: fields.confirmed ?? true }));
  return { id, email };
}

/** A person without a password (no argon2, so fast), for tests that never use the login form. */
export function addUser(db: Db, role: Role = 'citizen', fields: UserFields = {}): number {
  return insertPerson(db, role, fields, null).id;
}

/** A person who can log in through the form: `password` (PASSWORD by default) is hashed, ~40 ms. */
export async function addUserWithPassword(db: Db, role: Role = 'citizen', fields: UserFields & { password?: string } = {}): Promise<{ id: number; email: string }> {
  return insertPerson(db, role, fields, await hashPassword(fields.password ?? PASSWORD));
}

/** A client holding a live session of this person, and no CSRF token yet: enough to read pages. */
export function sessionClient(t: TestApp, userId: number): Client {
  const client = t.client();
  client.cookies.set(cookieNames(t.config).session, createSession(t.db, userId));
  return client;
}

/**
 * A client logged in as a new person of this role (or as the existing person of that id),
 * holding its session's CSRF token. `fields` apply to a new person only.
 */
export async function loginAs(t: TestApp, who: Role | number = 'citizen', fields: UserFields = {}): Promise<{ client: Client; userId: number }> {
  const userId = typeof who === 'number' ? who : addUser(t.db, who, fields);
  const client = sessionClient(t, userId);
  await client.get('/pages/mentions-legales'); // any page: the header's logout form carries the token
  return { client, userId };
}

/** Logs a client in through the real form, for the tests about that form; fails loudly if refused. */
export async function loginThroughForm(client: Client, email: string, password = PASSWORD): Promise<void> {
  const res = await client.submit('/login', { email, password });
  if (res.statusCode !== 303) throw new Error(`login failed for ${email}: ${res.statusCode}`);
  await client.get('/account'); // picks up the CSRF token bound to the new session
}

/** An anonymous client holding a CSRF token, so that a refusal is about permission, not CSRF. */
export async function anonymous(t: TestApp): Promise<Client> {
  const client = t.client();
  await client.get('/register'); // a page with a form, hence a token
  return client;
}

const DAY = 24 * 3600_000;
/** An ISO date `days` from now (negative: in the past). */
export const daysFromNow = (days: number) => new Date(Date.now() + days * DAY).toISOString();

let projectCounter = 0;

export interface ProjectFields {
  title?: string;
  slug?: string;
  visibility?: Visibility;
  archived?: boolean;
  summary?: string;
  /** participants, contributions, votes */
  counters?: [number, number, number];
}

/** A project (public, not archived, `Projet <n>` unless told otherwise); returns its id. */
export function makeProject(db: Db, fields: ProjectFields = {}): number {
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

export interface StepFields {
  type?: string;
  title?: string;
  /** From yesterday unless given; null: no start. */
  starts?: string | null;
  /** Until tomorrow unless given; null: no end. */
  ends?: string | null;
  /** After the project's last step unless given. */
  position?: number;
  postal?: boolean;
  district?: boolean;
  checkbox?: string | null;
  body?: string;
}

/** A step of a project (an open presentation unless told otherwise); returns its id. */
export function makeStep(db: Db, projectId: number, fields: StepFields = {}): number {
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

/** Adds people to the group of that name (made if missing), and opens `projectId` to it; returns the group's id. */
export function addToGroup(db: Db, groupName: string, userIds: number[], projectId?: number): number {
  return write(db, (tx) => {
    const existing = tx.first(db.selectFrom('user_groups').select('id').where('name', '=', groupName));
    const groupId = existing?.id ?? tx.run(db.insertInto('user_groups').values({ name: groupName })).lastInsertRowid;
    for (const userId of userIds) tx.run(db.insertInto('user_group_members').values({ group_id: groupId, user_id: userId }).onConflict((oc) => oc.doNothing()));
    if (projectId) tx.run(db.insertInto('project_groups').values({ project_id: projectId, group_id: groupId }).onConflict((oc) => oc.doNothing()));
    return groupId;
  });
}

/** Tests hold either the app or its database. */
export type DbOrApp = Db | Pick<TestApp, 'db'>;
export const dbOf = (on: DbOrApp): Db => ('sqlite' in on ? on : on.db);

type Table = keyof Schema & string;

/** How many rows a table holds, optionally narrowed by an SQL where clause: refusals must write nothing. */
export function countRows(on: DbOrApp, table: Table | `${Table} where ${string}`): number {
  return (dbOf(on).sqlite.prepare(`select count(*) as n from ${table}`).get() as { n: number }).n;
}

type Part = { name: string; value: string } | { name: string; filename: string; type: string; data: Buffer };

/** Posts multipart/form-data with the client's cookies, parts in the given order (a browser sends document order). */
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
