// GET /collect/:stepId/admin/proposals.csv and analyses.csv (administrators): the step's public
// proposals (what its lists show) with one column per custom question, and their analyses and
// decisions (one row per opinion, or one row for a proposal without any). CSV in UTF-8 with a
// BOM so that spreadsheets read accents, formulas neutralised; proposals read in keyset chunks,
// each its own short read, so a large export never holds one long read transaction (WAL growth).
import { sql } from 'kysely';
import { Readable } from 'node:stream';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { stringify } from 'csv-stringify/sync';
import type { Db } from '../../db/open.ts';
import { readSync } from '../../db/write.ts';
import type { Translate } from '../../platform/i18n.ts';
import { answerText } from '../../platform/questions/format.ts';
import type { Answers } from '../../platform/questions/types.ts';
import { loadCollect, type StepParams } from './guards.ts';
import { listQuestions } from './queries.ts';

export const EXPORT_CHUNK = 500;
export const PROPOSAL_COLUMNS = ['reference', 'title', 'author', 'category', 'district', 'address', 'cost', 'status', 'decision', 'created_at'] as const;
export const ANALYSIS_COLUMNS = ['reference', 'title', 'analyst', 'opinion', 'comment', 'revised_cost', 'opinion_at', 'decision', 'reason', 'decided_by', 'decided_at'] as const;

// escape_formulas: a cell starting with = + - @ is not run as a formula by spreadsheets.
const csv = (records: (string | number)[][]) => stringify(records, { escape_formulas: true, record_delimiter: 'windows' });

/** Public proposals of the step with id > afterId, in id order, with their labels and decision. */
export function listExportProposals(db: Db, stepId: number, afterId: number, limit = EXPORT_CHUNK) {
  return readSync(db).all(
    db
      .selectFrom('collect_proposals as p')
      .innerJoin('contributions as c', 'c.id', 'p.contribution_id')
      .innerJoin('users as u', 'u.id', 'p.author_id')
      .leftJoin('collect_categories as cat', 'cat.id', 'p.category_id')
      .leftJoin('districts as d', 'd.id', 'p.district_id')
      .leftJoin('collect_statuses as st', 'st.id', 'p.status_id')
      .leftJoin('collect_decisions as dec', 'dec.proposal_id', 'p.contribution_id')
      .leftJoin('users as du', 'du.id', 'dec.decided_by')
      .select([
        'p.contribution_id as id', 'p.reference', 'c.title', 'u.display_name as author', 'u.deleted_at as author_deleted', 'cat.name as category', 'd.name as district', 'p.address', 'p.cost',
        'st.name as status', 'dec.decision', 'dec.reason_md', 'dec.decided_at', 'du.display_name as decider', 'c.created_at', 'p.answers',
      ])
      .where('p.step_id', '=', stepId)
      .where('p.published', '=', 1)
      .where('p.contribution_id', '>', afterId)
      .orderBy('p.contribution_id')
      .limit(sql.lit(limit)),
  );
}
type ExportProposal = ReturnType<typeof listExportProposals>[number];

async function* chunked(db: Db, stepId: number, each: (rows: ExportProposal[]) => string): AsyncGenerator<string> {
  let after = 0;
  for (;;) {
    const rows = listExportProposals(db, stepId, after);
    if (rows.length === 0) return;
    yield each(rows);
    after = rows[rows.length - 1]!.id;
    // Let other requests run between chunks.
    await new Promise((resolve) => setImmediate(resolve));
  }
}

export async function* proposalChunks(db: Db, stepId: number, t: Translate): AsyncGenerator<string> {
  const questions = listQuestions(db, stepId).filter((q) => q.type !== 'section');
  const deleted = t('users.deleted_name');
  yield '\uFEFF' + csv([[...PROPOSAL_COLUMNS.map((c) => t(`collect.export.col.${c}`)), ...questions.map((q, i) => `${i + 1}. ${q.title}`)]]);
  yield* chunked(db, stepId, (rows) =>
    csv(
      rows.map((r) => {
        const answers: Answers = JSON.parse(r.answers);
        return [
          r.reference, r.title ?? '', r.author_deleted || r.author === null ? deleted : r.author, r.category ?? '', r.district ?? '', r.address, r.cost ?? '', r.status ?? '',
          r.decision ? t(`collect.decision.${r.decision}`) : '', r.created_at, ...questions.map((q) => answerText(q, answers[q.id], t)),
        ];
      }),
    ),
  );
}

export async function* analysisChunks(db: Db, stepId: number, t: Translate): AsyncGenerator<string> {
  const deleted = t('users.deleted_name');
  yield '\uFEFF' + csv([ANALYSIS_COLUMNS.map((c) => t(`collect.export.col.${c}`))]);
  yield* chunked(db, stepId, (rows) => {
    // One query for the opinions of the whole chunk.
    const analyses = readSync(db).all(
      db
        .selectFrom('collect_analyses as a')
        .innerJoin('users as u', 'u.id', 'a.analyst_id')
        .select(['a.proposal_id', 'u.display_name as analyst', 'a.opinion', 'a.comment', 'a.revised_cost', 'a.updated_at'])
        .where('a.proposal_id', 'in', rows.map((r) => r.id))
        .orderBy('a.proposal_id')
        .orderBy('a.analyst_id'),
    );
    return csv(
      rows.flatMap((r) => {
        const decision = [r.decision ? t(`collect.decision.${r.decision}`) : '', r.reason_md ?? '', r.decision ? (r.decider ?? deleted) : '', r.decided_at ?? ''];
        const own = analyses.filter((a) => a.proposal_id === r.id);
        if (own.length === 0) return [[r.reference, r.title ?? '', '', '', '', '', '', ...decision]];
        return own.map((a) => [r.reference, r.title ?? '', a.analyst ?? deleted, t(`collect.opinion.${a.opinion}`), a.comment, a.revised_cost ?? '', a.updated_at, ...decision]);
      }),
    );
  });
}

function sendCsv(reply: FastifyReply, name: string, chunks: AsyncGenerator<string>) {
  return reply
    .type('text/csv; charset=utf-8')
    .header('content-disposition', `attachment; filename="${name}"`)
    .header('cache-control', 'no-store')
    .send(Readable.from(chunks));
}

export async function exportProposals(request: FastifyRequest<{ Params: StepParams }>, reply: FastifyReply) {
  const { step } = loadCollect(request, request.params.stepId);
  return sendCsv(reply, `collect-${step.id}-proposals.csv`, proposalChunks(request.server.db, step.id, request.t));
}

export async function exportAnalyses(request: FastifyRequest<{ Params: StepParams }>, reply: FastifyReply) {
  const { step } = loadCollect(request, request.params.stepId);
  return sendCsv(reply, `collect-${step.id}-analyses.csv`, analysisChunks(request.server.db, step.id, request.t));
}
