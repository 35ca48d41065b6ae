// GET /debate/:stepId/export.csv (administrators): the vote counts per side (never who voted),
// the invited opinions, the conclusion and every argument, as CSV in UTF-8 with a BOM so that
// spreadsheets read accents. Arguments are read in keyset chunks, each its own short read, so a
// large export never holds one long read transaction (WAL growth).
import { sql } from 'kysely';
import { Readable } from 'node:stream';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { stringify } from 'csv-stringify/sync';
import type { Db } from '../../db/open.ts';
import type { Translate } from '../../platform/i18n.ts';
import { loadDebate, type StepParams } from './guards.ts';
import { findDebate, listOpinions } from './queries.ts';

export const EXPORT_CHUNK = 1000;
export const EXPORT_COLUMNS = ['type', 'id', 'side', 'text', 'author', 'role', 'status', 'date', 'useful_count', 'votes'] as const;

/** Arguments of this step with id > afterId, in id order, in every status; authors by public name. */
export function listExportArguments(db: Db, stepId: number, afterId: number, limit = EXPORT_CHUNK) {
  return db
    .selectFrom('debate_arguments as a')
    .innerJoin('contributions as c', 'c.id', 'a.contribution_id')
    .innerJoin('users as u', 'u.id', 'a.author_id')
    .select(['a.contribution_id as id', 'a.side', 'a.useful_count', 'c.body_md', 'c.status', 'c.created_at', 'u.display_name', 'u.deleted_at'])
    .where('a.step_id', '=', stepId)
    .where('a.contribution_id', '>', afterId)
    .orderBy('a.contribution_id')
    .limit(sql.lit(limit))
    .execute();
}

// escape_formulas: a cell starting with = + - @ is not run as a formula by spreadsheets.
const csv = (records: (string | number)[][]) => stringify(records, { escape_formulas: true, record_delimiter: 'windows' });

/** The header and the step's own rows first, then one chunk of arguments per query. */
async function* exportChunks(db: Db, stepId: number, t: Translate): AsyncGenerator<string> {
  const side = (s: string) => t(`debate.side.${s}`);
  const kind = (k: string) => t(`debate.export.kind.${k}`);
  const debate = findDebate(db, stepId);
  const head: (string | number)[][] = [
    [kind('votes'), '', side('for'), '', '', '', '', '', '', debate.votes_for],
    [kind('votes'), '', side('against'), '', '', '', '', '', '', debate.votes_against],
    ...listOpinions(db, stepId).map((o) => [kind('opinion'), '', side(o.side), o.body_md, o.author_name, o.author_role, '', '', '', '']),
  ];
  if (debate.conclusion_md) head.push([kind('conclusion'), '', '', debate.conclusion_md, '', '', '', debate.conclusion_at ?? '', '', '']);
  yield '\uFEFF' + csv([EXPORT_COLUMNS.map((c) => t(`debate.export.col.${c}`)), ...head]);
  const deletedName = t('users.deleted_name');
  let after = 0;
  for (;;) {
    const rows = await listExportArguments(db, stepId, after);
    if (rows.length === 0) return;
    yield csv(
      rows.map((r) => [kind('argument'), r.id, side(r.side), r.body_md, r.deleted_at || r.display_name === null ? deletedName : r.display_name, '', t(`debate.export.status.${r.status}`), r.created_at, r.useful_count, '']),
    );
    after = rows[rows.length - 1]!.id;
  }
}

export async function exportCsv(request: FastifyRequest<{ Params: StepParams }>, reply: FastifyReply) {
  const { step } = loadDebate(request, request.params.stepId);
  return reply
    .type('text/csv; charset=utf-8')
    .header('content-disposition', `attachment; filename="debate-${step.id}.csv"`)
    .header('cache-control', 'no-store')
    .send(Readable.from(exportChunks(request.server.db, step.id, request.t)));
}
