// A proposal's files over HTTP: the route options of the proposal form (multipart read after the
// gate, with the hard limits of media-rules.ts), the file itself served only to those who may
// see its proposal (moderation, trash and drafts apply), and the job that removes the bytes of
// files whose rows are gone.
import fs from 'node:fs';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { notFound } from '../../platform/http.ts';
import { parseId } from '../../platform/forms.ts';
import { assertCanParticipate } from '../../platform/gate.ts';
import { uploadRoute } from '../../platform/multipart.ts';
import { visibilityOf } from '../../platform/contributions.ts';
import type { Job } from '../../platform/module.ts';
import { loadCollect } from './guards.ts';
import { findServedFile } from './media-queries.ts';
import { mediaPath, sweepRemovedFiles } from './media-files.ts';
import { ATTACHMENTS_HARD_MAX, FILE_MB_HARD_MAX, MB } from './media-rules.ts';
import { BODY_MAX } from './rules.ts';

const upload = uploadRoute({
  file: 'image',
  fileBytes: FILE_MB_HARD_MAX * MB,
  moreFiles: { attachments: ATTACHMENTS_HARD_MAX },
  totalFileBytes: (1 + ATTACHMENTS_HARD_MAX) * FILE_MB_HARD_MAX * MB,
  // The text fields and custom questions (choices repeat their name).
  fields: 600,
  fieldBytes: 4 * BODY_MAX,
  totalFieldBytes: 1024 * 1024,
});

/** The gate before a multipart body is read: nobody uploads to a step they may not post to. */
// FastifyRequest<any>: the options fit any route's params (each handler types its own).
async function gateFirst(request: FastifyRequest<any>, reply: FastifyReply) {
  try {
    assertCanParticipate(request, loadCollect(request, (request.params as { stepId?: string }).stepId), 'contribute');
  } catch (err) {
    if (request.isMultipart()) reply.header('connection', 'close'); // the body is not read
    throw err;
  }
}

/** Route options of a post of the proposal form: its own options (rate limit) with the upload's. */
// preHandler typed loosely: each route's handler gives its params' type to the route.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export function withFiles(options: { config: object }): { config: object; preHandler: any[] } {
  return { config: { ...options.config, ...upload.config }, preHandler: [gateFirst, (request: FastifyRequest<any>, reply: FastifyReply) => upload.preHandler(request, reply)] };
}

type FileParams = { stepId: string; fileId: string };

/** GET /collect/:stepId/files/:fileId(/card): the file if its proposal is shown to this person. */
async function serve(request: FastifyRequest<{ Params: FileParams }>, reply: FastifyReply, size: 'full' | 'card') {
  const ctx = loadCollect(request, request.params.stepId);
  const id = parseId(request.params.fileId);
  const file = id === null ? undefined : findServedFile(request.server.db, ctx.step.id, id);
  if (!file || visibilityOf(file, request.user) !== 'show' || (size === 'card' && !file.card)) throw notFound();
  const path = mediaPath(request.server.config.dataDir, size === 'card' ? file.card! : file.stored);
  if (!fs.existsSync(path)) throw notFound();
  // Published files may be cached a while; what only its author or officials see, never.
  reply.header('cache-control', file.status === 'published' ? 'public, max-age=3600' : 'private, no-store').header('x-content-type-options', 'nosniff');
  if (file.role === 'attachment') reply.header('content-disposition', `attachment; filename*=UTF-8''${encodeURIComponent(file.name)}`);
  return reply.type(file.kind === 'pdf' ? 'application/pdf' : 'image/webp').send(fs.createReadStream(path));
}

export const serveFile = (request: FastifyRequest<{ Params: FileParams }>, reply: FastifyReply) => serve(request, reply, 'full');
export const serveCard = (request: FastifyRequest<{ Params: FileParams }>, reply: FastifyReply) => serve(request, reply, 'card');

/** Bytes left on disk by a crash between a write and its sweep. */
export const sweepJob: Job = { name: 'collect.files', everyMs: 15 * 60_000, run: async (app) => void (await sweepRemovedFiles(app.db, app.config.dataDir)) };
