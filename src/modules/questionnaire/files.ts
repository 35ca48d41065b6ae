// GET /questionnaire/:stepId/admin/files/:responseId/:questionId (administrators): a file sent as
// an answer, read from the private folder; the response and question must belong to the step.
import fs from 'node:fs';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { notFound } from '../../platform/http.ts';
import { parseId } from '../../platform/forms.ts';
import { readSync } from '../../db/write.ts';
import { answerFilePath, FILE_MIME } from '../../platform/questions/files.ts';
import type { FileAnswer } from '../../platform/questions/types.ts';
import { loadQuestion, loadQuestionnaire } from './guards.ts';

type Params = { stepId: string; responseId: string; questionId: string };

export async function downloadFile(request: FastifyRequest<{ Params: Params }>, reply: FastifyReply) {
  const ctx = loadQuestionnaire(request, request.params.stepId);
  const q = loadQuestion(request, ctx, request.params.questionId);
  const id = parseId(request.params.responseId);
  const db = request.server.db;
  const row = id === null ? undefined : readSync(db).first(db.selectFrom('questionnaire_responses').select('answers').where('id', '=', id).where('step_id', '=', ctx.step.id));
  const a = row ? (JSON.parse(row.answers)[q.id] as FileAnswer | undefined) : undefined;
  if (!a?.stored) throw notFound();
  const path = answerFilePath(request.server.config.dataDir, a.stored);
  if (!fs.existsSync(path)) throw notFound();
  return reply
    .type(FILE_MIME[a.kind])
    .header('content-disposition', `attachment; filename="response-${id}-question-${q.id}.${a.stored.split('.').pop()}"`)
    .header('cache-control', 'no-store')
    .header('x-content-type-options', 'nosniff')
    .send(fs.createReadStream(path));
}
