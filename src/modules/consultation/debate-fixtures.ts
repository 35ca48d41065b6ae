// Test helpers of the debate part (amendments, arguments, sources, export): a public project
// with an open consultation step, one section, one opinion, and four people with their clients.
import type { TestApp, Client } from '../../../test/helpers/app.ts';
import { write } from '../../db/write.ts';
import { insertUser } from '../../platform/users.ts';
import { createSession } from '../../platform/sessions.ts';
import type { Visibility } from '../../db/schema.ts';
import type { Step } from '../../platform/participation.ts';
import { createOpinion } from './item-queries.ts';

let counter = 0;
const DAY = 24 * 3600_000;
export const daysFromNow = (d: number) => new Date(Date.now() + d * DAY).toISOString();

export function addPerson(t: TestApp, role: 'citizen' | 'admin' = 'citizen', name?: string): number {
  counter += 1;
  return write(t.db, (tx) => insertUser(t.db, tx, { email: `debate-${counter}-${process.pid}@example.org`, passwordHash: null, displayName: name ?? `Personne ${counter}`, role, emailConfirmed: true }));
}

/** A client with a live session and the CSRF token of that session. */
export async function clientFor(t: TestApp, userId: number | null): Promise<Client> {
  const c = t.client();
  if (userId !== null) c.cookies.set('session', createSession(t.db, userId));
  await c.get(userId === null ? '/register' : '/pages/mentions-legales');
  return c;
}

export interface Debate {
  projectId: number;
  stepId: number;
  step: Step;
  sectionId: number;
  sectionText: string;
  itemId: number;
  authorId: number;
  otherId: number;
  adminId: number;
  author: Client;
  other: Client;
  admin: Client;
  anon: Client;
}

export interface DebateOptions {
  visibility?: Visibility;
  starts?: string | null;
  ends?: string | null;
  allow?: Partial<Record<'allow_amendments' | 'allow_arguments' | 'allow_sources' | 'allow_votes', 0 | 1>>;
  postal?: boolean;
}

export async function makeDebate(t: TestApp, o: DebateOptions = {}): Promise<Debate> {
  counter += 1;
  const now = new Date().toISOString();
  const sectionText = 'Le conseil municipal se réunit chaque mois en séance publique.';
  const ids = write(t.db, (tx) => {
    const projectId = tx.run(t.db.insertInto('projects').values({ slug: `debat-${counter}-${process.pid}`, title: `Débat ${counter}`, visibility: o.visibility ?? 'public', cover_path: null, created_at: now, updated_at: now })).lastInsertRowid;
    const stepId = tx.run(
      t.db.insertInto('steps').values({
        project_id: projectId,
        position: 1,
        type: 'consultation',
        title: 'Consultation',
        starts_at: o.starts === undefined ? daysFromNow(-1) : o.starts,
        ends_at: o.ends === undefined ? daysFromNow(30) : o.ends,
        require_postal_code: o.postal ? 1 : 0,
        created_at: now,
        updated_at: now,
      }),
    ).lastInsertRowid;
    const typeId = tx.run(t.db.insertInto('consultation_contribution_types').values({ step_id: stepId, name: 'Proposition', colour: '#1d4ed8', position: 1 })).lastInsertRowid;
    const sectionId = tx.run(t.db.insertInto('consultation_sections').values({ step_id: stepId, parent_id: null, position: 1, title: 'Article 1', body_md: sectionText, ...o.allow })).lastInsertRowid;
    tx.run(t.db.insertInto('consultation_section_types').values({ section_id: sectionId, type_id: typeId }));
    return { projectId, stepId, typeId, sectionId };
  });
  const step = t.db.sqlite.prepare('select * from steps where id = ?').get(ids.stepId) as Step;
  const authorId = addPerson(t);
  const otherId = addPerson(t);
  const adminId = addPerson(t, 'admin');
  const itemId = createOpinion(t.db, step, { sectionId: ids.sectionId, authorId, typeId: ids.typeId, title: 'Ouvrir les séances', body: 'Filmer les séances du conseil.' });
  return {
    projectId: ids.projectId,
    stepId: ids.stepId,
    step,
    sectionId: ids.sectionId,
    sectionText,
    itemId,
    authorId,
    otherId,
    adminId,
    author: await clientFor(t, authorId),
    other: await clientFor(t, otherId),
    admin: await clientFor(t, adminId),
    anon: await clientFor(t, null),
  };
}

/** How many rows a table holds (tests check that a refusal wrote nothing). */
export function countRows(t: TestApp, table: string): number {
  return (t.db.sqlite.prepare(`select count(*) as n from ${table}`).get() as { n: number }).n;
}

export function counters(t: TestApp, d: Pick<Debate, 'stepId' | 'projectId'>) {
  const step = t.db.sqlite.prepare('select contributions_count, votes_count from steps where id = ?').get(d.stepId) as { contributions_count: number; votes_count: number };
  const project = t.db.sqlite.prepare('select contributions_count, participants_count from projects where id = ?').get(d.projectId) as { contributions_count: number; participants_count: number };
  return { step, project };
}
