// GET /selection/:stepId/results.csv (administrators): the votes aggregated per proposal, in the
// ranking's order per envelope (never who voted for what: only the proposals' counters are read),
// as CSV in UTF-8 with a BOM so that spreadsheets read accents. Before publication the winners are
// those the rules would name now, and the outcome column says so.
import type { FastifyReply, FastifyRequest } from 'fastify';
import { stringify } from 'csv-stringify/sync';
import type { Translate } from '../../platform/i18n.ts';
import { loadSelection, type StepParams } from './guards.ts';
import { buildResults } from './results-queries.ts';
import { resultsView } from './results.ts';

export const EXPORT_COLUMNS = ['reference', 'title', 'envelope', 'rank', 'cost', 'votes', 'paper_votes', 'total', 'points', 'paper_points', 'winner', 'outcome'] as const;

// escape_formulas: a title starting with = + - @ is not run as a formula by spreadsheets.
const csv = (records: (string | number)[][]) => stringify(records, { escape_formulas: true, record_delimiter: 'windows' });

export function resultsCsv(view: ReturnType<typeof resultsView>, t: Translate): string {
  const rows: (string | number)[][] = [EXPORT_COLUMNS.map((c) => t(`selection.export.col.${c}`))];
  for (const e of view.envelopes) {
    const envelope = view.single ? t('selection.results.envelope.all') : e.envelope === null ? t('selection.results.envelope.city') : (e.name ?? '');
    for (const r of e.rows) {
      const outcome = r.winner ? (view.published ? 'winner' : 'provisional') : r.outcome;
      rows.push([r.reference, r.title, envelope, r.rank, r.cost, r.votes, r.paperVotes, r.total, r.points + r.paperPoints, r.paperPoints, t(r.winner ? 'selection.export.yes' : 'selection.export.no'), t(`selection.results.outcome.${outcome}`)]);
    }
  }
  return '\uFEFF' + csv(rows);
}

export async function exportResultsCsv(request: FastifyRequest<{ Params: StepParams }>, reply: FastifyReply) {
  const { step } = loadSelection(request, request.params.stepId);
  const view = resultsView(buildResults(request.server.db, step));
  return reply
    .type('text/csv; charset=utf-8')
    .header('content-disposition', `attachment; filename="selection-${step.id}-results.csv"`)
    .header('cache-control', 'no-store')
    .send(resultsCsv(view, request.t));
}
