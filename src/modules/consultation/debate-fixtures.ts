// Test helpers of the debate part (amendments, arguments, sources, export), on top of the
// module's test-fixtures.ts: an open consultation whose "Article 1" holds one opinion, and four
// people (its author, another citizen, an administrator, an anonymous visitor) with clients.
import type { TestApp, Client } from '../../../test/helpers/app.ts';
import { anonymous, loginAs } from '../../../test/helpers/factories.ts';
import type { Visibility } from '../../db/schema.ts';
import type { Step } from '../../platform/participation.ts';
import { createOpinion } from './item-queries.ts';
import { makeConsultation } from './test-fixtures.ts';

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

export const SECTION_TEXT = 'Le conseil municipal se réunit chaque mois en séance publique.';

export async function makeDebate(t: TestApp, o: DebateOptions = {}): Promise<Debate> {
  const ids = makeConsultation(t.db, { visibility: o.visibility, requirePostalCode: o.postal });
  const db = t.db;
  db.sqlite.prepare('update consultation_sections set body_md = ? where id = ?').run(SECTION_TEXT, ids.childSectionId);
  for (const [flag, value] of Object.entries(o.allow ?? {})) db.sqlite.prepare(`update consultation_sections set ${flag} = ? where id = ?`).run(value, ids.childSectionId);
  if (o.starts !== undefined || o.ends !== undefined) db.sqlite.prepare('update steps set starts_at = ?, ends_at = ? where id = ?').run(o.starts ?? null, o.ends ?? null, ids.stepId);
  const step = db.sqlite.prepare('select * from steps where id = ?').get(ids.stepId) as Step;
  const author = await loginAs(t);
  const other = await loginAs(t);
  const admin = await loginAs(t, 'admin');
  const itemId = createOpinion(db, step, { sectionId: ids.childSectionId, authorId: author.userId, typeId: ids.typeId, title: 'Ouvrir les séances', body: 'Filmer les séances du conseil.' });
  return {
    projectId: ids.projectId,
    stepId: ids.stepId,
    step,
    sectionId: ids.childSectionId,
    sectionText: SECTION_TEXT,
    itemId,
    authorId: author.userId,
    otherId: other.userId,
    adminId: admin.userId,
    author: author.client,
    other: other.client,
    admin: admin.client,
    anon: await anonymous(t),
  };
}
