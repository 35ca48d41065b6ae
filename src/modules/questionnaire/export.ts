// GET /questionnaire/:stepId/admin/responses.csv and .json (administrators): the submitted
// responses, one row (or object) each, one column per question in the questionnaire's order.
// CSV in UTF-8 with a BOM (spreadsheets read accents), formulas neutralised; responses read in
// keyset chunks, each its own short read, so memory stays flat and no read holds the WAL.
import { sql } from 'kysely';
import { Readable } from 'node:stream';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Db } from '../../db/open.ts';
import { readSync } from '../../db/write.ts';
import type { Translate } from '../../platform/i18n.ts';
import { answerText } from '../../platform/questions/format.ts';
import type { Answers, Question } from '../../platform/questions/types.ts';
import { loadQuestionnaire, type StepParams } from './guards.ts';
import { listQuestions } from './queries.ts';
import { exportFile } from './transfer.ts';

export const EXPORT_CHUNK = 200;

type Row = { id: number; answers: string; segment: string; submitted_at: string | null };

/** Submitted responses of the step with id > afterId, in id order. */
export function listExportResponses(db: Db, stepId: number, afterId: number, limit = EXPORT_CHUNK): Row[] {
  return readSync(db).all(
    db
      .selectFrom('questionnaire_responses')
      .select(['id', 'answers', 'segment', 'submitted_at'])
      .where('step_id', '=', stepId)
      .where('status', '=', sql.lit('submitted'))
      .where('id', '>', afterId)
      .orderBy('id')
      .limit(sql.lit(limit)),
  );
}

/** The districts' names by segment, for the "district" column. */
function districtNames(db: Db): Map<string, string> {
  return new Map(readSync(db).all(db.selectFrom('districts').select(['id', 'name'])).map((d) => [`d${d.id}`, d.name]));
}

async function* chunks(db: Db, stepId: number, each: (rows: Row[]) => string): AsyncGenerator<string> {
  let after = 0;
  for (;;) {
    const rows = listExportResponses(db, stepId, after);
    if (rows.length === 0) return;
    yield each(rows);
    after = rows[rows.length - 1]!.id;
    // Let other requests run between chunks.
    await new Promise((resolve) => setImmediate(resolve));
  }
}

// RFC 4180 written by hand: a generic CSV library spent most of an export's time on 2.8 million
// cells. A text starting with = + - @ (or a tab or CR) gets a leading ' so that spreadsheets do
// not run it as a formula, as csv-stringify's escape_formulas does for the debate's export.
const FORMULA = /^[=+\-@\t\r]/;
const QUOTE = /[",\r\n]/;
function cell(value: string | number): string {
  if (typeof value === 'number') return String(value);
  const text = FORMULA.test(value) ? `'${value}` : value;
  return QUOTE.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}
export const csv = (records: (string | number)[][]) => records.map((r) => r.map(cell).join(',') + '\r\n').join('');

/** The header (fixed columns, then every question numbered in order) and the rows. */
export async function* csvChunks(db: Db, stepId: number, t: Translate): AsyncGenerator<string> {
  const questions = listQuestions(db, stepId).filter((q) => q.type !== 'section');
  const names = districtNames(db);
  yield '\uFEFF' + csv([[t('questionnaire.export.col.id'), t('questionnaire.export.col.submitted_at'), t('questionnaire.export.col.district'), ...questions.map((q, i) => `${i + 1}. ${q.title}`)]]);
  yield* chunks(db, stepId, (rows) =>
    csv(
      rows.map((r) => {
        const a: Answers = JSON.parse(r.answers);
        return [r.id, r.submitted_at ?? '', names.get(r.segment) ?? '', ...questions.map((q: Question) => answerText(q, a[q.id], t))];
      }),
    ),
  );
}

export async function exportCsv(request: FastifyRequest<{ Params: StepParams }>, reply: FastifyReply) {
  const { step } = loadQuestionnaire(request, request.params.stepId);
  return reply
    .type('text/csv; charset=utf-8')
    .header('content-disposition', `attachment; filename="questionnaire-${step.id}-responses.csv"`)
    .header('cache-control', 'no-store')
    .send(Readable.from(csvChunks(request.server.db, step.id, request.t)));
}

/** The questionnaire (the import format) and its responses with their answers as stored. */
async function* jsonChunks(db: Db, stepId: number, title: string): AsyncGenerator<string> {
  const names = districtNames(db);
  yield `{"questionnaire":${JSON.stringify(exportFile(title, listQuestions(db, stepId)))},"responses":[`;
  let first = true;
  yield* chunks(db, stepId, (rows) => {
    const text = rows.map((r, i) => `${first && i === 0 ? '' : ','}{"id":${r.id},"submitted_at":${JSON.stringify(r.submitted_at)},"district":${JSON.stringify(names.get(r.segment) ?? null)},"answers":${r.answers}}`).join('');
    first = false;
    return text;
  });
  yield ']}';
}

export async function exportJson(request: FastifyRequest<{ Params: StepParams }>, reply: FastifyReply) {
  const { step } = loadQuestionnaire(request, request.params.stepId);
  return reply
    .type('application/json; charset=utf-8')
    .header('content-disposition', `attachment; filename="questionnaire-${step.id}-responses.json"`)
    .header('cache-control', 'no-store')
    .send(Readable.from(jsonChunks(request.server.db, step.id, step.title)));
}
