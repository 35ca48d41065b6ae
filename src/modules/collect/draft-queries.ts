// Reads of drafts: a person's drafts on a step (their list on the step's page) and one draft
// of a step, whoever wrote it (the caller checks the author).
import { sql } from 'kysely';
import type { Db } from '../../db/open.ts';
import { readSync } from '../../db/write.ts';
import { compiledQuery } from '../../db/compiled.ts';

export interface Draft {
  id: number;
  author_id: number;
  title: string;
  fields: Record<string, string | string[]>;
  updated_at: string;
}

/** A person's drafts on the step, latest first (a handful at most in practice). */
export function listOwnDrafts(db: Db, stepId: number, userId: number): { id: number; title: string; updated_at: string }[] {
  return readSync(db).all(ownDraftsQuery(db, '', { stepId, userId }));
}
const ownDraftsQuery = compiledQuery<{ stepId: number; userId: number }, { id: number; title: string; updated_at: string }>((db, p) =>
  db.selectFrom('collect_drafts').select(['id', 'title', 'updated_at']).where('author_id', '=', p.userId).where('step_id', '=', p.stepId).orderBy('id', 'desc').limit(sql.lit(50)),
);

/** A draft of THIS step, whoever wrote it (the caller checks the author). */
export function findDraft(db: Db, stepId: number, id: number): Draft | undefined {
  const row = readSync(db).first(db.selectFrom('collect_drafts').select(['id', 'author_id', 'title', 'fields', 'updated_at']).where('id', '=', id).where('step_id', '=', stepId));
  return row && { ...row, fields: JSON.parse(row.fields) };
}
