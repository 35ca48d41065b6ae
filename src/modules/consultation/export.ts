// GET /consultation/:stepId/export.csv (administrators): the consultation as CSV, UTF-8 with a
// BOM so spreadsheets read accents, streamed in keyset chunks of 1000 rows.
import { Readable } from 'node:stream';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { stringify } from 'csv-stringify/sync';
import type { Db } from '../../db/open.ts';
import type { Translate } from '../../platform/i18n.ts';
import { loadStep } from './guards.ts';
import { EXPORT_COLUMNS, exportRecord, listExportRows } from './export-queries.ts';

// escape_formulas: a cell starting with = + - @ is not run as a formula by spreadsheets.
const csv = (records: (string | number)[][]) => stringify(records, { escape_formulas: true, record_delimiter: 'windows' });

/** Header first, then one chunk per query; each query is its own short read. */
async function* exportChunks(db: Db, stepId: number, t: Translate): AsyncGenerator<string> {
  yield '\uFEFF' + csv([EXPORT_COLUMNS.map((c) => t(`consultation.export.col.${c}`))]);
  const deletedName = t('users.deleted_name');
  let after = 0;
  for (;;) {
    const rows = await listExportRows(db, stepId, after);
    if (rows.length === 0) return;
    yield csv(rows.map((r) => exportRecord(r, t, deletedName)));
    after = rows[rows.length - 1]!.id;
  }
}

export async function exportCsv(request: FastifyRequest<{ Params: { stepId: string } }>, reply: FastifyReply) {
  const { step } = loadStep(request, request.params.stepId);
  return reply
    .type('text/csv; charset=utf-8')
    .header('content-disposition', `attachment; filename="consultation-${step.id}.csv"`)
    .header('cache-control', 'no-store')
    .send(Readable.from(exportChunks(request.server.db, step.id, request.t)));
}
