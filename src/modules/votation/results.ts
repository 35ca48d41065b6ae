// After the close, anyone may download the complete anonymised ballot file: JSON (the canonical
// file whose SHA-256 is published, ballot-file.ts) and CSV (the same ballots with the labels, for
// spreadsheets). Both stream the ballot box in id order by chunks.
import { Readable } from 'node:stream';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { stringify } from 'csv-stringify/sync';
import { HttpError } from '../../platform/http.ts';
import type { Translate } from '../../platform/i18n.ts';
import type { Db } from '../../db/open.ts';
import { loadVotation, headOf, votationOf, type StepParams } from './guards.ts';
import { iterateBallots } from './queries.ts';
import { ballotLine, headLine, TAIL, type Answer, type FileHead, type FileQuestion } from './ballot-file.ts';

/** The canonical file, piece by piece; its bytes are exactly those the seal hashed. */
export function* canonicalFile(db: Db, head: FileHead): Generator<string> {
  yield headLine(head);
  let previous: { id: string; answers: string } | null = null;
  for (const b of iterateBallots(db, head.step.id)) {
    if (previous) yield ballotLine(previous.id, previous.answers, false);
    previous = b;
  }
  if (previous) yield ballotLine(previous.id, previous.answers, true);
  yield TAIL;
}

function closedHead(request: FastifyRequest<{ Params: StepParams }>) {
  const ctx = loadVotation(request, request.params.stepId);
  if (ctx.state !== 'closed') throw new HttpError(403, 'votation.results.refused.open');
  votationOf(request, ctx);
  return headOf(request, ctx);
}

export async function ballotsJson(request: FastifyRequest<{ Params: StepParams }>, reply: FastifyReply) {
  const head = closedHead(request);
  return reply
    .type('application/json; charset=utf-8')
    .header('content-disposition', `attachment; filename="votation-${head.step.id}-ballots.json"`)
    .send(Readable.from(canonicalFile(request.server.db, head)));
}

const csv = (records: string[][]) => stringify(records, { escape_formulas: true, record_delimiter: 'windows' });

/** One column per question, or per option for majority judgment (its grade). */
export function csvColumns(questions: readonly FileQuestion[], t: Translate): string[] {
  return [t('votation.csv.ballot'), ...questions.flatMap((q) => (q.method === 'majority' ? q.options.map((o) => `${q.title} — ${o}`) : [q.title]))];
}

export function csvCells(questions: readonly FileQuestion[], answers: readonly Answer[], t: Translate): string[] {
  const blank = t('votation.answer.blank');
  return questions.flatMap((q, i) => {
    const a = answers[i] ?? null;
    if (q.method === 'majority') return q.options.map((_, o) => (a === null ? blank : q.grades![(a as number[])[o]!]!));
    if (a === null) return [blank];
    if (q.method === 'single') return [q.options[a as number]!];
    return [(a as number[]).map((o) => q.options[o]!).join(q.method === 'ranked' ? ' > ' : ' | ')];
  });
}

async function* csvChunks(db: Db, head: FileHead, t: Translate): AsyncGenerator<string> {
  yield '\uFEFF' + csv([csvColumns(head.questions, t)]);
  let rows: string[][] = [];
  for (const b of iterateBallots(db, head.step.id)) {
    rows.push([b.id, ...csvCells(head.questions, JSON.parse(b.answers) as Answer[], t)]);
    if (rows.length === 1000) { yield csv(rows); rows = []; }
  }
  if (rows.length) yield csv(rows);
}

export async function ballotsCsv(request: FastifyRequest<{ Params: StepParams }>, reply: FastifyReply) {
  const head = closedHead(request);
  return reply
    .type('text/csv; charset=utf-8')
    .header('content-disposition', `attachment; filename="votation-${head.step.id}-ballots.csv"`)
    .send(Readable.from(csvChunks(request.server.db, head, request.t)));
}
